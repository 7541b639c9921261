import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { asApiError, unauthenticatedEvents } from '../api/client';
import type { ApiError } from '../api/client';
import { authApi } from '../api/auth';
import { renewOpenSocketSession } from '../live-table/session';
import type { MeResponse } from '../../shared/schemas/auth';
import { SessionContext } from './session-context';
import type { Session, SessionStatus } from './session-context';

interface State {
  status: SessionStatus;
  me: MeResponse | undefined;
  error: ApiError | undefined;
}

/** Knows who is signed in (GET /api/me; 401 means nobody) and signs in and out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading', me: undefined, error: undefined });

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const me = await authApi.me(signal);
      setState({ status: 'signedIn', me, error: undefined });
    } catch (error) {
      if (signal?.aborted) return;
      const apiError = asApiError(error);
      if (apiError.status === 401) setState({ status: 'signedOut', me: undefined, error: undefined });
      else setState({ status: 'error', me: undefined, error: apiError });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  // Any 401 while we think someone is signed in means the session ended on the server.
  useEffect(() => {
    const ended = () =>
      setState((current) => (current.status === 'signedIn' ? { status: 'signedOut', me: undefined, error: undefined } : current));
    unauthenticatedEvents.addEventListener('unauthenticated', ended);
    return () => unauthenticatedEvents.removeEventListener('unauthenticated', ended);
  }, []);

  const signedIn = useCallback((me: MeResponse) => {
    setState({ status: 'signedIn', me, error: undefined });
    void renewOpenSocketSession();
  }, []);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const me = await authApi.login(email, password);
      signedIn(me);
      return me;
    },
    [signedIn],
  );

  const signOut = useCallback(async () => {
    try {
      const ended = await authApi.logout();
      // Signed in through the organisation: its provider ends its own session and sends the browser back.
      if (ended?.redirectTo) {
        window.location.assign(ended.redirectTo);
        return;
      }
    } catch (error) {
      // Already signed out on the server is signed out.
      if (asApiError(error).status !== 401) throw error;
    }
    setState({ status: 'signedOut', me: undefined, error: undefined });
    void renewOpenSocketSession();
  }, []);

  const refresh = useCallback(() => load(), [load]);

  const session = useMemo<Session>(
    () => ({ ...state, signIn, signOut, signedIn, refresh }),
    [state, signIn, signOut, signedIn, refresh],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
