import { z } from 'zod';
import type { TrajectoryAction } from '../../../shared/domain/permissions';
import { id } from '../../../shared/schemas/common';
import { notFound } from '../../errors';
import type { DialogueSessionRecord } from '../../models/dialogue-session';
import { authorizeTrajectory, requireUser } from '../access';
import { defineOperation, type Effect, type Operation, type OperationContext, type TrajectoryAccess } from '../operation';

export const sessionParams = z.object({ sessionId: id });

export interface SessionAccess extends TrajectoryAccess {
  session: DialogueSessionRecord;
}

/** Loads the session, then asks the trajectory policy for `action` in the session's trajectory. */
export async function authorizeSession(ctx: OperationContext, sessionId: string, action: TrajectoryAction): Promise<SessionAccess> {
  requireUser(ctx);
  const session = await ctx.services.models.dialogueSessions.findById(sessionId).lean();
  if (!session) throw notFound();
  const access = await authorizeTrajectory(ctx, String(session.trajectoryId), action);
  return { ...access, session };
}

/** An operation on one dialogue session, addressed by `sessionId` in its params. */
export function defineSessionOperation<P extends z.ZodType<{ sessionId: string }>, B extends z.ZodType, R>(spec: {
  name: string;
  action: TrajectoryAction;
  params: P;
  body: B;
  run: (ctx: OperationContext, params: z.infer<P>, body: z.infer<B>, access: SessionAccess) => Promise<Effect<R>>;
}): Operation<P, B, R> {
  // Every change to one session is serialised: the live table is read, decided on and written as one step.
  const changes = spec.action !== 'session.view';
  return defineOperation({
    ...spec,
    ...(changes ? { lock: (params: z.infer<P>) => `session:${params.sessionId}` } : {}),
    authorize: (ctx, params) => authorizeSession(ctx, params.sessionId, spec.action),
  });
}
