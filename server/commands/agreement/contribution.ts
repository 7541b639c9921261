import { allowed, asMember } from '../../../shared/policy';
import { decodePosition } from '../../../shared/domain/clause-text';
import { AppError } from '../../errors';
import type { ClauseRecord } from '../../models/agreement';
import type { AuthorFields } from '../../models/clause-comment';
import type { OperationContext, TrajectoryAccess } from '../operation';
import { decideTrajectoryAction } from '../../policies/trajectory-policy';

/**
 * Who writes a comment, reply or amendment: always a member of the table, with the organisation
 * and role they act for now, so that what they wrote stays attributed to that seat.
 */
export function authorOf(access: TrajectoryAccess, anonymous: boolean): Omit<AuthorFields, 'authorId' | 'authorOrganisationId'> & { authorId: string; authorOrganisationId: string } {
  const seat = access.seat;
  if (!seat) throw new AppError('forbidden', 'Only members of the table write here.');
  if (anonymous && !allowed(asMember(seat.role), 'comment.anonymous')) {
    throw new AppError('validation_failed', 'The input is not valid.', { anonymous: 'only client representatives may comment anonymously' });
  }
  return { authorId: access.user.userId, authorOrganisationId: seat.organisationId, authorRole: seat.role, anonymous };
}

/** Comments and amendments need a clause that is still open for discussion and a variant that exists. */
export function checkOpenForDiscussion(clause: ClauseRecord, access: TrajectoryAccess, variantId: string | null): void {
  if (!access.seat) throw new AppError('forbidden', 'Only members of the table write here.');
  if (variantId && !clause.variants.some((v) => String(v._id) === variantId)) {
    throw new AppError('validation_failed', 'The input is not valid.', { variantId: 'is not a variant of this clause' });
  }
  if (!access.seat || !allowed(asMember(access.seat.role), 'clause.comment', { clauseStatus: clause.status })) {
    throw new AppError('conflict', 'This clause has been fixed; it is closed for comments and proposals.');
  }
}

export function checkAnchor(anchor: { start: string; end: string }): void {
  if (!decodePosition(anchor.start)) throw new AppError('validation_failed', 'The input is not valid.', { 'anchor.start': 'is not an encoded position' });
  if (!decodePosition(anchor.end)) throw new AppError('validation_failed', 'The input is not valid.', { 'anchor.end': 'is not an encoded position' });
}

/**
 * Input on someone's behalf (issue 16): only the facilitator and the procurement team record it
 * (policy contribution.onBehalf). The recorder is the author and the actor of the audit event;
 * an anonymous recording would hide who is accountable for it, so the two do not combine.
 */
export function checkOnBehalf(ctx: OperationContext, access: TrajectoryAccess, onBehalfOf: string | undefined, anonymous: boolean): string | null {
  if (onBehalfOf === undefined) return null;
  if (!decideTrajectoryAction(ctx.actor, access.seat, 'contribution.onBehalf').allowed) {
    throw new AppError('forbidden', 'Only the facilitator or the procurement team records input on someone else\'s behalf.');
  }
  if (anonymous) throw new AppError('validation_failed', 'The input is not valid.', { anonymous: 'input on someone\'s behalf is recorded by name' });
  return onBehalfOf;
}
