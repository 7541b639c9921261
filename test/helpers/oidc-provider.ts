import { randomBytes } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** A person at the test's provider; `login` is what they type at its (development) login page. */
export interface ProviderAccount {
  email: string;
  emailVerified: boolean;
  name: string;
}

export interface TestOidcProvider {
  /** e.g. http://127.0.0.1:41234 */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The server settings that point the app at this provider. */
  env(): Record<string, string>;
  /** Registers the app (its redirect and post-logout addresses) and starts answering. */
  serve(appUrl: string): void;
  stop(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a free port, in the test process. It listens
 * at once, so its address can go into the app's settings, and answers once the app is registered
 * with the app's own address (known only after the app started). PKCE is required, as a
 * municipality's provider should; consent is implied, so a sign-in is: log in, come back.
 */
export async function startOidcProvider(accounts: Record<string, ProviderAccount>): Promise<TestOidcProvider> {
  let handler: RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end('not serving yet');
  };
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'dialoogtafel';
  const clientSecret = randomBytes(24).toString('base64url');

  return {
    issuer,
    clientId,
    clientSecret,
    env: () => ({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret }),
    serve(appUrl: string) {
      // Without PUBLIC_URL the app names itself http://localhost:PORT; tests reach it at 127.0.0.1.
      const appUrls = [appUrl, appUrl.replace('//127.0.0.1:', '//localhost:')];
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: appUrls.map((u) => `${u}/api/auth/oidc/callback`),
            post_logout_redirect_uris: appUrls.map((u) => `${u}/inloggen`),
            response_types: ['code'],
            grant_types: ['authorization_code'],
          },
        ],
        pkce: { required: () => true },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        cookies: { keys: [randomBytes(16).toString('hex')] },
        features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
        async findAccount(_ctx, sub) {
          const account = accounts[sub];
          if (!account) return undefined;
          return { accountId: sub, claims: async () => ({ sub, email: account.email, email_verified: account.emailVerified, name: account.name }) };
        },
        // Consent is implied for the one client, so the test's sign-in is the login page alone.
        async loadExistingGrant(ctx: KoaContextWithOIDC) {
          const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
          if (grantId) return ctx.oidc.provider.Grant.find(grantId);
          const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
          grant.addOIDCScope('openid email profile');
          await grant.save();
          return grant;
        },
      });
      handler = provider.callback();
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A tiny cookie jar for one origin: what a browser would keep between redirects. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Logs in at the provider's development login page as `login`, starting from an authorisation
 * URL, and follows the provider's redirects until it sends the browser back to the app. Returns
 * that callback address (with code and state); the app is not called.
 */
export async function loginAtProvider(authorizationUrl: string, login: string, jar = new CookieJar()): Promise<string> {
  let url = authorizationUrl;
  const origin = new URL(authorizationUrl).origin;
  for (let hop = 0; hop < 10; hop++) {
    const isInteraction = /\/interaction\/[^/]+$/.test(new URL(url).pathname);
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(isInteraction ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(isInteraction ? { method: 'POST', body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString() } : {}),
    });
    jar.take(res.headers);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} at ${url}: ${(await res.text()).slice(0, 500)}`);
    url = new URL(location, url).href;
    if (new URL(url).origin !== origin) return url;
  }
  throw new Error('the provider did not send the browser back');
}
