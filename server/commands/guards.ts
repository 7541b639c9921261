import { sealedActions, type Action } from '../../shared/policy';
import type { Models } from '../models';
import { agreementSealed } from './rounds/contract-versions';
import { decideTrajectoryAction } from '../policies/trajectory-policy';
import { enforce } from './access';
import type { OperationContext, TrajectoryAccess } from './operation';

/**
 * Named lock keys an operation declares (`locks: ['agreement']`); the key is taken from the
 * operation's path parameters, so no operation writes a key by hand.
 */
export const lockKeys = {
  /** Every change of the agreement (structure, comments, amendments, versions) and its assembly and final seal. */
  agreement: (p: { trajectoryId: string }) => `agreement:${p.trajectoryId}`,
} as const;
export type LockName = keyof typeof lockKeys;

/** Sealed and no change round open (a round reopens the agreement for its dialogue: see server/commands/rounds/). */
export async function isFinal(models: Models, trajectoryId: string): Promise<boolean> {
  return agreementSealed(models, trajectoryId);
}

type Guard = (ctx: OperationContext, params: { trajectoryId: string }, access: TrajectoryAccess, action: Action) => Promise<void>;

/**
 * Checks an operation declares (`guards: ['agreementOpen']`), run after authorization and
 * before `run`, under the operation's locks. Each asks the shared policy with a fact it loads.
 */
export const guards = {
  /**
   * Refuses any change to an agreement that all its municipalities approved. It needs the
   * agreement's lock, which the final sign-off holds too, so a change cannot slip in between
   * the last approval and the seal.
   */
  agreementOpen: async (ctx, params, access, action) => {
    enforce(decideTrajectoryAction(ctx.actor, access.seat, action, { agreementFinal: await isFinal(ctx.services.models, params.trajectoryId) }));
  },
} as const satisfies Record<string, Guard>;
export type GuardName = keyof typeof guards;

/** Which lock a guard needs to hold its promise; checked when an operation is defined. */
const lockOfGuard: Record<GuardName, LockName> = { agreementOpen: 'agreement' };

/** A guard without its lock, or a seal guard on an action the seal does not cover, is a mistake in the code: fail at start-up. */
export function checkGuards(name: string, action: Action, declared: { guards?: readonly GuardName[]; locks?: readonly LockName[] }): void {
  for (const guard of declared.guards ?? []) {
    if (!(declared.locks ?? []).includes(lockOfGuard[guard])) throw new Error(`${name}: the guard ${guard} needs locks: ['${lockOfGuard[guard]}']`);
    if (guard === 'agreementOpen' && !sealedActions.has(action)) throw new Error(`${name}: ${action} is not one of the policy's sealedActions`);
  }
}
