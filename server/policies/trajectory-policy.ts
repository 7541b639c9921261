import type { TrajectoryAction } from '../../shared/domain/permissions';
import type { Role } from '../../shared/domain/roles';
import { decide, type Action, type Decision, type Resource, type Subject } from '../../shared/policy';
import type { Actor } from './actor';

export type { Decision } from '../../shared/policy';

/** A person's seat in a trajectory, or null when they have none (or were removed). */
export interface Seat {
  membershipId: string;
  role: Role;
  organisationId: string;
  /** A client representative who chose to be shown without name in presence and attendance. */
  anonymousPresence?: boolean;
}

/** Who asks, as the shared policy sees them: the actor with the role of their seat in the trajectory at hand. */
export function subjectOf(actor: Actor, seat: Seat | null): Subject {
  if (actor.kind !== 'user') return { kind: 'anonymous' };
  return { kind: 'user', userId: actor.userId, platformAdmin: actor.platformAdmin, role: seat?.role ?? null };
}

/**
 * Decides an action in a trajectory by the shared policy (shared/policy). Someone without a
 * seat is told the trajectory does not exist (not_found), so membership of other trajectories
 * is not revealed. Platform administrators may administer every trajectory.
 */
export function decideTrajectoryAction(actor: Actor, seat: Seat | null, action: TrajectoryAction | Action, resource?: Resource): Decision {
  return decide(subjectOf(actor, seat), action, resource);
}
