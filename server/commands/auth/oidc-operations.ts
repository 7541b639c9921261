import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { oidcRefusalReasons, oidcStartQuery as startQuery, type AuthConfig, type OidcRefusalReason } from '../../../shared/schemas/auth-config';
import { email as emailSchema } from '../../../shared/schemas/common';
import { platformChain } from '../../audit/audit-log';
import { oidcClientFor } from '../../auth/oidc-client';
import { oidcFlowsFor } from '../../auth/oidc-flows';
import { oidcSignInsFor } from '../../auth/oidc-sign-ins';
import { hashPassword } from '../../auth/passwords';
import { hashToken } from '../../auth/tokens';
import type { OidcSettings } from '../../config';
import { AppError } from '../../errors';
import type { UserActor } from '../../policies/actor';
import { acceptInvitation } from '../invitations/invitation-operations';
import { defineOperation, noBody, noParams, type OperationContext } from '../operation';
import { signOut } from './sign-out';
import { isDuplicateKey } from '../../db/duplicate-key';

/** The path the provider sends people back to; registered at the provider as `PUBLIC_URL` + this. */
const oidcCallbackPath = '/api/auth/oidc/callback';
/** Where the provider's logout sends people back to; registered at the provider as `PUBLIC_URL` + this. */
const postLogoutPath = '/inloggen';

/** What the sign-in pages show: which ways of signing in are on. */
export const getAuthConfig = defineOperation({
  name: 'auth.config',
  params: noParams,
  body: noBody,
  authorize: async () => undefined,
  run: async (ctx) => {
    const { oidc, passwordSignIn } = ctx.services.config;
    const result: AuthConfig = { passwordSignIn, oidc: oidc ? { buttonLabel: oidc.buttonLabel ?? null } : null };
    return { result };
  },
});

function requireOidc(ctx: OperationContext): OidcSettings {
  const settings = ctx.services.config.oidc;
  if (!settings) throw refusal('not_configured', 'not_found', 'Sign-in through an organisation account is not set up.');
  return settings;
}

function refusal(reason: OidcRefusalReason, code: 'unauthenticated' | 'not_found' | 'gone' | 'unavailable', message: string): AppError {
  return new AppError(code, message, { reason });
}

export type OidcStarted = { kind: 'started'; state: string; redirectTo: string } | { kind: 'refused'; reason: OidcRefusalReason };

/**
 * Starts a sign-in at the organisation's provider: state, nonce and PKCE verifier are kept
 * server-side. A provider that cannot be reached is an answer too (the sign-in page says so).
 */
export const startOidcSignIn = defineOperation({
  name: 'auth.oidc_start',
  params: noParams,
  body: startQuery,
  authorize: async () => undefined,
  run: async (ctx, _p, query) => {
    const settings = requireOidc(ctx);
    const client = oidcClientFor(settings, ctx.services.log);
    let started;
    try {
      started = await client.start(`${ctx.services.publicUrl()}${oidcCallbackPath}`);
    } catch (error) {
      if (error instanceof AppError && error.code === 'unavailable') return { result: { kind: 'refused', reason: 'unavailable' } as OidcStarted };
      throw error;
    }
    await oidcFlowsFor(ctx.services.models).save(started.checks, { invitationToken: query.invitation ?? null, returnPath: query.terug ?? '/trajecten' });
    const result: OidcStarted = { kind: 'started', state: started.checks.state, redirectTo: started.url };
    return { result };
  },
});

/** The provider's redirect back: its query string and the state cookie of the browser it reached. */
const callbackInput = z.object({ search: z.string().max(16_000), stateCookie: z.string().max(200).optional() });

export type OidcFinished =
  | { kind: 'signedIn'; token: string; redirectTo: string }
  | { kind: 'refused'; reason: OidcRefusalReason };

/**
 * Finishes a sign-in at the organisation's provider. The account is the one with the provider's
 * verified e-mail address; a person without one gets in only through an invitation to that address.
 * A refusal is an answer, not an error: the browser is sent to the sign-in page, which explains it,
 * and nothing is signed in or created.
 */
export const finishOidcSignIn = defineOperation({
  name: 'auth.oidc_sign_in',
  params: noParams,
  body: callbackInput,
  authorize: async () => undefined,
  run: async (ctx, _p, input) => {
    // Not set up is the route's answer (404), as for the start; not a sign-in refused.
    requireOidc(ctx);
    try {
      return await finish(ctx, input);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const reason = oidcRefusalReasons.find((r) => r === error.fields?.reason) ?? (error.code === 'unavailable' ? 'unavailable' : 'mismatch');
      ctx.services.log.info({ reason }, 'an OpenID Connect sign-in was refused');
      return { result: { kind: 'refused', reason } as OidcFinished };
    }
  },
});

