import type { CookieOptions, Request, Response } from 'express';
import type { Config } from '../config';
import { oidcFlowLifetimeMs } from './oidc-flows';
import { sessionCookieName } from './session-store';

/** Holds the state of the sign-in this browser started; only the callback path ever sees it. */
export const oidcStateCookie = 'dt_oidc_state';

export function oidcStateCookieOptions(config: Config): CookieOptions {
  // Lax: the provider's redirect back is a top-level navigation from another site, which Lax lets through.
  return { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/api/auth/oidc', maxAge: oidcFlowLifetimeMs };
}

/**
 * The answer to sign-out: the session cookie is cleared (with the attributes it was set with, as
 * browsers expect); after an organisation sign-in the body says where the provider ends its own
 * session, and the client goes there. Otherwise 204, as always.
 */
export function signedOutResponse(config: Config) {
  return (res: Response, result: unknown, _req?: Request) => {
    res.clearCookie(sessionCookieName, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' });
    const redirectTo = (result as { redirectTo?: string } | undefined)?.redirectTo;
    if (redirectTo) return void res.status(200).json({ redirectTo });
    res.status(204).end();
  };
}
