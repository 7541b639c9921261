import { Types } from 'mongoose';
import type { Role } from '../../shared/domain/roles';
import { defaultMode, mandatoryKinds, type DeliveryMode, type NotificationKind } from '../../shared/schemas/notifications';
import type { Models } from '../models';
import type { InboxItem, NotificationEvent, NotificationQueueRecord } from '../models/notification';
import { personRoom, type Services } from '../services';
import { emitToRooms } from '../realtime/emit';
import { nextDigestAt } from './digest-time';
import { wakeDeliveryWorker } from './delivery-worker';
import { isDuplicateKey } from '../db/duplicate-key';
import { findByIds } from '../models/by-ids';

/**
 * A notification as an operation's effect names it: what happened and who is concerned. The
 * audience is chosen among the trajectory's current members (by role, organisation or person);
 * `userIds` outside the trajectory are reached too (a person just removed).
 */
export interface NotificationDraft {
  kind: NotificationKind;
  trajectoryId: string;
  link: string;
  params?: Record<string, string>;
  sessionId?: string;
  to: { everyone?: boolean; roles?: readonly Role[]; organisationIds?: readonly string[]; userIds?: readonly string[] };
  /**
   * Anonymous input: never sent at once, only in the daily digest (or not at all), so the moment a
   * mail arrives says nothing about when its anonymous author wrote.
   */
  batched?: boolean;
  /** Who is not told: usually the person who did it. */
  except?: readonly string[];
}

/** The most items a person's notification centre keeps. */
export const inboxSize = 100;

interface Recipient {
  userId: string;
  role: Role | null;
}

async function recipientsOf(models: Models, draft: NotificationDraft): Promise<Recipient[]> {
  const seats = await models.memberships.find({ trajectoryId: draft.trajectoryId, removedAt: null }, { userId: 1, role: 1, organisationId: 1 }).lean();
  const chosen = new Map<string, Recipient>();
  const { everyone, roles, organisationIds, userIds } = draft.to;
  for (const s of seats) {
    const fits = everyone || roles?.includes(s.role) || organisationIds?.includes(String(s.organisationId)) || userIds?.includes(String(s.userId));
    if (fits) chosen.set(String(s.userId), { userId: String(s.userId), role: s.role });
  }
  for (const userId of userIds ?? []) if (!chosen.has(userId)) chosen.set(userId, { userId, role: null });
  for (const userId of draft.except ?? []) chosen.delete(userId);
  return [...chosen.values()];
}

/** Each recipient's choice for this trajectory and kind: their own, else the default of their role. */
async function modesOf(models: Models, recipients: Recipient[], draft: NotificationDraft): Promise<Map<string, DeliveryMode>> {
  const modes = new Map<string, DeliveryMode>();
  const mandatory = mandatoryKinds.includes(draft.kind);
  // One record per person who ever chose something: a small collection, read once per event.
  const chosen = mandatory ? [] : await findByIds(models.notificationPreferences, recipients.map((r) => r.userId), { choices: 1 });
  const own = new Map(chosen.map((p) => [String(p._id), p.choices.find((c) => c.trajectoryId === draft.trajectoryId && c.kind === draft.kind)?.mode]));
  for (const r of recipients) modes.set(r.userId, mandatory ? 'immediate' : (own.get(r.userId) ?? defaultMode(r.role, draft.kind)));
  return modes;
}

/**
 * Queues the mail of every recipient in one write, before anything is sent: published answers
 * reach everyone at the same moment (the worker starts after this write). Then each person's
 * notification centre gets the item, and their open pages hear of it.
 */
export async function produceNotification(services: Pick<Services, 'models' | 'config' | 'publisher' | 'log'>, draft: NotificationDraft, now = new Date()): Promise<number> {
  const { models } = services;
  const recipients = await recipientsOf(models, draft);
  if (recipients.length === 0) return 0;
  const modes = await modesOf(models, recipients, draft);
  const event: NotificationEvent = { kind: draft.kind, trajectoryId: draft.trajectoryId, link: draft.link, params: draft.params ?? {}, ...(draft.sessionId ? { sessionId: draft.sessionId } : {}) };
  const digestAt = nextDigestAt(now, services.config.notify?.digestHour ?? 7);
  const mandatory = mandatoryKinds.includes(draft.kind);
  const queued: Array<Omit<NotificationQueueRecord, '_id'> & { _id: Types.ObjectId }> = [];
  for (const r of recipients) {
    const chosen = modes.get(r.userId)!;
    const mode = draft.batched && chosen === 'immediate' ? 'digest' : chosen;
    if (mode === 'off') continue;
    queued.push({ _id: new Types.ObjectId(), userId: new Types.ObjectId(r.userId), event, mode, mandatory, batched: Boolean(draft.batched), dueAt: mode === 'digest' ? digestAt : now, attempts: 0, lastError: null, createdAt: now });
  }
  if (queued.length) await models.notificationQueue.insertMany(queued, { ordered: false });
  wakeDeliveryWorker(models);
  if (draft.batched) return queued.length; // the centre hears of it with the digest (delivery-worker.ts)
  await addToInboxes(models, recipients.map((r) => r.userId), inboxItemOf(event, now));
  emitToRooms(services.publisher.io, recipients.map((r) => personRoom(r.userId)), 'notifications:changed', {});
  return queued.length;
}

export const inboxItemOf = (event: NotificationEvent, at: Date): InboxItem => ({ id: new Types.ObjectId().toHexString(), kind: event.kind, trajectoryId: event.trajectoryId, link: event.link, params: event.params, createdAt: at, read: false });

/**
 * Every centre is one record per person, addressed by `_id`: the item is pushed (a few people at a
 * time), and a centre that does not exist yet is made. No bulkWrite and no `$push` modifiers: FerretDB
 * 1.x stalls on a bulkWrite of `$push … $slice`; the centre is trimmed to `inboxSize` when read.
 */
export async function addToInboxes(models: Models, userIds: string[], item: InboxItem): Promise<void> {
  const atOnce = 16;
  for (let i = 0; i < userIds.length; i += atOnce) {
    await Promise.all(
      userIds.slice(i, i + atOnce).map(async (userId) => {
        const _id = new Types.ObjectId(userId);
        const pushed = await models.notificationInboxes.updateOne({ _id }, { $push: { items: item }, $inc: { unread: 1 } });
        if (pushed.matchedCount > 0) return;
        await models.notificationInboxes.create({ _id, unread: 1, items: [item] }).catch(async (error: unknown) => {
          if (!isDuplicateKey(error)) throw error;
          await models.notificationInboxes.updateOne({ _id }, { $push: { items: item }, $inc: { unread: 1 } }); // made meanwhile
        });
      }),
    );
  }
}

/**
 * For an operation's effect: produce each draft after the write. A notification that cannot be
 * queued is logged, never undoes the operation.
 */
export async function produceAfterWrite(services: Services, drafts: readonly NotificationDraft[]): Promise<void> {
  for (const draft of drafts) {
    try {
      await produceNotification(services, draft);
    } catch (error) {
      services.log.error({ err: (error as Error).message, kind: draft.kind, trajectoryId: draft.trajectoryId }, 'a notification could not be queued');
    }
  }
}
