import type { CalendarSubscriptionDto, VisitDto } from '../../shared/schemas/calendar';
import { request } from './client';

export const calendarApi = {
  subscription: (signal?: AbortSignal) => request<CalendarSubscriptionDto>('GET', '/api/me/calendar-subscription', undefined, signal),
  renew: () => request<CalendarSubscriptionDto>('POST', '/api/me/calendar-subscription'),
  revoke: () => request<CalendarSubscriptionDto>('DELETE', '/api/me/calendar-subscription'),
  visit: (trajectoryId: string) => request<VisitDto>('PUT', `/api/trajectories/${encodeURIComponent(trajectoryId)}/visit`),
};
