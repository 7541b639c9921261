import { z } from 'zod';
import { token } from './common';

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


/** A path within this site to return to; anything else (another site, `//host`) is ignored. */
const returnPath = z
  .string()
  .max(500)
  .optional()
  .transform((v) => (v && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') ? v : null));

/** Either way of starting: the sign-in page, or an invitation link (first sign-in of an invited person). */
export const oidcStartQuery = z.object({ invitation: token.optional(), terug: returnPath });
