import { z } from 'zod';

/** Which ways of signing in are on; the sign-in and invitation pages show only those. */
export const authConfigDto = z.object({
  passwordSignIn: z.boolean(),
  /** Set when people may sign in through their organisation's OpenID Connect provider. */
  oidc: z.object({ buttonLabel: z.string().nullable() }).nullable(),
});
export type AuthConfig = z.infer<typeof authConfigDto>;

/** Why a sign-in through the organisation's account was refused; the sign-in page explains each. */
export const oidcRefusalReasons = ['expired', 'mismatch', 'provider', 'unavailable', 'unverified_email', 'no_account', 'invitation', 'not_configured'] as const;
export type OidcRefusalReason = (typeof oidcRefusalReasons)[number];

/** Answer to sign-out when the provider's session is to be ended too: the browser goes there next. */
export const signOutDto = z.object({ redirectTo: z.string() });
