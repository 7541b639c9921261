import type { NotificationCentreDto, NotificationPreferencesDto, SetPreferenceRequest } from '../../shared/schemas/notifications';
import { request } from './client';

/** The person's own notification centre and notification settings. */
export const notificationsApi = {
  centre: (signal?: AbortSignal) => request<NotificationCentreDto>('GET', '/api/notifications', undefined, signal),
  markRead: (change: { ids?: string[]; all?: boolean }) => request<{ unread: number }>('POST', '/api/notifications/read', change),
  preferences: (signal?: AbortSignal) => request<NotificationPreferencesDto>('GET', '/api/notifications/preferences', undefined, signal),
  setPreferences: (change: SetPreferenceRequest) => request<NotificationPreferencesDto>('PUT', '/api/notifications/preferences', change),
};
