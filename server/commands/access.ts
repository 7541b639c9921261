import type { PlatformAction, TrajectoryAction } from '../../shared/domain/permissions';
import { AppError, notFound } from '../errors';
import type { TrajectoryRecord } from '../models/trajectory';
import { readCacheOf } from '../models/read-cache';
import type { UserActor } from '../policies/actor';
import { decidePlatformAction } from '../policies/platform-policy';
import { decideTrajectoryAction, type Decision, type Seat } from '../policies/trajectory-policy';
import type { OperationContext } from './operation';

/** Turns a denial of the shared policy into the error the client gets; an allowed decision passes. */
export function enforce(decision: Decision): void {
  if (decision.allowed) return;
  switch (decision.code) {
    case 'unauthenticated':
      throw new AppError('unauthenticated', 'Sign in first.');
    case 'not_found':
      throw notFound();
    case 'forbidden':
      throw new AppError('forbidden', 'Your role does not allow this.');
    case 'not_eligible':
      throw new AppError('forbidden', 'Your group is not invited to vote in this poll.');
    case 'not_invited':
      throw new AppError('forbidden', 'This is a closed session (besloten sessie); you are not invited.', { session: 'not_invited' });
    case 'not_consultative':
      throw new AppError('conflict', 'Input on someone\'s behalf is taken in consultative polls (advice) only, never where the table proposes or decides.', { poll: 'not_consultative' });
    case 'clause_closed':
      throw new AppError('conflict', 'This clause has been fixed; it is closed for comments and proposals.');
    case 'agreement_final':
      throw new AppError('conflict', 'De overeenkomst is definitief: alle gemeenten hebben haar goedgekeurd, er verandert niets meer aan. (The agreement is final.)', {
        reason: 'agreement_final',
      });
  }
}

export function requireUser(ctx: OperationContext): UserActor {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  return ctx.actor;
}

/** The actor's seat, from the seats held in memory (read-cache.ts): every request asks, so it reads no collection. */
export async function loadSeat(ctx: OperationContext, trajectoryId: string): Promise<Seat | null> {
  if (ctx.actor.kind !== 'user') return null;
  return readCacheOf(ctx.services).seat(trajectoryId, ctx.actor.userId);
}

/** Loads the trajectory and the actor's seat and asks the policy; every trajectory operation starts here. */
export async function authorizeTrajectory(
  ctx: OperationContext,
  trajectoryId: string,
  action: TrajectoryAction,
): Promise<{ user: UserActor; seat: Seat | null; trajectory: TrajectoryRecord }> {
  const seat = await loadSeat(ctx, trajectoryId);
  enforce(decideTrajectoryAction(ctx.actor, seat, action));
  const trajectory = await ctx.services.models.trajectories.findById(trajectoryId).lean();
  if (!trajectory) throw notFound();
  return { user: requireUser(ctx), seat, trajectory };
}

async function isProcurementSomewhere(ctx: OperationContext, regionId?: string): Promise<boolean> {
  if (ctx.actor.kind !== 'user') return false;
  const seats = await ctx.services.models.memberships.find({ userId: ctx.actor.userId, role: 'procurement', removedAt: null }).lean();
  if (seats.length === 0 || !regionId) return seats.length > 0;
  return (await ctx.services.models.trajectories.countDocuments({ _id: { $in: seats.map((s) => s.trajectoryId) }, regionId })) > 0;
}

export async function authorizePlatform(ctx: OperationContext, action: PlatformAction, regionId?: string): Promise<UserActor> {
  enforce(decidePlatformAction(ctx.actor, action, { isProcurementSomewhere: await isProcurementSomewhere(ctx, regionId) }));
  return requireUser(ctx);
}

