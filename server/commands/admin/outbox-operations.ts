import type { OutboxMessageDto } from '../../../shared/schemas/audit';
import { platformChain } from '../../audit/audit-log';
import { authorizePlatform } from '../access';
import { defineOperation, noBody, noParams } from '../operation';

export const listOutbox = defineOperation({
  name: 'outbox.read',
  params: noParams,
  body: noBody,
  authorize: (ctx) => authorizePlatform(ctx, 'outbox.read'),
  run: async (ctx) => {
    const messages = await ctx.services.models.outbox.find().sort({ createdAt: -1, _id: -1 }).limit(200).lean();
    const result: OutboxMessageDto[] = messages.map((m) => ({ id: String(m._id), to: m.to, subject: m.subject, text: m.text, createdAt: m.createdAt.toISOString() }));
    return { result };
  },
});

/** The platform's own chain: accounts, regions, sign-ins. */
export const verifyPlatformAudit = defineOperation({
  name: 'audit.platform',
  params: noParams,
  body: noBody,
  authorize: (ctx) => authorizePlatform(ctx, 'audit.platform'),
  run: async (ctx) => ({ result: await ctx.services.audit.verify(platformChain) }),
});
