import { randomBytes, timingSafeEqual } from 'node:crypto';
import { calendarFeedParams, type CalendarSubscriptionDto } from '../../shared/schemas/calendar';
import { roleMay } from '../../shared/domain/permissions';
import { hashToken } from '../auth/tokens';
import { requireUser } from '../commands/access';
import { defineOperation, noBody, noParams, type OperationContext } from '../commands/operation';
import { notFound } from '../errors';
import type { CalendarSubscriptionRecord } from '../models/calendar-subscription';
import { sessionIcs } from './session-ics';

/** Calendar programs fetch a subscribed feed again after about this long (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
const refreshSeconds = 60 * 60;

function view(record: CalendarSubscriptionRecord | null, urls: CalendarSubscriptionDto['urls'] = null): CalendarSubscriptionDto {
  return {
    active: Boolean(record),
    createdAt: record ? record.createdAt.toISOString() : null,
    lastFetchedAt: record?.lastFetchedAt ? record.lastFetchedAt.toISOString() : null,
    urls,
  };
}

function feedUrls(publicUrl: string, token: string): { webcal: string; https: string } {
  const https = `${publicUrl}/api/calendar/${token}.ics`;
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}

/** Whether I have a subscription (the address itself is not kept readable). */
export const getCalendarSubscription = defineOperation({
  name: 'calendar.subscription.view',
  params: noParams,
  body: noBody,
  authorize: async (ctx) => requireUser(ctx),
  run: async (ctx, _p, _b, user) => ({ result: view(await ctx.services.models.calendarSubscriptions.findById(user.userId).lean()) }),
});

/** Makes a new secret address; an earlier one stops working at once. The address is shown this once. */
export const renewCalendarSubscription = defineOperation({
  name: 'calendar.subscription.renew',
  params: noParams,
  body: noBody,
  authorize: async (ctx) => requireUser(ctx),
  run: async (ctx, _p, _b, user) => {
    const token = `${user.userId}${randomBytes(32).toString('base64url')}`;
    const record = await ctx.services.models.calendarSubscriptions
      .findOneAndUpdate({ _id: user.userId }, { $set: { tokenHash: hashToken(token), createdAt: new Date(), lastFetchedAt: null } }, { upsert: true, returnDocument: 'after' })
      .lean();
    return {
      result: view(record, feedUrls(ctx.services.publicUrl(), token)),
      audit: [{ chain: 'platform', action: 'calendar.subscription.renew', objectType: 'user', objectId: user.userId, summary: {} }],
    };
  },
});

export const revokeCalendarSubscription = defineOperation({
  name: 'calendar.subscription.revoke',
  params: noParams,
  body: noBody,
  authorize: async (ctx) => requireUser(ctx),
  run: async (ctx, _p, _b, user) => {
    await ctx.services.models.calendarSubscriptions.deleteOne({ _id: user.userId });
    return {
      result: view(null),
      audit: [{ chain: 'platform', action: 'calendar.subscription.revoke', objectType: 'user', objectId: user.userId, summary: {} }],
    };
  },
});

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The person whose token this is, or not found (unknown, revoked, renewed, erased account). */
async function subscriber(ctx: OperationContext, token: string): Promise<{ userId: string; record: CalendarSubscriptionRecord }> {
  const userId = token.slice(0, 24);
  const record = await ctx.services.models.calendarSubscriptions.findById(userId).lean();
  if (!record || !sameHash(record.tokenHash, hashToken(token))) throw notFound();
  const user = await ctx.services.models.users.findById(userId, { erasedAt: 1 }).lean();
  if (!user || user.erasedAt) throw notFound();
  return { userId, record };
}

/**
 * The feed behind a secret address: every session of every trajectory the person is a member of
 * now, and may see. Access is decided on every fetch, so a removed member's calendar loses that
 * trajectory's sessions at its next refresh. No cookie: calendar programs have none.
 */
export const calendarFeed = defineOperation({
  name: 'calendar.feed',
  params: calendarFeedParams,
  body: noBody,
  authorize: async (ctx, params) => subscriber(ctx, params.token),
  run: async (ctx, _p, _b, { userId, record }) => {
    const { models } = ctx.services;
    const seats = await models.memberships.find({ userId, removedAt: null }, { trajectoryId: 1, role: 1 }).lean();
    const trajectoryIds = seats.filter((s) => roleMay(s.role, 'session.view')).map((s) => s.trajectoryId);
    const sessions = trajectoryIds.length ? await models.dialogueSessions.find({ trajectoryId: { $in: trajectoryIds } }).sort({ trajectoryId: 1, startsAt: 1 }).lean() : [];
    // "In use" at day precision: one write a day at most, however often the calendar polls.
    const today = new Date(new Date().toISOString().slice(0, 10));
    if (!record.lastFetchedAt || record.lastFetchedAt < today) await models.calendarSubscriptions.updateOne({ _id: userId }, { $set: { lastFetchedAt: today } });
    return { result: sessionIcs(sessions, { method: 'PUBLISH', name: 'Dialoogtafel', publicUrl: ctx.services.publicUrl(), refreshSeconds }) };
  },
});
