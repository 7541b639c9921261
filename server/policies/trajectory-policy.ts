import { roleMay, type TrajectoryAction } from '../../shared/domain/permissions';
import type { Role } from '../../shared/domain/roles';
import type { Actor } from './actor';

/** A person's seat in a trajectory, or null when they have none (or were removed). */
export interface Seat {
  membershipId: string;
  role: Role;
  organisationId: string;
  /** A client representative who chose to be shown without name in presence and attendance. */
  anonymousPresence?: boolean;
}

export type Decision = 'allow' | 'unauthenticated' | 'not_found' | 'forbidden';

/**
 * Decides an action in a trajectory. Someone without a seat is told the trajectory does not
 * exist (not_found), so membership of other trajectories is not revealed. Platform
 * administrators may administer every trajectory.
 */
export function decideTrajectoryAction(actor: Actor, seat: Seat | null, action: TrajectoryAction): Decision {
  if (actor.kind !== 'user') return 'unauthenticated';
  if (seat) return roleMay(seat.role, action) ? 'allow' : 'forbidden';
  if (actor.platformAdmin) return 'allow';
  return 'not_found';
}
