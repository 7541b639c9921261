import { call } from './call';

export const calendarApi = {
  subscription: (signal?: AbortSignal) => call('getCalendarSubscription', {}, signal),
  renew: () => call('renewCalendarSubscription', {}),
  revoke: () => call('revokeCalendarSubscription', {}),
  visit: (trajectoryId: string) => call('recordVisit', { params: { trajectoryId } }),
};
