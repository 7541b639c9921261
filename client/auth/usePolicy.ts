import { useCallback } from 'react';
import type { Role } from '../../shared/domain/roles';
import { allowed, type Action, type Resource, type Subject } from '../../shared/policy';
import { useSession } from './session-context';

/** Whether to offer a control: the shared policy, asked with the facts at hand; the server decides again. */
export type May = (action: Action, resource?: Resource) => boolean;

/**
 * The signed-in person as the shared policy sees them in one trajectory: a member acts by their
 * role, a platform administrator without a seat administers.
 */
export function usePolicy(role: Role | null): May {
  const { me } = useSession();
  const userId = me?.user.id;
  const platformAdmin = Boolean(me?.user.platformAdmin);
  return useCallback(
    (action: Action, resource?: Resource) => {
      const subject: Subject = me ? { kind: 'user', role, platformAdmin, ...(userId !== undefined ? { userId } : {}) } : { kind: 'anonymous' };
      return allowed(subject, action, resource);
    },
    [me, role, platformAdmin, userId],
  );
}
