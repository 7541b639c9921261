import { Types } from 'mongoose';
import { z } from 'zod';
import { defaultMode, mandatoryKinds, markReadRequest, notificationKinds, setPreferenceRequest, type NotificationCentreDto, type NotificationPreferencesDto } from '../../shared/schemas/notifications';
import { requireUser } from '../commands/access';
import { defineOperation, noBody, noParams } from '../commands/operation';
import { AppError } from '../errors';
import { notificationTitle } from '../mail/notification-texts';
import type { Models } from '../models';
import { personRoom } from '../services';
import { emitToRooms } from '../realtime/emit';
import { trajectoryNames } from '../models/names';
import { inboxSize } from './produce';
import { readUnsubscribeToken } from './unsubscribe-token';


/** The person's own notification centre: one record, read by `_id`. */
export const getNotifications = defineOperation({
  name: 'notification.list',
  params: noParams,
  body: noBody,
  authorize: async (ctx) => requireUser(ctx),
  run: async (ctx, _p, _b, user): Promise<{ result: NotificationCentreDto }> => {
    const { models } = ctx.services;
    const inbox = await models.notificationInboxes.findById(user.userId).lean();
    if (inbox && inbox.items.length > inboxSize * 1.5) {
      // Trimmed here rather than at each push (see produce.ts): the oldest go, the unread count follows.
      const kept = inbox.items.slice(-inboxSize);
      await models.notificationInboxes.updateOne({ _id: inbox._id }, { $set: { items: kept, unread: kept.filter((i) => !i.read).length } });
      inbox.items = kept;
    }
    const items = [...(inbox?.items ?? [])].reverse();
    const names = await trajectoryNames(models, items.map((i) => i.trajectoryId));
    // The centre's words follow the mail language the person chose (default Dutch).
    const language = (await models.notificationPreferences.findById(user.userId, { language: 1 }).lean())?.language ?? 'nl';
    return {
      result: {
        unread: inbox?.unread ?? 0,
        items: items.map((i) => ({
          id: i.id,
          kind: i.kind,
          trajectoryId: i.trajectoryId,
          trajectoryName: names.get(i.trajectoryId) ?? '—',
          title: notificationTitle(language, i.kind, { ...i.params, trajectory: names.get(i.trajectoryId) ?? '' }),
          link: i.link,
          createdAt: new Date(i.createdAt).toISOString(),
          read: i.read,
        })),
      },
    };
  },
});

/** Marks items (or all) read; the person's other open pages hear the new count. */
export const markNotificationsRead = defineOperation({
  name: 'notification.read',
  params: noParams,
  body: markReadRequest,
  authorize: async (ctx) => requireUser(ctx),
  run: async (ctx, _p, body, user) => {
    const { models } = ctx.services;
    const inbox = await models.notificationInboxes.findById(user.userId).lean();
    if (!inbox) return { result: { unread: 0 } };
    const ids = new Set(body.ids ?? []);
    const items = inbox.items.map((i) => (body.all || ids.has(i.id) ? { ...i, read: true } : i));
    const newlyRead = items.filter((i, n) => i.read && !inbox.items[n]!.read).length;
    // Only what this request read is subtracted: an item pushed meanwhile keeps its count.
    await models.notificationInboxes.updateOne({ _id: inbox._id }, { $set: Object.fromEntries(items.flatMap((i, n) => (i.read && !inbox.items[n]!.read ? [[`items.${n}.read`, true]] : []))), $inc: { unread: -newlyRead } });
    const unread = Math.max(0, (await models.notificationInboxes.findById(user.userId, { unread: 1 }).lean())?.unread ?? 0);
    emitToRooms(ctx.services.publisher.io, personRoom(user.userId), 'notifications:changed', {});
    return { result: { unread } };
  },
});

