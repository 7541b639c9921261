import type { ClauseStatus } from '../../shared/domain/agreement';
import { roleMay, type TrajectoryAction } from '../../shared/domain/permissions';
import type { Actor } from '../policies/actor';
import type { SessionAudience } from '../../shared/policy';
import { documentAccess } from '../policies/collab-policy';
import { decideTrajectoryAction, type Seat } from '../policies/trajectory-policy';

/**
 * What decides who may read an indexed item: the facts its own view decides on, stored with the
 * item when it is indexed, and asked with the same policies the views ask, per query.
 */
export interface Visibility {
  /** The action the item's own view route authorizes (trajectory policy). */
  action: TrajectoryAction;
  /** Only for those whose role may take `restricted.action`, and for the people named (an unpublished question: the team that answers, and its asker). */
  restricted?: { action: TrajectoryAction; userIds: readonly string[] };
  /** Text of a clause document: the collaboration policy decides on the document and the clause's status. */
  clauseDocument?: { name: string; status: ClauseStatus };
  /** Part of one dialogue session (its report): a closed session's is for those it invites (shared/policy). */
  session?: { audience: SessionAudience | null };
}

export interface Viewer {
  actor: Actor;
  seat: Seat | null;
}

export function mayRead(viewer: Viewer, visibility: Visibility): boolean {
  if (!decideTrajectoryAction(viewer.actor, viewer.seat, visibility.action, visibility.session ? { session: visibility.session } : undefined).allowed) return false;
  const role = viewer.seat?.role ?? null;
  if (visibility.restricted) {
    const { action, userIds } = visibility.restricted;
    const own = viewer.actor.kind === 'user' && userIds.includes(viewer.actor.userId);
    if (!own && !(role !== null && roleMay(role, action))) return false;
  }
  if (visibility.clauseDocument) {
    const { name, status } = visibility.clauseDocument;
    if (documentAccess(viewer.actor, name, { role, status }) === null) return false;
  }
  return true;
}
