import { passwordResetConfirm, passwordResetRequest } from '../../../shared/schemas/auth';
import { platformChain } from '../../audit/audit-log';
import { hashPassword } from '../../auth/passwords';
import { hashToken, newToken } from '../../auth/tokens';
import { AppError } from '../../errors';
import { defineOperation, noParams } from '../operation';
import { buildMe } from './me';

const resetValidMs = 60 * 60 * 1000;

/** Sends a reset link when the account exists; answers the same either way, so accounts cannot be discovered. */
export const requestPasswordReset = defineOperation({
  name: 'auth.password_reset_requested',
  params: noParams,
  body: passwordResetRequest,
  authorize: async () => undefined,
  run: async (ctx, _params, body) => {
    const user = await ctx.services.models.users.findOne({ email: body.email }).lean();
    if (!user) return { result: undefined };
    const { token, hash } = newToken();
    await ctx.services.models.passwordResets.create({ userId: user._id, tokenHash: hash, expiresAt: new Date(Date.now() + resetValidMs) });
    await ctx.services.mailer.send({
      to: user.email,
      subject: 'Nieuw wachtwoord voor Dialoogtafel',
      sensitive: true,
      text:
        `Beste ${user.name},\n\nU heeft gevraagd om een nieuw wachtwoord voor Dialoogtafel. ` +
        `Kies een nieuw wachtwoord via deze link (een uur geldig, één keer te gebruiken):\n\n` +
        `${ctx.services.publicUrl()}/wachtwoord-herstellen/${token}\n\n` +
        `Heeft u dit niet gevraagd? Dan kunt u dit bericht negeren.`,
    });
    return {
      result: undefined,
      audit: [{ chain: platformChain, action: 'auth.password_reset_requested', objectType: 'user', objectId: String(user._id), summary: {} }],
    };
  },
});

/** Sets the new password, ends every other session of the account and signs this browser in. */
export const confirmPasswordReset = defineOperation({
  name: 'auth.password_reset',
  params: noParams,
  body: passwordResetConfirm,
  lock: (_p, body) => `password-reset:${hashToken(body.token)}`,
  authorize: async () => undefined,
  run: async (ctx, _params, body) => {
    const { models, sessions } = ctx.services;
    const now = new Date();
    // Claiming the link and checking it is one atomic update: a second use finds nothing.
    const reset = await models.passwordResets.findOneAndUpdate(
      { tokenHash: hashToken(body.token), usedAt: null, expiresAt: { $gt: now } },
      { $set: { usedAt: now } },
      { returnDocument: 'after' },
    ).lean();
    if (!reset) throw new AppError('gone', 'This link is no longer valid. Ask for a new one.');
    await models.users.updateOne({ _id: reset.userId }, { $set: { passwordHash: await hashPassword(body.password) } });
    // Any other link that was mailed for this account is spent too: the password it was for is gone.
    await models.passwordResets.updateMany({ userId: reset.userId, usedAt: null }, { $set: { usedAt: now } });
    await sessions.destroyAllFor(String(reset.userId));
    await ctx.services.publisher.endSessions({ userId: String(reset.userId) });
    const token = await sessions.create(String(reset.userId));
    return {
      result: { token, me: await buildMe(ctx.services, String(reset.userId)) },
      audit: [{ chain: platformChain, action: 'auth.password_reset', objectType: 'user', objectId: String(reset.userId), summary: {} }],
    };
  },
});
