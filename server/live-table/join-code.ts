import { createHmac } from 'node:crypto';
import type { Types } from 'mongoose';
import { joinCodeAlphabet, joinCodeLength, joinCodeParams, type JoinCodeDto } from '../../shared/live-table/join-code';
import { AppError, notFound } from '../errors';
import { isDuplicateKey } from '../db/duplicate-key';
import type { Services } from '../services';
import { requireUser } from '../commands/access';
import { defineOperation, noBody } from '../commands/operation';
import { authorizeSession, defineSessionOperation, sessionParams } from '../commands/sessions/session-access';

/**
 * A session's join code: derived from the session id with the server's secret (an HMAC), so it
 * cannot be worked out from the id, and deriving it twice gives the same code (storing it again
 * is harmless). 40 bits: guessing one at the lookup's rate limit would take centuries.
 */
function joinCodeOf(secret: string, sessionId: string): string {
  const digest = createHmac('sha256', secret).update(`join:${sessionId}`).digest();
  // 8 characters of 5 bits each from the first 40 bits of the digest.
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(digest[i]!);
  let code = '';
  for (let i = joinCodeLength - 1; i >= 0; i--) code += joinCodeAlphabet[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/**
 * Stores a session's join code under the code itself (the lookup is by `_id`). Planning a session
 * stores it; sessions planned before join codes existed get theirs on the first ask.
 */
export async function storeJoinCode(services: Services, session: { _id: Types.ObjectId; trajectoryId: Types.ObjectId }): Promise<string> {
  const code = joinCodeOf(services.config.sessionSecret, String(session._id));
  const { joinCodes } = services.models;
  if (await joinCodes.exists({ _id: code })) return code;
  try {
    await joinCodes.create({ _id: code, sessionId: session._id, trajectoryId: session.trajectoryId, createdAt: new Date() });
  } catch (error) {
    // Two screens asking at once: the code is the same, the first insert holds it.
    if (!isDuplicateKey(error)) throw error;
  }
  return code;
}

/** The session's join code, for the screen view and the live table; stored on first ask. */
export const getSessionJoinCode = defineSessionOperation({
  name: 'session.join-code',
  action: 'session.view',
  params: sessionParams,
  body: noBody,
  run: async (ctx, _p, _b, { session }): Promise<{ result: JoinCodeDto }> => {
    if (session.status === 'cancelled') throw new AppError('conflict', 'The session was cancelled.', { session: 'cancelled' });
    const code = await storeJoinCode(ctx.services, session);
    return { result: { code, sessionId: String(session._id), trajectoryId: String(session.trajectoryId) } };
  },
});

/**
 * Which session a code opens, for a signed-in person who may see that session. A code that does
 * not exist and a session the person may not see answer alike (not found), so codes cannot be
 * probed for sessions one is not part of. The route is rate-limited per address.
 */
export const findByJoinCode = defineOperation({
  name: 'session.join-code.find',
  params: joinCodeParams,
  body: noBody,
  authorize: async (ctx, { code }) => {
    requireUser(ctx);
    const found = await ctx.services.models.joinCodes.findById(code).lean();
    if (!found) throw notFound();
    try {
      const { session } = await authorizeSession(ctx, String(found.sessionId), 'session.view');
      return { code, session };
    } catch (error) {
      if (error instanceof AppError && error.code === 'forbidden') throw notFound();
      throw error;
    }
  },
  run: async (_ctx, _p, _b, { code, session }): Promise<{ result: JoinCodeDto }> => ({
    result: { code, sessionId: String(session._id), trajectoryId: String(session.trajectoryId) },
  }),
});
