import { createHash, randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  connectDatabase,
  demoEmails,
  demoPassword,
  expectError,
  ijmondName,
  mailedToken,
  middenIJsselName,
  readOutbox,
  sessionCookie,
  signIn,
  type ApiClient,
} from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

// One server for sign-in and password reset (they stay well under the per-process rate limits); the rate-limit tests get their own.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { DEMO: '1' } });
});
afterAll(async () => {
  await server?.stop();
});

describe('sign-in and sign-out', () => {

  it('sets an HttpOnly, SameSite=Lax session cookie and answers with the person', async () => {
    const client = apiClient(server);
    const res = await client.post('/auth/login', { email: demoEmails.procurement, password: demoPassword });
    expect(res.status).toBe(200);
    const cookie = sessionCookie(res.headers);
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{20,100}$/);
    expect(cookie!.raw).toMatch(/;\s*HttpOnly/i);
    expect(cookie!.raw).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie!.raw).toMatch(/;\s*Path=\//i);
    expect(res.body.user).toMatchObject({ email: demoEmails.procurement, name: 'Annelies Brouwer', platformAdmin: false });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    expect(res.text).not.toContain(cookie!.value);
  });

  it('GET /me returns the person with trajectories and roles', async () => {
    const inkoop = await signIn(server, demoEmails.procurement);
    const me = await inkoop.get('/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect(me.body.user.email).toBe(demoEmails.procurement);
    expect(me.body.memberships).toHaveLength(2);
    expect(me.body.memberships.map((m: { trajectoryName: string; role: string }) => [m.trajectoryName, m.role]).sort()).toEqual(
      [
        [ijmondName, 'procurement'],
        [middenIJsselName, 'procurement'],
      ].sort(),
    );

    const gemeente = await signIn(server, demoEmails.municipality);
    const me2 = await gemeente.get('/me');
    expect(me2.body.memberships).toEqual([
      { trajectoryId: expect.stringMatching(/^[a-f0-9]{24}$/), trajectoryName: ijmondName, role: 'municipality', organisationId: expect.any(String), organisationName: 'Gemeente Haarlem' },
    ]);

    const admin = await signIn(server, demoEmails.admin);
    const me3 = await admin.get('/me');
    expect(me3.body).toMatchObject({ user: { platformAdmin: true }, memberships: [] });
  });

  it('GET /me without a session, or with a made-up cookie, is 401', async () => {
    expectError(await apiClient(server).get('/me'), 401, 'unauthenticated');
    expectError(await apiClient(server, randomBytes(32).toString('base64url')).get('/me'), 401, 'unauthenticated');
    expectError(await apiClient(server, 'not a token;').get('/me'), 401, 'unauthenticated');
  });

  it('accepts the e-mail address in any case and with spaces around it', async () => {
    const res = await apiClient(server).post('/auth/login', { email: '  Gemeente@DialoogTafel.Example ', password: demoPassword });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(demoEmails.municipality);
  });

  it('answers a wrong password and an unknown e-mail address alike: 401, same message, no cookie', async () => {
    const wrong = await apiClient(server).post('/auth/login', { email: demoEmails.observer, password: 'not-the-password' });
    const unknown = await apiClient(server).post('/auth/login', { email: 'niemand@dialoogtafel.example', password: demoPassword });
    expectError(wrong, 401, 'unauthenticated');
    expectError(unknown, 401, 'unauthenticated');
    expect(wrong.body).toEqual(unknown.body);
    expect(sessionCookie(wrong.headers)).toBeUndefined();
    expect(sessionCookie(unknown.headers)).toBeUndefined();
  });

  it('sign-out ends the session: the old cookie is refused afterwards', async () => {
    const client = await signIn(server, demoEmails.facilitator);
    const token = client.token!;
    expect((await client.get('/me')).status).toBe(200);
    const out = await client.post('/auth/logout');
    expect(out.status).toBe(204);
    // The cookie is cleared in the browser …
    expect(sessionCookie(out.headers)?.value).toBe('');
    expect(client.token).toBeUndefined();
    // … and the session is gone on the server: replaying the old value does not work.
    const replay = apiClient(server, token);
    expectError(await replay.get('/me'), 401, 'unauthenticated');
    expectError(await replay.get('/trajectories'), 401, 'unauthenticated');
  });

  it('sign-out ends only that session, not the other sessions of the person', async () => {
    const a = await signIn(server, demoEmails.observer);
    const b = await signIn(server, demoEmails.observer);
    expect(a.token).not.toBe(b.token);
    expect((await a.post('/auth/logout')).status).toBe(204);
    expect((await b.get('/me')).status).toBe(200);
  });

  it('a new sign-in issues a new token and never adopts the cookie the browser sent (no fixation)', async () => {
    const client = await signIn(server, demoEmails.client);
    const first = client.token!;
    const again = await client.post('/auth/login', { email: demoEmails.client, password: demoPassword });
    expect(again.status).toBe(200);
    expect(client.token).toBeDefined();
    expect(client.token).not.toBe(first);

    // An attacker-chosen cookie value is not turned into a session.
    const planted = randomBytes(32).toString('base64url');
    const victim = apiClient(server, planted);
    const res = await victim.post('/auth/login', { email: demoEmails.client, password: demoPassword });
    expect(res.status).toBe(200);
    expect(sessionCookie(res.headers)?.value).not.toBe(planted);
    expectError(await apiClient(server, planted).get('/me'), 401, 'unauthenticated');
    expect((await victim.get('/me')).body.user.email).toBe(demoEmails.client);
  });

  it('signing out without a session is harmless', async () => {
    const res = await apiClient(server).post('/auth/logout');
    expect(res.status).toBe(204);
  });

  it('refuses an invalid sign-in body with 400, not 401', async () => {
    const res = await apiClient(server).post('/auth/login', { email: 'geen-adres', password: '' });
    expectError(res, 400, 'validation_failed');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['email', 'password']);
  });
});

