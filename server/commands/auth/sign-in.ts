import { loginRequest, type MeResponse } from '../../../shared/schemas/auth';
import { dummyPasswordHash, verifyPassword } from '../../auth/passwords';
import { AppError } from '../../errors';
import { platformChain } from '../../audit/audit-log';
import { defineOperation, noParams } from '../operation';
import { buildMe } from './me';

/** Signs in with e-mail and password; the route sets the new session's cookie. */
export const signIn = defineOperation({
  name: 'auth.sign_in',
  params: noParams,
  body: loginRequest,
  authorize: async () => undefined,
  run: async (ctx, _params, body) => {
    const user = await ctx.services.models.users.findOne({ email: body.email }).lean();
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), body.password);
    if (!user || !ok) throw new AppError('unauthenticated', 'The e-mail address or password is not correct.');
    const token = await ctx.services.sessions.create(String(user._id));
    const me: MeResponse = await buildMe(ctx.services, String(user._id));
    return {
      result: { token, me },
      audit: [{ chain: platformChain, action: 'auth.sign_in', objectType: 'user', objectId: String(user._id), summary: {} }],
    };
  },
});
