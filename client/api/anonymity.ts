import { call } from './call';

/** A client representative's choice, per trajectory, to be shown to others without their name. */
export const anonymityApi = {
  get: (trajectoryId: string, signal?: AbortSignal) => call('getPresenceAnonymity', { params: { trajectoryId } }, signal),
  set: (trajectoryId: string, anonymous: boolean) => call('setPresenceAnonymity', { params: { trajectoryId }, body: { anonymous } }),
};
