import { call } from './call';

/** A trajectory's audit log and the check of its chain. */
export const auditApi = {
  list: (trajectoryId: string, signal?: AbortSignal) => call('listAuditEvents', { params: { trajectoryId } }, signal),
  verify: (trajectoryId: string) => call('verifyAuditChain', { params: { trajectoryId } }),
};
