import { z } from 'zod';
import { id } from '../../shared/schemas/common';
import type { AccountDto, ErasureDto } from '../../shared/schemas/privacy';
import { platformChain } from '../audit/audit-log';
import { authorizePlatform, requireUser } from '../commands/access';
import { defineOperation, noBody, noParams } from '../commands/operation';
import { AppError, notFound } from '../errors';
import { eraseAccount } from './erasure';
import { collectPersonalData, personalDataDocument } from './personal-data';

/** Everything stored about the signed-in person, as JSON. Only ever their own: there is no id to ask for. */
export const myPersonalData = defineOperation({
  name: 'privacy.my_data',
  params: noParams,
  body: noBody,
  authorize: async (ctx) => requireUser(ctx),
  run: async (ctx, _p, _b, user) => ({ result: await collectPersonalData(ctx.services.models, user.userId) }),
});

/** The same, as a readable document (DOCX or PDF by the route). */
export const myPersonalDataDocument = defineOperation({
  name: 'privacy.my_data_document',
  params: noParams,
  body: noBody,
  authorize: async (ctx) => requireUser(ctx),
  run: async (ctx, _p, _b, user) => {
    const data = await collectPersonalData(ctx.services.models, user.userId);
    return { result: { document: personalDataDocument(data), filename: 'Mijn gegevens Dialoogtafel' } };
  },
});

/** The accounts, for the administrator's erase screen: a small, read-mostly collection, read whole. */
export const listAccounts = defineOperation({
  name: 'account.list',
  params: noParams,
  body: noBody,
  authorize: (ctx) => authorizePlatform(ctx, 'account.list'),
  run: async (ctx) => {
    const users = await ctx.services.models.users.find({}, { name: 1, email: 1, platformAdmin: 1, erasedAt: 1 }).limit(5000).lean();
    const result: AccountDto[] = users
      .map((u) => ({ id: String(u._id), name: u.name, email: u.erasedAt ? null : u.email, platformAdmin: u.platformAdmin, erasedAt: u.erasedAt ? u.erasedAt.toISOString() : null }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    return { result };
  },
});

/**
 * Erases an account on request. Audited on the platform chain with ids only (who erased, which
 * record): nothing of the erased person's data goes into the log. An administrator cannot erase
 * their own account here (another administrator must), so the platform never loses its last one
 * by a slip.
 */
export const eraseAccountOperation = defineOperation({
  name: 'account.erase',
  params: z.object({ userId: id }),
  body: noBody,
  lock: (p) => `account:${p.userId}`,
  authorize: (ctx) => authorizePlatform(ctx, 'account.erase'),
  run: async (ctx, p, _b, admin) => {
    if (p.userId === admin.userId) throw new AppError('conflict', 'You cannot erase your own account; ask another administrator.');
    const user = await ctx.services.models.users.findById(p.userId, { erasedAt: 1 }).lean();
    if (!user) throw notFound();
    if (user.erasedAt) throw new AppError('conflict', 'This account has already been erased.');
    const erased = await eraseAccount(ctx.services.models, p.userId);
    await ctx.services.publisher.endSessions({ userId: p.userId });
    const result: ErasureDto = { id: p.userId, name: erased.pseudonym, removed: erased.removed, reportsUpdated: erased.reportsUpdated };
    return {
      result,
      audit: [{ chain: platformChain, action: 'account.erase', objectType: 'user', objectId: p.userId, summary: { ...erased.removed, reportsUpdated: erased.reportsUpdated } }],
    };
  },
});
