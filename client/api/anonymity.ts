import type { PresenceAnonymity } from '../../shared/schemas/anonymity';
import { request } from './client';

const path = (trajectoryId: string) => `/api/trajectories/${encodeURIComponent(trajectoryId)}/me/anonymity`;

/** A client representative's choice, per trajectory, to be shown to others without their name. */
export const anonymityApi = {
  get: (trajectoryId: string, signal?: AbortSignal) => request<PresenceAnonymity>('GET', path(trajectoryId), undefined, signal),
  set: (trajectoryId: string, anonymous: boolean) => request<PresenceAnonymity>('PUT', path(trajectoryId), { anonymous }),
};
