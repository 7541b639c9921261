import { createContext, useContext } from 'react';
import type { ApiError } from '../api/client';
import type { MeResponse } from '../../shared/schemas/auth';
import { allowed } from '../../shared/policy';

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut' | 'error';

export interface Session {
  status: SessionStatus;
  /** The signed-in person, their trajectories and roles. */
  me: MeResponse | undefined;
  /** Why the session could not be checked (status `error`), e.g. the server is unreachable. */
  error: ApiError | undefined;
  /** Signs in; rejects with an ApiError (401 `unauthenticated` for a wrong e-mail or password). */
  signIn: (email: string, password: string) => Promise<MeResponse>;
  signOut: () => Promise<void>;
  /** Takes a session the server started by other means (accepting an invitation, resetting a password). */
  signedIn: (me: MeResponse) => void;
  /** Loads /api/me again, e.g. after joining a trajectory. */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it');
  return session;
}

/** Whether the person may start a trajectory: platform administrators and procurement-team members. */
export function mayCreateTrajectory(me: MeResponse | undefined): boolean {
  if (!me) return false;
  const procurementSomewhere = me.memberships.some((m) => m.role === 'procurement');
  return allowed({ kind: 'user', role: null, platformAdmin: me.user.platformAdmin, procurementSomewhere }, 'trajectory.create');
}
