import type { Role } from '../../shared/domain/roles';
import { call } from './call';

export const memberApi = {
  list: (trajectoryId: string, signal?: AbortSignal) => call('listMembers', { params: { trajectoryId } }, signal),
  changeRole: (trajectoryId: string, memberId: string, role: Role) => call('changeMemberRole', { params: { trajectoryId, memberId }, body: { role } }),
  remove: (trajectoryId: string, memberId: string) => call('removeMember', { params: { trajectoryId, memberId } }),
};
