import { z } from 'zod';
import type { TrajectoryAction } from '../../../shared/domain/permissions';
import { id } from '../../../shared/schemas/common';
import { notFound } from '../../errors';
import type { DialogueSessionRecord } from '../../models/dialogue-session';
import { authorizeTrajectory, enforce, requireUser } from '../access';
import type { Subject } from '../../../shared/policy';
import { decideTrajectoryAction, subjectOf } from '../../policies/trajectory-policy';
import { audienceOf } from './session-view';
import { defineOperation, type Effect, type Operation, type OperationContext, type TrajectoryAccess } from '../operation';

export const sessionParams = z.object({ sessionId: id });

export interface SessionAccess extends TrajectoryAccess {
  session: DialogueSessionRecord;
  /** Who asks, as the shared policy sees them (for views that show a closed session to those not invited as "besloten sessie"). */
  viewer: Subject;
}

/**
 * Loads the session, then asks the trajectory policy for `action` in the session's trajectory,
 * with the session's audience: whoever a closed session does not invite is refused (`not_invited`).
 * `mayLookFromOutside`: the session's own page, where someone not invited sees its date only.
 */
export async function authorizeSession(ctx: OperationContext, sessionId: string, action: TrajectoryAction, options: { mayLookFromOutside?: boolean } = {}): Promise<SessionAccess> {
  requireUser(ctx);
  const session = await ctx.services.models.dialogueSessions.findById(sessionId).lean();
  if (!session) throw notFound();
  const access = await authorizeTrajectory(ctx, String(session.trajectoryId), action);
  if (!options.mayLookFromOutside) enforce(decideTrajectoryAction(ctx.actor, access.seat, action, { session: { audience: audienceOf(session) } }));
  return { ...access, session, viewer: subjectOf(ctx.actor, access.seat) };
}

/** An operation on one dialogue session, addressed by `sessionId` in its params. */
export function defineSessionOperation<P extends z.ZodType<{ sessionId: string }>, B extends z.ZodType, R>(spec: {
  name: string;
  action: TrajectoryAction;
  params: P;
  body: B;
  /** Someone the session does not invite may still ask (they are shown its date only); otherwise they are refused. */
  mayLookFromOutside?: boolean;
  run: (ctx: OperationContext, params: z.infer<P>, body: z.infer<B>, access: SessionAccess) => Promise<Effect<R>>;
}): Operation<P, B, R> {
  // Every change to one session is serialised: the live table is read, decided on and written as one step.
  const changes = spec.action !== 'session.view';
  const { mayLookFromOutside, ...rest } = spec;
  const operation = defineOperation({
    ...rest,
    ...(changes ? { lock: (params: z.infer<P>) => `session:${params.sessionId}` } : {}),
    authorize: (ctx, params) => authorizeSession(ctx, params.sessionId, spec.action, { mayLookFromOutside: mayLookFromOutside === true }),
  });
  return Object.assign(operation, { action: spec.action });
}

/**
 * For what belongs to one session but is reached by its trajectory (its report, the report's
 * exports): refused (`not_invited`) to whoever the session does not invite.
 */
export function requireInvited(ctx: OperationContext, access: TrajectoryAccess, session: Pick<DialogueSessionRecord, 'audience'>, action: TrajectoryAction): void {
  enforce(decideTrajectoryAction(ctx.actor, access.seat, action, { session: { audience: audienceOf(session) } }));
}
