import * as client from 'openid-client';
import type { OidcSettings } from '../config';
import { AppError } from '../errors';
import type { Logger } from '../logger';

/** What the provider vouches for, from the ID token and, where it holds back, the userinfo endpoint. */
export interface OidcIdentity {
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
  idToken: string;
}

/** What is kept of a started sign-in until the provider sends the person back. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

const discoveryTimeoutSeconds = 10;

/**
 * The one place that speaks OpenID Connect (openid-client): discovery, the authorisation URL with
 * PKCE, the code exchange with its checks, and the provider's logout URL. Discovery runs when first
 * needed and is retried on the next sign-in when the provider was away, so a provider that is down at
 * start-up does not keep the product from starting (passwords may still work).
 */
export class OidcClient {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(
    private readonly settings: OidcSettings,
    private readonly log: Logger,
  ) {}

  /** The discovered provider, or a clear `unavailable` error when it cannot be reached. */
  async configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover();
    try {
      return await this.discovered;
    } catch (error) {
      this.discovered = undefined;
      this.log.warn({ issuer: this.settings.issuer, err: (error as Error).message }, 'the OpenID Connect provider could not be reached');
      throw new AppError('unavailable', 'The sign-in service of your organisation cannot be reached. Try again in a moment.', { reason: 'unavailable' });
    }
  }

  private discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret, allowInsecureIssuer } = this.settings;
    const insecure = allowInsecureIssuer && issuer.startsWith('http://');
    return client.discovery(
      new URL(issuer),
      clientId,
      undefined,
      clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
      { timeout: discoveryTimeoutSeconds, ...(insecure ? { execute: [client.allowInsecureRequests] } : {}) },
    );
  }

  /** Fresh state, nonce and PKCE verifier, and the provider's address to send the person to. */
  async start(redirectUri: string): Promise<{ url: string; checks: OidcChecks }> {
    const config = await this.configuration();
    const checks: OidcChecks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, checks };
  }

  /**
   * Exchanges the code the provider sent back, checking state, nonce, PKCE, issuer, audience and
   * signature (openid-client does each). Refusals are `unauthenticated` with the reason in `fields.reason`.
   */
  async finish(callbackUrl: URL, checks: OidcChecks): Promise<OidcIdentity> {
    const config = await this.configuration();
    let tokens;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw this.refusal(error);
    }
    const claims = tokens.claims()!;
    let email = typeof claims.email === 'string' ? claims.email : undefined;
    let verified = claims.email_verified;
    let name = typeof claims.name === 'string' ? claims.name : undefined;
    // Many providers put e-mail and name only in userinfo; it answers for the same subject or not at all.
    if (email === undefined || verified === undefined) {
      try {
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        email = typeof info.email === 'string' ? info.email : email;
        verified = info.email_verified ?? verified;
        name ??= typeof info.name === 'string' ? info.name : undefined;
      } catch (error) {
        throw this.refusal(error);
      }
    }
    return { subject: claims.sub, email, emailVerified: verified === true, name, idToken: tokens.id_token! };
  }

  /** The provider's logout address, when it has one (RP-initiated logout). */
  async endSessionUrl(idToken: string, postLogoutRedirectUri: string): Promise<string | null> {
    const config = await this.configuration();
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri }).href;
  }

  private refusal(error: unknown): AppError {
    const message = (error as Error).message;
    if (error instanceof client.AuthorizationResponseError) {
      // The provider said no (the person cancelled, or is not allowed this application).
      return new AppError('unauthenticated', 'The sign-in service of your organisation did not sign you in.', { reason: 'provider' });
    }
    if (error instanceof TypeError || (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
      this.log.warn({ err: message }, 'the OpenID Connect provider could not be reached');
      return new AppError('unavailable', 'The sign-in service of your organisation cannot be reached. Try again in a moment.', { reason: 'unavailable' });
    }
    this.log.warn({ err: message, code: (error as { code?: string }).code }, 'an OpenID Connect sign-in was refused');
    return new AppError('unauthenticated', 'This sign-in could not be completed safely. Start again.', { reason: 'mismatch' });
  }
}

/** One client per set of settings (per process): discovery is done once. */
const clients = new WeakMap<OidcSettings, OidcClient>();
export function oidcClientFor(settings: OidcSettings, log: Logger): OidcClient {
  let found = clients.get(settings);
  if (!found) clients.set(settings, (found = new OidcClient(settings, log)));
  return found;
}