async function preferencesOf(models: Models, userId: string): Promise<NotificationPreferencesDto> {
  const [prefs, seats] = await Promise.all([models.notificationPreferences.findById(userId).lean(), models.memberships.find({ userId, removedAt: null }, { trajectoryId: 1, role: 1 }).lean()]);
  const names = await trajectoryNames(models, seats.map((s) => String(s.trajectoryId)));
  return {
    language: prefs?.language ?? 'nl',
    trajectories: seats.map((s) => ({
      trajectoryId: String(s.trajectoryId),
      name: names.get(String(s.trajectoryId)) ?? '—',
      kinds: notificationKinds.map((kind) => {
        const mandatory = mandatoryKinds.includes(kind);
        const own = prefs?.choices.find((c) => c.trajectoryId === String(s.trajectoryId) && c.kind === kind)?.mode;
        return { kind, mandatory, mode: mandatory ? 'immediate' : (own ?? defaultMode(s.role, kind)) };
      }),
    })),
  };
}

export const getNotificationPreferences = defineOperation({
  name: 'notification.preferences',
  params: noParams,
  body: noBody,
  authorize: async (ctx) => requireUser(ctx),
  run: async (ctx, _p, _b, user) => ({ result: await preferencesOf(ctx.services.models, user.userId) }),
});

/** Stores the choices given (mail that comes by procedure has none), for trajectories the person sits in. */
async function storeChoices(models: Models, userId: string, change: z.infer<typeof setPreferenceRequest>): Promise<void> {
  const current = await models.notificationPreferences.findById(userId).lean();
  const choices = [...(current?.choices ?? [])];
  for (const c of change.choices ?? []) {
    if (mandatoryKinds.includes(c.kind)) continue;
    const at = choices.findIndex((o) => o.trajectoryId === c.trajectoryId && o.kind === c.kind);
    if (at >= 0) choices[at] = c;
    else choices.push(c);
  }
  const set = { choices, ...(change.language ? { language: change.language } : {}) };
  if (current) await models.notificationPreferences.updateOne({ _id: current._id }, { $set: set });
  else await models.notificationPreferences.create({ _id: new Types.ObjectId(userId), language: 'nl', tokenVersion: 0, ...set });
}

export const setNotificationPreferences = defineOperation({
  name: 'notification.preferences_set',
  params: noParams,
  body: setPreferenceRequest,
  authorize: async (ctx) => requireUser(ctx),
  run: async (ctx, _p, body, user) => {
    const seats = await ctx.services.models.memberships.find({ userId: user.userId, removedAt: null }, { trajectoryId: 1 }).lean();
    const mine = new Set(seats.map((s) => String(s.trajectoryId)));
    const foreign = (body.choices ?? []).find((c) => !mine.has(c.trajectoryId));
    if (foreign) throw new AppError('validation_failed', 'The input is not valid.', { choices: 'names a trajectory you are not a member of' });
    await storeChoices(ctx.services.models, user.userId, body);
    return { result: await preferencesOf(ctx.services.models, user.userId) };
  },
});

/**
 * RFC 8058 one-click unsubscribe: the token is the authority (person, trajectory and kind, signed,
 * revocable through the person's token version); no cookie, no page. Answers the same for a token
 * that is unknown or revoked, so it tells nothing.
 */
export const unsubscribeByToken = defineOperation({
  name: 'notification.unsubscribe',
  params: z.object({ token: z.string().max(200) }),
  body: z.unknown().transform(() => ({})),
  authorize: async (ctx, params) => {
    const scope = readUnsubscribeToken(ctx.services.config.sessionSecret, params.token);
    if (!scope) throw new AppError('not_found', 'This link is not valid (any more).');
    const prefs = await ctx.services.models.notificationPreferences.findById(scope.userId, { tokenVersion: 1 }).lean();
    if ((prefs?.tokenVersion ?? 0) !== scope.version) throw new AppError('not_found', 'This link is not valid (any more).');
    return scope;
  },
  run: async (ctx, _p, _b, scope) => {
    await storeChoices(ctx.services.models, scope.userId, { choices: [{ trajectoryId: scope.trajectoryId, kind: scope.kind, mode: 'off' }] });
    return { result: { unsubscribed: true, kind: scope.kind } };
  },
});
