import type { Response } from 'express';
import type { RouteTable } from '../api/route-table';
import type { RedisClient } from '../cluster/redis-clients';
import { rateLimit } from '../http/rate-limit';
import { recordVisit } from '../visits/visit-operations';
import { calendarFeed, getCalendarSubscription, renewCalendarSubscription, revokeCalendarSubscription } from './subscription-operations';


/** The feed: inline (calendar programs subscribe, they do not download), never cached by a proxy. */
function feed(res: Response, result: unknown) {
  res.type('text/calendar; charset=utf-8').setHeader('Cache-Control', 'private, no-store');
  res.send(result as string);
}

/** The personal calendar subscription, its secret feed, and the visit marks behind "nieuw". */
export function calendarRoutes(redis: RedisClient | null = null): RouteTable {
  // A calendar program polls a few times an hour; a whole office behind one address polls more.
  const feedLimit = rateLimit({ name: 'calendar-feed', points: 600, durationSeconds: 15 * 60, redis });
  return [
    { operationId: 'getCalendarSubscription', operation: getCalendarSubscription },
    { operationId: 'renewCalendarSubscription', operation: renewCalendarSubscription },
    { operationId: 'revokeCalendarSubscription', operation: revokeCalendarSubscription },
    { operationId: 'calendarFeed', operation: calendarFeed, rateLimit: feedLimit, respond: feed },
    { operationId: 'recordVisit', operation: recordVisit },
  ];
}
