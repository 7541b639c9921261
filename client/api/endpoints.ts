import type { z } from 'zod';
import type { Role } from '../../shared/domain/roles';
import type { AuditEventDto, AuditVerification, OutboxMessageDto } from '../../shared/schemas/audit';
import type { InvitationPreview, MeResponse } from '../../shared/schemas/auth';
import type { AuthConfig } from '../../shared/schemas/auth-config';
import type {
  decideTopicRequest,
  proposeTopicRequest,
  TopicDto,
  updateTopicRequest,
} from '../../shared/schemas/topics';
import type {
  createTrajectoryRequest,
  InvitationDto,
  inviteRequest,
  MemberDto,
  OrganisationDto,
  RegionDto,
  TrajectoryDto,
  updateTrajectoryRequest,
} from '../../shared/schemas/trajectories';
import { request } from './client';

// What the client sends is the schemas' input (defaults may be left out); what it gets back
// are the DTOs the server produces.
export type CreateTrajectoryInput = z.input<typeof createTrajectoryRequest>;
export type UpdateTrajectoryInput = z.input<typeof updateTrajectoryRequest>;
export type InviteInput = z.input<typeof inviteRequest>;
export type ProposeTopicInput = z.input<typeof proposeTopicRequest>;
export type DecideTopicInput = z.input<typeof decideTopicRequest>;
export type UpdateTopicInput = z.input<typeof updateTopicRequest>;

const enc = encodeURIComponent;
const trajectoryPath = (id: string) => `/api/trajectories/${enc(id)}`;

export const authApi = {
  me: (signal?: AbortSignal) => request<MeResponse>('GET', '/api/me', undefined, signal),
  login: (email: string, password: string) => request<MeResponse>('POST', '/api/auth/login', { email, password }),
  /** After an organisation sign-in, says where the provider ends its own session. */
  logout: () => request<{ redirectTo: string } | undefined>('POST', '/api/auth/logout'),
  config: (signal?: AbortSignal) => request<AuthConfig>('GET', '/api/auth/config', undefined, signal),
  requestPasswordReset: (email: string) => request<void>('POST', '/api/auth/password-reset', { email }),
  confirmPasswordReset: (token: string, password: string) =>
    request<MeResponse>('POST', '/api/auth/password-reset/confirm', { token, password }),
};

export const invitationApi = {
  preview: (token: string, signal?: AbortSignal) =>
    request<InvitationPreview>('GET', `/api/invitations/${enc(token)}`, undefined, signal),
  // The token travels in the path and, for the schema's sake, in the body too.
  accept: (token: string, account?: { name: string; password: string }) =>
    request<MeResponse>('POST', `/api/invitations/${enc(token)}/accept`, { token, ...account }),
};

export const catalogueApi = {
  regions: (signal?: AbortSignal) => request<RegionDto[]>('GET', '/api/regions', undefined, signal),
  organisations: (signal?: AbortSignal) => request<OrganisationDto[]>('GET', '/api/organisations', undefined, signal),
};

export const trajectoryApi = {
  list: (signal?: AbortSignal) => request<TrajectoryDto[]>('GET', '/api/trajectories', undefined, signal),
  get: (id: string, signal?: AbortSignal) => request<TrajectoryDto>('GET', trajectoryPath(id), undefined, signal),
  create: (input: CreateTrajectoryInput) => request<TrajectoryDto>('POST', '/api/trajectories', input),
  update: (id: string, input: UpdateTrajectoryInput) => request<TrajectoryDto>('PATCH', trajectoryPath(id), input),
};

export const memberApi = {
  list: (trajectoryId: string, signal?: AbortSignal) =>
    request<MemberDto[]>('GET', `${trajectoryPath(trajectoryId)}/members`, undefined, signal),
  changeRole: (trajectoryId: string, memberId: string, role: Role) =>
    request<MemberDto>('PATCH', `${trajectoryPath(trajectoryId)}/members/${enc(memberId)}`, { role }),
  remove: (trajectoryId: string, memberId: string) =>
    request<void>('DELETE', `${trajectoryPath(trajectoryId)}/members/${enc(memberId)}`),
};

export const invitationAdminApi = {
  list: (trajectoryId: string, signal?: AbortSignal) =>
    request<InvitationDto[]>('GET', `${trajectoryPath(trajectoryId)}/invitations`, undefined, signal),
  invite: (trajectoryId: string, input: InviteInput) =>
    request<InvitationDto>('POST', `${trajectoryPath(trajectoryId)}/invitations`, input),
  revoke: (trajectoryId: string, invitationId: string) =>
    request<void>('DELETE', `${trajectoryPath(trajectoryId)}/invitations/${enc(invitationId)}`),
};

export const topicApi = {
  list: (trajectoryId: string, signal?: AbortSignal) =>
    request<TopicDto[]>('GET', `${trajectoryPath(trajectoryId)}/topics`, undefined, signal),
  propose: (trajectoryId: string, input: ProposeTopicInput) =>
    request<TopicDto>('POST', `${trajectoryPath(trajectoryId)}/topics`, input),
  decide: (trajectoryId: string, topicId: string, input: DecideTopicInput) =>
    request<TopicDto>('POST', `${trajectoryPath(trajectoryId)}/topics/${enc(topicId)}/decision`, input),
  update: (trajectoryId: string, topicId: string, input: UpdateTopicInput) =>
    request<TopicDto>('PATCH', `${trajectoryPath(trajectoryId)}/topics/${enc(topicId)}`, input),
  reorder: (trajectoryId: string, order: string[]) =>
    request<TopicDto[] | undefined>('PUT', `${trajectoryPath(trajectoryId)}/topics/order`, { order }),
  setSummary: (trajectoryId: string, topicId: string, summary: string) =>
    request<TopicDto>('PUT', `${trajectoryPath(trajectoryId)}/topics/${enc(topicId)}/summary`, { summary }),
};

export const auditApi = {
  list: (trajectoryId: string, signal?: AbortSignal) =>
    request<AuditEventDto[]>('GET', `${trajectoryPath(trajectoryId)}/audit`, undefined, signal),
  verify: (trajectoryId: string) =>
    request<AuditVerification>('GET', `${trajectoryPath(trajectoryId)}/audit/verify`),
};

export const adminApi = {
  outbox: (signal?: AbortSignal) => request<OutboxMessageDto[]>('GET', '/api/admin/outbox', undefined, signal),
};
