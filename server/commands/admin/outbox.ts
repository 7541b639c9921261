import type { OutboxMessageDto } from '../../../shared/schemas/audit';
import { notificationTitle } from '../../mail/notification-texts';
import { findByIds } from '../../models/by-ids';
import type { Models } from '../../models';
import { trajectoryNames } from '../../models/names';
import { authorizePlatform } from '../access';
import { defineOperation, noBody, noParams } from '../operation';

/**
 * The development outbox: notification mail still queued (the pending queue is small: sent items
 * leave it), then every message written to the outbox, newest first.
 */
export const listOutbox = defineOperation({
  name: 'outbox.read',
  params: noParams,
  body: noBody,
  authorize: (ctx) => authorizePlatform(ctx, 'outbox.read'),
  run: async (ctx) => {
    const { models } = ctx.services;
    const [pending, messages] = await Promise.all([models.notificationQueue.find({}).limit(200).lean(), models.outbox.find().sort({ createdAt: -1, _id: -1 }).limit(200).lean()]);
    const [emails, trajectories] = await Promise.all([userEmails(models, pending.map((p) => p.userId)), trajectoryNames(models, pending.map((p) => p.event.trajectoryId))]);
    const queued: OutboxMessageDto[] = pending
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
      .map((q) => ({
        id: String(q._id),
        to: q.email ?? emails.get(String(q.userId)) ?? '—',
        subject: notificationTitle('nl', q.event.kind, { ...q.event.params, trajectory: trajectories.get(q.event.trajectoryId) ?? '—' }),
        text: q.mode === 'digest' ? 'Gaat mee in het dagelijks overzicht.' : (q.lastError ?? ''),
        createdAt: q.createdAt.toISOString(),
        status: 'queued',
        dueAt: q.dueAt.toISOString(),
        attempts: q.attempts,
      }));
    const sent: OutboxMessageDto[] = messages.map((m) => ({ id: String(m._id), to: m.to, subject: m.subject, text: m.text, createdAt: m.createdAt.toISOString(), status: 'sent', headers: m.headers ?? null }));
    return { result: [...queued, ...sent] };
  },
});

async function userEmails(models: Models, ids: unknown[]): Promise<Map<string, string>> {
  const users = await findByIds(models.users, ids, { email: 1 });
  return new Map(users.map((u) => [String(u._id), u.email]));
}
