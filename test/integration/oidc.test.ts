import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, connectDatabase, demoEmails, demoTrajectoryIds, mailedToken, signIn, uniqueEmail, type ApiClient } from '../helpers/api-client';
import { connectSocket, emit } from '../helpers/hostile';
import { CookieJar, loginAtProvider, startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

/**
 * Sign-in through OpenID Connect against a real provider (oidc-provider) that the test starts on
 * a free port: the app server is its own process, the provider runs in the test. Each refusal
 * leaves nobody signed in and nothing created.
 */
describe('sign-in through the organisation’s OpenID Connect provider', () => {
  let provider: TestOidcProvider;
  let server: RunningServer;
  let db: Connection;
  let admin: ApiClient;
  let inkoop: ApiClient;
  let ijmond: string;
  let haarlem: string;
  const invited = uniqueEmail('uitgenodigd');
  const unknown = uniqueEmail('onbekend');
  const elsewhere = uniqueEmail('elders');

  beforeAll(async () => {
    provider = await startOidcProvider({
      inkoop: { email: demoEmails.procurement, emailVerified: true, name: 'Inkoop via organisatie' },
      waarnemer: { email: demoEmails.observer, emailVerified: false, name: 'Niet bevestigd' },
      nieuw: { email: invited.toUpperCase(), emailVerified: true, name: 'Nina Nieuw' },
      onbekend: { email: unknown, emailVerified: true, name: 'Otto Onbekend' },
      elders: { email: elsewhere, emailVerified: true, name: 'Eva Elders' },
    });
    server = await startServer({ env: { DEMO: '1', ...provider.env() } });
    provider.serve(server.url);
    db = await connectDatabase(server);
    admin = await signIn(server, demoEmails.admin);
    inkoop = await signIn(server, demoEmails.procurement);
    ijmond = (await demoTrajectoryIds(admin)).ijmond;
    haarlem = (await inkoop.get('/organisations')).body.find((o: { name: string }) => o.name === 'Gemeente Haarlem').id;
  }, 180_000);
  afterAll(async () => {
    await db?.close();
    await server?.stop();
    await provider?.stop();
  });

  /** Starts a sign-in as a browser would; the app's cookies land in `jar`. Returns the provider's address. */
  async function start(jar: CookieJar, query = ''): Promise<string> {
    const res = await fetch(`${server.url}/api/auth/oidc/start${query}`, { redirect: 'manual', headers: { cookie: jar.header() } });
    expect(res.status, await res.clone().text()).toBe(303);
    jar.take(res.headers);
    expect(jar.get('dt_oidc_state')).toBeTruthy();
    return res.headers.get('location')!;
  }

  /** The provider's redirect back, arriving in the browser whose cookies are in `jar`. */
  async function arrive(callbackUrl: string, jar: CookieJar): Promise<{ status: number; location: string; session: string | undefined }> {
    expect(callbackUrl.startsWith(`${publicUrl()}/api/auth/oidc/callback?`), callbackUrl).toBe(true);
    const res = await fetch(callbackUrl.replace(publicUrl(), server.url), { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res.headers);
    return { status: res.status, location: res.headers.get('location') ?? '', session: jar.get('dt_session') };
  }

  async function signInThroughProvider(login: string, query = ''): Promise<{ jar: CookieJar; location: string; session: string | undefined }> {
    const jar = new CookieJar();
    const callback = await loginAtProvider(await start(jar, query), login);
    return { jar, ...(await arrive(callback, jar)) };
  }

  /** The address the app names itself by (no PUBLIC_URL in tests: localhost). */
  const publicUrl = () => server.url.replace('//127.0.0.1:', '//localhost:');
  const users = () => db.collection('users');
  const signInEvents = (userId: unknown) => db.collection('audit_events').countDocuments({ chain: 'platform', action: 'auth.sign_in', objectId: String(userId), 'summary.method': 'oidc' });

  it('tells the client that both ways of signing in are on', async () => {
    const res = await apiClient(server).get('/auth/config');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ passwordSignIn: true, oidc: { buttonLabel: null } });
  });

  it('signs an existing account in by its verified e-mail address, with the same session a password gives, audited', async () => {
    const user = await users().findOne({ email: demoEmails.procurement });
    const before = await signInEvents(user!._id);
    const { jar, location, session } = await signInThroughProvider('inkoop', `?terug=${encodeURIComponent(`/trajecten/${ijmond}`)}`);
    expect(location).toBe(`/trajecten/${ijmond}`);
    expect(session).toBeTruthy();
    // The state cookie is spent with the sign-in.
    expect(jar.get('dt_oidc_state')).toBeUndefined();
    const me = await apiClient(server, session).get('/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(demoEmails.procurement);
    expect(me.body.memberships.some((m: { trajectoryId: string }) => m.trajectoryId === ijmond)).toBe(true);
    expect(await signInEvents(user!._id)).toBe(before + 1);
    // Live connections take the session as they take a password session.
    const socket = await connectSocket(server, session);
    try {
      expect((await emit(socket, 'trajectory:join', { trajectoryId: ijmond })).ok).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('keeps a return path inside the site: another site becomes the list of trajectories', async () => {
    const { location, session } = await signInThroughProvider('inkoop', `?terug=${encodeURIComponent('//elders.example/x')}`);
    expect(location).toBe('/trajecten');
    expect(session).toBeTruthy();
  });

  it('refuses an e-mail address the provider has not verified, and signs nobody in', async () => {
    const { location, session } = await signInThroughProvider('waarnemer');
    expect(location).toBe('/inloggen?oidc-fout=unverified_email');
    expect(session).toBeUndefined();
  });

  it('refuses a person with no account and no invitation, and creates nothing', async () => {
    const { location, session } = await signInThroughProvider('onbekend');
    expect(location).toBe('/inloggen?oidc-fout=no_account');
    expect(session).toBeUndefined();
    expect(await users().countDocuments({ email: unknown })).toBe(0);
  });

  it('lets an invited person in for the first time through the invitation link: the account is made and takes the invited seat', async () => {
    expect((await inkoop.post(`/trajectories/${ijmond}/invitations`, { email: invited, role: 'observer', organisation: { id: haarlem } })).status).toBe(201);
    const token = (await mailedToken(admin, invited, 'uitnodiging'))!;
    const { location, session } = await signInThroughProvider('nieuw', `?invitation=${token}`);
    expect(location).toBe(`/trajecten/${ijmond}`);
    const me = await apiClient(server, session).get('/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: invited, name: 'Nina Nieuw' });
    expect(me.body.memberships.find((m: { trajectoryId: string }) => m.trajectoryId === ijmond)?.role).toBe('observer');
    const invitation = await db.collection('invitations').findOne({ email: invited });
    expect(invitation!.acceptedAt).toBeInstanceOf(Date);
    const created = await users().findOne({ email: invited });
    expect(await db.collection('audit_events').countDocuments({ action: 'auth.oidc_account_created', objectId: String(created!._id) })).toBe(1);
    expect(await db.collection('audit_events').countDocuments({ chain: ijmond, action: 'invitation.accept', objectId: String(invitation!._id) })).toBe(1);
    // The link is spent: using it again with the same account is refused, and nothing more is signed in.
    const again = await signInThroughProvider('nieuw', `?invitation=${token}`);
    expect(again.location).toBe('/inloggen?oidc-fout=invitation');
    expect(again.session).toBeUndefined();
    // From now on the account signs in like any other.
    expect((await signInThroughProvider('nieuw')).session).toBeTruthy();
  });

  it('refuses an invitation for another address than the provider verified, and creates nothing', async () => {
    const other = uniqueEmail('ander');
    expect((await inkoop.post(`/trajectories/${ijmond}/invitations`, { email: other, role: 'observer', organisation: { id: haarlem } })).status).toBe(201);
    const token = (await mailedToken(admin, other, 'uitnodiging'))!;
    const { location, session } = await signInThroughProvider('elders', `?invitation=${token}`);
    expect(location).toBe('/inloggen?oidc-fout=invitation');
    expect(session).toBeUndefined();
    expect(await users().countDocuments({ email: { $in: [other, elsewhere] } })).toBe(0);
    expect((await db.collection('invitations').findOne({ email: other }))!.acceptedAt ?? null).toBeNull();
  });

  it('refuses a state mix-up: a response meant for another browser signs nobody in, and the browser’s own attempt is spent', async () => {
    const victim = new CookieJar();
    const victimAuthorization = await start(victim);
    // The attacker starts a sign-in of their own and plants the provider's answer in the victim's browser.
    const attacker = new CookieJar();
    const attackersCallback = await loginAtProvider(await start(attacker), 'inkoop');
    const planted = await arrive(attackersCallback, victim);
    expect(planted.location).toBe('/inloggen?oidc-fout=mismatch');
    expect(planted.session).toBeUndefined();
    // The victim's own sign-in was taken by that attempt: finishing it now is refused as expired.
    const own = await arrive(await loginAtProvider(victimAuthorization, 'inkoop'), victim);
    expect(own.location).toBe('/inloggen?oidc-fout=expired');
    expect(own.session).toBeUndefined();
    // Without the state cookie (another browser), the attacker's own answer is refused too.
    const elsewhereBrowser = await arrive(attackersCallback, new CookieJar());
    expect(elsewhereBrowser.location).toBe('/inloggen?oidc-fout=expired');
    expect(elsewhereBrowser.session).toBeUndefined();
  });

  it('refuses a state that was used already (a replayed callback)', async () => {
    const jar = new CookieJar();
    const callback = await loginAtProvider(await start(jar), 'inkoop');
    const state = jar.get('dt_oidc_state')!;
    expect((await arrive(callback, jar)).session).toBeTruthy();
    const replay = new CookieJar();
    replay.take(new Headers([['set-cookie', `dt_oidc_state=${state}; Path=/api/auth/oidc`]]));
    const replayed = await arrive(callback, replay);
    expect(replayed.location).toBe('/inloggen?oidc-fout=expired');
    expect(replayed.session).toBeUndefined();
  });

  it('refuses a nonce mix-up: an ID token minted for another nonce signs nobody in', async () => {
    const jar = new CookieJar();
    const authorization = new URL(await start(jar));
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    authorization.searchParams.set('nonce', randomBytes(16).toString('base64url'));
    const { location, session } = await arrive(await loginAtProvider(authorization.href, 'inkoop'), jar);
    expect(location).toBe('/inloggen?oidc-fout=mismatch');
    expect(session).toBeUndefined();
  });

  it('explains a provider that said no (the person cancelled at the provider), and signs nobody in', async () => {
    const jar = new CookieJar();
    await start(jar);
    const query = new URLSearchParams({ error: 'access_denied', error_description: 'cancelled', state: jar.get('dt_oidc_state')!, iss: provider.issuer });
    const { location, session } = await arrive(`${publicUrl()}/api/auth/oidc/callback?${query}`, jar);
    expect(location).toBe('/inloggen?oidc-fout=provider');
    expect(session).toBeUndefined();
  });

  it('signing out ends the local session and sends the browser to the provider’s end-session endpoint', async () => {
    const { session } = await signInThroughProvider('inkoop');
    const client = apiClient(server, session);
    const res = await client.post('/auth/logout');
    expect(res.status).toBe(200);
    const target = new URL(res.body.redirectTo);
    expect(`${target.origin}${target.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe(`${publicUrl()}/inloggen`);
    expect(target.searchParams.get('id_token_hint')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await apiClient(server, session).get('/me')).status).toBe(401);
    // The provider accepts the request (a bad hint or an unregistered return address would be a 400).
    const atProvider = await fetch(target, { redirect: 'manual' });
    expect(atProvider.status, await atProvider.text()).toBe(200);
  });

  it('a password session signs out as before, without a provider step', async () => {
    const client = await signIn(server, demoEmails.observer);
    expect((await client.post('/auth/logout')).status).toBe(204);
  });
});

describe('sign-in through OpenID Connect when the provider is away', () => {
  let server: RunningServer;
  beforeAll(async () => {
    // A port that nothing listens on: discovery fails.
    const provider = await startOidcProvider({});
    const env = provider.env();
    await provider.stop();
    server = await startServer({ env });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('sends the browser to the sign-in page with a clear reason', async () => {
    const res = await fetch(`${server.url}/api/auth/oidc/start`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/inloggen?oidc-fout=unavailable');
    // The log line travels over the server's stdout, which may arrive after the answer.
    await waitFor(() => server.logs().some((l) => l.msg === 'the OpenID Connect provider could not be reached'), 10_000, 'the warning in the server log');
  });
});
