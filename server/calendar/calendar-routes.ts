import type { Response } from 'express';
import type { z } from 'zod';
import { calendarSubscriptionDto, visitDto } from '../../shared/schemas/calendar';
import type { RouteTable } from '../api/route-table';
import type { RedisClient } from '../cluster/redis-clients';
import type { Operation } from '../commands/operation';
import { rateLimit } from '../http/rate-limit';
import { recordVisit } from '../visits/visit-operations';
import { calendarFeed, getCalendarSubscription, renewCalendarSubscription, revokeCalendarSubscription } from './subscription-operations';

type Any = Operation<z.ZodType, z.ZodType, unknown>;
const op = (o: unknown) => o as Any;

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
    { method: 'get', path: '/me/calendar-subscription', tag: 'calendar', summary: 'Whether I have a calendar subscription', operation: op(getCalendarSubscription), response: calendarSubscriptionDto },
    { method: 'post', path: '/me/calendar-subscription', tag: 'calendar', summary: 'Make a new secret calendar address (the old one stops working); shown this once', operation: op(renewCalendarSubscription), response: calendarSubscriptionDto },
    { method: 'delete', path: '/me/calendar-subscription', tag: 'calendar', summary: 'Stop the calendar subscription', operation: op(revokeCalendarSubscription), response: calendarSubscriptionDto },
    { method: 'get', path: '/calendar/:token.ics', tag: 'calendar', summary: 'The sessions of all my trajectories, behind a secret address (no cookie)', operation: op(calendarFeed), public: true, rateLimit: feedLimit, respond: feed },
    { method: 'put', path: '/trajectories/:trajectoryId/visit', tag: 'trajectories', summary: 'I am here: answers with the end of my previous visit, for the “nieuw” markers', operation: op(recordVisit), response: visitDto },
  ];
}
