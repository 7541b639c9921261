import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, connectDatabase, demoEmails, expectError, mailedToken, uniqueEmail, type ApiClient } from '../helpers/api-client';
import { CookieJar, loginAtProvider, startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider';
import { startServer, type RunningServer } from '../helpers/server';

/** PASSWORD_SIGNIN=0: every password route refuses clearly; the organisation's account is the way in. */
describe('passwords turned off (PASSWORD_SIGNIN=0)', () => {
  let provider: TestOidcProvider;
  let server: RunningServer;
  const invited = uniqueEmail('zonder-wachtwoord');

  beforeAll(async () => {
    provider = await startOidcProvider({
      inkoop: { email: demoEmails.procurement, emailVerified: true, name: 'Inkoop' },
      beheer: { email: demoEmails.admin, emailVerified: true, name: 'Beheer' },
      uitgenodigd: { email: invited, emailVerified: true, name: 'Ilse Uitgenodigd' },
    });
    server = await startServer({ env: { DEMO: '1', PASSWORD_SIGNIN: '0', OIDC_BUTTON_LABEL: 'Inloggen met uw organisatie-account', ...provider.env() } });
    provider.serve(server.url);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await provider?.stop();
  });

  /** Signs in through the provider as `login` and returns a client with the session. */
  async function signInThroughProvider(login: string, query = ''): Promise<ApiClient> {
    const jar = new CookieJar();
    const start = await fetch(`${server.url}/api/auth/oidc/start${query}`, { redirect: 'manual' });
    jar.take(start.headers);
    const callback = (await loginAtProvider(start.headers.get('location')!, login)).replace('//localhost:', '//127.0.0.1:');
    const res = await fetch(callback, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res.headers);
    expect(jar.get('dt_session'), res.headers.get('location') ?? '').toBeTruthy();
    return apiClient(server, jar.get('dt_session'));
  }

  it('tells the client that only the organisation account is on, with the configured label', async () => {
    expect((await apiClient(server).get('/auth/config')).body).toEqual({ passwordSignIn: false, oidc: { buttonLabel: 'Inloggen met uw organisatie-account' } });
  });

  it('refuses password sign-in, reset and reset confirmation with a clear error', async () => {
    const anybody = apiClient(server);
    const login = await anybody.post('/auth/login', { email: demoEmails.procurement, password: 'dialoog-demo' });
    expectError(login, 403, 'forbidden');
    expect(login.body.error.message).toMatch(/password is turned off/);
    expect(login.headers.get('set-cookie')).toBeNull();
    expectError(await anybody.post('/auth/password-reset', { email: demoEmails.procurement }), 403, 'forbidden');
    expectError(await anybody.post('/auth/password-reset/confirm', { token: 'a'.repeat(43), password: 'een-nieuw-wachtwoord' }), 403, 'forbidden');
  });

  it('refuses accepting an invitation by choosing a password, and accepts it for someone signed in through their organisation', async () => {
    const inkoop = await signInThroughProvider('inkoop');
    const admin = await signInThroughProvider('beheer');
    const trajectories = (await inkoop.get('/trajectories')).body as Array<{ id: string; name: string }>;
    const trajectoryId = trajectories[0]!.id;
    const organisationId = (await inkoop.get('/organisations')).body.find((o: { name: string }) => o.name === 'Gemeente Haarlem').id;
    expect((await inkoop.post(`/trajectories/${trajectoryId}/invitations`, { email: invited, role: 'observer', organisation: { id: organisationId } })).status).toBe(201);
    const token = (await mailedToken(admin, invited, 'uitnodiging'))!;

    expectError(await apiClient(server).post(`/invitations/${token}/accept`, { token, name: 'Ilse', password: 'een-goed-wachtwoord' }), 403, 'forbidden');
    const db = await connectDatabase(server);
    try {
      expect(await db.collection('users').countDocuments({ email: invited })).toBe(0);
    } finally {
      await db.close();
    }
    // Through the invitation link and the organisation's account, the seat is taken.
    const person = await signInThroughProvider('uitgenodigd', `?invitation=${token}`);
    const me = (await person.get('/me')).body;
    expect(me.memberships.map((m: { trajectoryId: string }) => m.trajectoryId)).toContain(trajectoryId);
  });
});