describe('password reset', () => {
  let db: Connection;
  let admin: ApiClient;
  const person = demoEmails.client;
  const newPassword = 'een-nieuw-wachtwoord-2026';

  beforeAll(async () => {
    db = await connectDatabase(server);
    admin = await signIn(server, demoEmails.admin);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('answers 202 for an existing and for an unknown address; only the existing one gets mail', async () => {
    const before = (await readOutbox(admin)).length;
    const known = await apiClient(server).post('/auth/password-reset', { email: person });
    const unknown = await apiClient(server).post('/auth/password-reset', { email: 'onbekend@dialoogtafel.example' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.text).toBe(unknown.text);
    const outbox = await readOutbox(admin);
    expect(outbox.length).toBe(before + 1);
    expect(outbox[0]!.to).toBe(person);
    expect(outbox[0]!.text).toMatch(/\/wachtwoord-herstellen\/[A-Za-z0-9_-]{20,}/);
    expect(outbox.some((m) => m.to === 'onbekend@dialoogtafel.example')).toBe(false);
    // Only the hash of the link's token is stored.
    const token = (await mailedToken(admin, person, 'wachtwoord-herstellen'))!;
    const stored = await db.collection('password_resets').findOne({ tokenHash: sha256(token) });
    expect(stored).not.toBeNull();
    expect(JSON.stringify(await db.collection('password_resets').find().toArray())).not.toContain(token);
  });

  it('following the link sets the new password, signs in, ends the other sessions; the link works once', async () => {
    const otherBrowser = await signIn(server, person);
    const thirdBrowser = await signIn(server, person);
    expect((await otherBrowser.get('/me')).status).toBe(200);

    expect((await apiClient(server).post('/auth/password-reset', { email: person })).status).toBe(202);
    const token = (await mailedToken(admin, person, 'wachtwoord-herstellen'))!;
    expect(token).toBeDefined();

    // A new password that is too short is refused without using up the link.
    const short = await apiClient(server).post('/auth/password-reset/confirm', { token, password: 'kort' });
    expectError(short, 400, 'validation_failed');
    expect(short.body.error.fields).toHaveProperty('password');

    const browser = apiClient(server);
    const res = await browser.post('/auth/password-reset/confirm', { token, password: newPassword });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(person);
    const cookie = sessionCookie(res.headers);
    expect(cookie?.raw).toMatch(/HttpOnly/i);
    expect((await browser.get('/me')).body.user.email).toBe(person);

    // Every other session of the account has ended.
    expectError(await otherBrowser.get('/me'), 401, 'unauthenticated');
    expectError(await thirdBrowser.get('/me'), 401, 'unauthenticated');

    // The old password no longer works, the new one does.
    expectError(await apiClient(server).post('/auth/login', { email: person, password: demoPassword }), 401, 'unauthenticated');
    expect((await apiClient(server).post('/auth/login', { email: person, password: newPassword })).status).toBe(200);

    // The link works once.
    const second = await apiClient(server).post('/auth/password-reset/confirm', { token, password: 'nog-een-ander-wachtwoord' });
    expectError(second, 410, 'gone');
    expect((await apiClient(server).post('/auth/login', { email: person, password: newPassword })).status).toBe(200);
  });

  it('an expired link is refused with 410 and changes nothing', async () => {
    const email = demoEmails.observer;
    expect((await apiClient(server).post('/auth/password-reset', { email })).status).toBe(202);
    const token = (await mailedToken(admin, email, 'wachtwoord-herstellen'))!;
    const updated = await db.collection('password_resets').updateOne({ tokenHash: sha256(token) }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect(updated.modifiedCount).toBe(1);
    const res = await apiClient(server).post('/auth/password-reset/confirm', { token, password: 'wachtwoord-na-verloop' });
    expectError(res, 410, 'gone');
    expect(sessionCookie(res.headers)).toBeUndefined();
    expect((await apiClient(server).post('/auth/login', { email, password: demoPassword })).status).toBe(200);
  });

  it('an unknown link is refused with 410', async () => {
    const res = await apiClient(server).post('/auth/password-reset/confirm', { token: randomBytes(32).toString('base64url'), password: 'wachtwoord-zonder-link' });
    expectError(res, 410, 'gone');
  });

  it('after a reset, older reset links of the same account no longer work', async () => {
    const email = demoEmails.facilitator;
    expect((await apiClient(server).post('/auth/password-reset', { email })).status).toBe(202);
    const older = (await mailedToken(admin, email, 'wachtwoord-herstellen'))!;
    expect((await apiClient(server).post('/auth/password-reset', { email })).status).toBe(202);
    const newer = (await mailedToken(admin, email, 'wachtwoord-herstellen'))!;
    expect(newer).not.toBe(older);
    expect((await apiClient(server).post('/auth/password-reset/confirm', { token: newer, password: 'eerste-nieuwe-wachtwoord' })).status).toBe(200);
    // A second link lying around in the mailbox must not allow another takeover of the account.
    const res = await apiClient(server).post('/auth/password-reset/confirm', { token: older, password: 'tweede-nieuwe-wachtwoord' });
    expectError(res, 410, 'gone');
  });
});

describe('rate limits (a server of their own: the counts are per process)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('sign-in: 429 after 10 attempts for one account, even with the right password; other accounts still work', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await apiClient(server).post('/auth/login', { email: demoEmails.observer, password: `fout-${i}` });
      expectError(res, 401, 'unauthenticated');
    }
    const blocked = await apiClient(server).post('/auth/login', { email: demoEmails.observer, password: demoPassword });
    expectError(blocked, 429, 'rate_limited');
    expect(sessionCookie(blocked.headers)).toBeUndefined();
    // The count is per account, also when the address is written differently.
    expectError(await apiClient(server).post('/auth/login', { email: ' OBSERVER@dialoogtafel.example', password: demoPassword }), 429, 'rate_limited');
    expect((await apiClient(server).post('/auth/login', { email: demoEmails.municipality, password: demoPassword })).status).toBe(200);
  });

  it('sign-in: 429 after 100 attempts from one address, whatever the account', async () => {
    // 13 attempts so far in this server. The limit per address is high on purpose: a whole table may share one office network.
    for (let i = 13; i < 100; i++) {
      const res = await apiClient(server).post('/auth/login', { email: `gok${i}@dialoogtafel.example`, password: 'geraden' });
      expectError(res, 401, 'unauthenticated');
    }
    expectError(await apiClient(server).post('/auth/login', { email: demoEmails.provider, password: demoPassword }), 429, 'rate_limited');
  });

  it('password reset: 429 after 5 requests for one account', async () => {
    for (let i = 0; i < 5; i++) expect((await apiClient(server).post('/auth/password-reset', { email: demoEmails.provider })).status).toBe(202);
    expectError(await apiClient(server).post('/auth/password-reset', { email: demoEmails.provider }), 429, 'rate_limited');
    expect((await apiClient(server).post('/auth/password-reset', { email: demoEmails.client })).status).toBe(202);
  });

  it('invitation links: 429 after 30 requests from one address', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await apiClient(server).get(`/invitations/${randomBytes(24).toString('base64url')}`);
      expectError(res, 404, 'not_found');
    }
    expectError(await apiClient(server).get(`/invitations/${randomBytes(24).toString('base64url')}`), 429, 'rate_limited');
  });
});
