import type { OutboxMessageDto } from '../../../shared/schemas/audit';
import { notificationTitle } from '../../mail/notification-texts';
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
    const emails = new Map<string, string>();
    for (const userId of new Set(pending.filter((p) => p.userId).map((p) => String(p.userId)))) emails.set(userId, (await models.users.findById(userId, { email: 1 }).lean())?.email ?? '—');
    const queued: OutboxMessageDto[] = pending
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
      .map((q) => ({
        id: String(q._id),
        to: q.email ?? emails.get(String(q.userId)) ?? '—',
        subject: notificationTitle('nl', q.event.kind, q.event.params),
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
