import { useMemo } from 'react';
import type { ClauseStatus } from '../../../shared/domain/agreement';
import type { ClauseAccess } from '../../../shared/policy';
import { useTrajectory } from '../trajectory/trajectory-context';

export interface ClausePermissions {
  /** What the person may do with the clause's text in its status: edit, comment or read. */
  access: ClauseAccess;
  mayComment: boolean;
  mayPropose: boolean;
  /** Change the clause's status, add a municipality's variant. */
  mayManage: boolean;
  anonymousAllowed: boolean;
  /** The facilitator and the procurement team record comments for someone without an account. */
  onBehalfAllowed: boolean;
}

/**
 * Everything the clause page offers, asked of the one policy (shared/policy) with the clause's
 * status; the server asks the same rules again on every write. Without a seat a person reads.
 */
export function useClausePermissions(status: ClauseStatus): ClausePermissions {
  const { trajectory, may } = useTrajectory();
  const seated = trajectory.myRole !== null && trajectory.myRole !== undefined;
  return useMemo(() => {
    const clause = { clauseStatus: status };
    const access: ClauseAccess = may('clause.edit', clause) ? 'edit' : may('clause.comment', clause) ? 'comment' : 'read';
    return {
      access,
      mayComment: access !== 'read' && may('comment.create'),
      mayPropose: access !== 'read' && may('amendment.propose'),
      mayManage: seated && may('agreement.manage'),
      anonymousAllowed: may('comment.anonymous'),
      onBehalfAllowed: access !== 'read' && may('contribution.onBehalf'),
    };
  }, [may, status, seated]);
}
