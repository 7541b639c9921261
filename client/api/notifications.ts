import type { SetPreferenceRequest } from '../../shared/schemas/notifications';
import { call } from './call';

/** The person's own notification centre and notification settings. */
export const notificationsApi = {
  centre: (signal?: AbortSignal) => call('getNotifications', {}, signal),
  markRead: (change: { ids?: string[]; all?: boolean }) => call('markNotificationsRead', { body: change }),
  preferences: (signal?: AbortSignal) => call('getNotificationPreferences', {}, signal),
  setPreferences: (change: SetPreferenceRequest) => call('setNotificationPreferences', { body: change }),
};