async function finish(ctx: OperationContext, input: z.infer<typeof callbackInput>) {
  const { services } = ctx;
  const { models, sessions } = services;
  const settings = requireOidc(ctx);
  const expired = () => refusal('expired', 'gone', 'This sign-in has expired or was started elsewhere. Start again.');
  if (!input.stateCookie) throw expired();
  // The browser's own sign-in is taken first, whatever comes back: one attempt per start.
  const flow = await oidcFlowsFor(models).take(input.stateCookie);
  if (!flow) throw expired();
  const params = new URLSearchParams(input.search);
  // A response meant for another browser or another attempt (a mix-up, or a planted link) is refused.
  if (params.get('state') !== flow.state) throw refusal('mismatch', 'unauthenticated', 'This sign-in could not be completed safely. Start again.');
  const callbackUrl = new URL(`${services.publicUrl()}${oidcCallbackPath}`);
  callbackUrl.search = params.toString();
  const identity = await oidcClientFor(settings, services.log).finish(callbackUrl, { state: flow.state, nonce: flow.nonce, codeVerifier: flow.codeVerifier });

  const parsedEmail = emailSchema.safeParse(identity.email ?? '');
  if (!identity.emailVerified || !parsedEmail.success) {
    throw refusal('unverified_email', 'unauthenticated', 'Your organisation has not confirmed your e-mail address, so it cannot be matched to an account.');
  }
  const email = parsedEmail.data;
  let user = await models.users.findOne({ email }).lean();
  const audit = [];
  let redirectTo = flow.returnPath;

  if (flow.invitationToken) {
    const invitation = await models.invitations.findOne({ tokenHash: hashToken(flow.invitationToken) }, { email: 1, trajectoryId: 1 }).lean();
    if (!invitation) throw refusal('invitation', 'not_found', 'This invitation does not exist.');
    if (invitation.email !== email) throw refusal('invitation', 'unauthenticated', 'This invitation is for another e-mail address than the one your organisation confirmed.');
    let created = false;
    if (!user) {
      // No password: this person signs in through their organisation. A reset link can still set one where passwords are on.
      const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
      try {
        user = (await models.users.create({ email, name: personName(identity.name, email), passwordHash })).toObject();
      } catch (error) {
        // Made a moment ago by another request (a double click): that one goes on, this one stops.
        if (isDuplicateKey(error)) throw refusal('expired', 'gone', 'This sign-in was finished in another window. Start again.');
        throw error;
      }
      created = true;
    }
    const actor: UserActor = { kind: 'user', userId: String(user._id), name: user.name, email: user.email, platformAdmin: user.platformAdmin, sessionId: '' };
    try {
      // The invitation decides the seat, exactly as when accepting it signed in (its own audit events).
      await acceptInvitation({ ...ctx, actor }, { params: { token: flow.invitationToken }, body: { token: flow.invitationToken } });
    } catch (error) {
      if (created) await models.users.deleteOne({ _id: user._id });
      const message = error instanceof AppError ? error.message : 'This invitation could not be accepted.';
      if (error instanceof AppError) throw refusal('invitation', 'gone', message);
      throw error;
    }
    if (created) audit.push({ chain: platformChain, action: 'auth.oidc_account_created', objectType: 'user', objectId: String(user._id), summary: {} });
    redirectTo = `/trajecten/${String(invitation.trajectoryId)}`;
  } else if (!user) {
    throw refusal('no_account', 'unauthenticated', 'There is no account for this e-mail address. Ask the procurement team for an invitation.');
  }

  // The local session is the same as after a password sign-in: sockets and collaboration follow it.
  const sessionToken = await sessions.create(String(user._id));
  const session = await sessions.resolve(sessionToken);
  if (session) await oidcSignInsFor(models).remember(session.sessionId, identity.idToken);
  audit.push({ chain: platformChain, action: 'auth.sign_in', objectType: 'user', objectId: String(user._id), summary: { method: 'oidc' } });
  const result: OidcFinished = { kind: 'signedIn', token: sessionToken, redirectTo };
  return { result, audit };
}

/** The provider's name for the person, within the product's limits; else the part of the address before the @. */
function personName(name: string | undefined, email: string): string {
  const trimmed = name?.trim().slice(0, 120);
  return trimmed || email.split('@')[0]!;
}

/**
 * Signing out: the local session ends as always; a session that came from the organisation's
 * provider also gets the provider's logout address, when the provider has one.
 */
export const signOutWithProvider = defineOperation({
  name: 'auth.sign_out',
  params: noParams,
  body: noBody,
  authorize: async () => undefined,
  run: async (ctx) => {
    const settings = ctx.services.config.oidc;
    const idToken = ctx.actor.kind === 'user' && settings ? await oidcSignInsFor(ctx.services.models).take(ctx.actor.sessionId) : null;
    await signOut(ctx, {});
    if (!idToken || !settings) return { result: undefined };
    try {
      const redirectTo = await oidcClientFor(settings, ctx.services.log).endSessionUrl(idToken, `${ctx.services.publicUrl()}${postLogoutPath}`);
      return { result: redirectTo ? { redirectTo } : undefined };
    } catch {
      // The provider is away: the local sign-out stands, which is what matters here.
      return { result: undefined };
    }
  },
});
