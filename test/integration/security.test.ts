import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { upgradeStatus, upgradeStatusWith } from '../helpers/collab-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import {
  apiClient,
  connectDatabase,
  demoEmails,
  demoPassword,
  demoTrajectoryIds,
  expectError,
  mailedToken,
  sessionCookie,
  signIn,
  uniqueEmail,
  type ApiClient,
} from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

describe('cookies, cross-site requests and the content security policy', () => {
  let server: RunningServer;
  let secure: RunningServer;
  beforeAll(async () => {
    [server, secure] = await Promise.all([
      startServer({ env: { DEMO: '1' }, timeoutMs: 90_000 }),
      // Behind a TLS-terminating proxy: the public address is https.
      startServer({ env: { DEMO: '1', PUBLIC_URL: 'https://dialoogtafel.example', ALLOWED_ORIGINS: 'https://tafel.gemeente.example, http://localhost:5173' }, timeoutMs: 90_000 }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([server?.stop(), secure?.stop()]);
  });

  it('the session cookie is HttpOnly and SameSite=Lax; Secure (and HSTS) when the public address is https', async () => {
    const plain = await apiClient(server).post('/auth/login', { email: demoEmails.observer, password: demoPassword });
    const plainCookie = sessionCookie(plain.headers)!.raw;
    expect(plainCookie).toMatch(/;\s*HttpOnly/i);
    expect(plainCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(plainCookie).not.toMatch(/;\s*Secure/i);
    expect(plain.headers.get('strict-transport-security')).toBeNull();

    const viaHttps = await apiClient(secure).post('/auth/login', { email: demoEmails.observer, password: demoPassword }, { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaHttps.status, viaHttps.text).toBe(200);
    const secureCookie = sessionCookie(viaHttps.headers)!.raw;
    expect(secureCookie).toMatch(/;\s*HttpOnly/i);
    expect(secureCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(secureCookie).toMatch(/;\s*Secure/i);
    expect(viaHttps.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    // Signing out clears the cookie with the same attributes.
    const out = await apiClient(secure, sessionCookie(viaHttps.headers)!.value).post('/auth/logout', undefined, { headers: { 'x-forwarded-proto': 'https' } });
    expect(sessionCookie(out.headers)!.raw).toMatch(/;\s*Secure/i);
  });

  it('refuses state-changing requests from other sites (Origin, Sec-Fetch-Site), and forms; reads stay possible', async () => {
    const inkoop = await signIn(server, demoEmails.procurement);
    const { ijmond } = await demoTrajectoryIds(await signIn(server, demoEmails.admin));
    const topic = { title: 'Van een andere site' };
    const path = `/trajectories/${ijmond}/topics`;
    for (const headers of <Array<Record<string, string>>>[
      { origin: 'https://kwaadwillend.example' },
      { origin: 'null' },
      { origin: `${server.url}.kwaadwillend.example` },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: server.url, 'sec-fetch-site': 'cross-site' },
    ]) {
      expectError(await inkoop.post(path, topic, { headers }), 403, 'forbidden');
    }
    // A form or a text body, which another site can send without asking: refused before anything is read.
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      expectError(await inkoop.request('POST', path, { raw: 'title=x', headers: { 'content-type': type } }), 415, 'unsupported_media_type');
    }
    expect((await inkoop.get(path)).body.some((t: { title: string }) => t.title === topic.title)).toBe(false);
    // Sign-in too: another site cannot sign a visitor in to an account of its choice.
    expectError(await apiClient(server).post('/auth/login', { email: demoEmails.observer, password: demoPassword }, { headers: { origin: 'https://kwaadwillend.example' } }), 403, 'forbidden');

    // Our own pages and direct navigation pass; reads from anywhere are harmless (SameSite and CORS keep the answer from other sites).
    expect((await inkoop.post(path, { title: 'Van onze eigen pagina' }, { headers: { origin: server.url, 'sec-fetch-site': 'same-origin' } })).status).toBe(201);
    expect((await inkoop.get(path, { headers: { origin: 'https://kwaadwillend.example', 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    expect((await apiClient(secure).post('/auth/login', { email: demoEmails.observer, password: demoPassword }, { headers: { origin: 'https://dialoogtafel.example' } })).status).toBe(200);
  });

  it('behind PUBLIC_URL, sockets and writes come only from its origin and ALLOWED_ORIGINS, not from the address the server listens on', async () => {
    const person = await signIn(secure, demoEmails.observer);
    const cookie = `dt_session=${person.token}`;
    const upgrade = (origin: string) => upgradeStatusWith(`${secure.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { cookie, origin });
    const polling = async (origin: string) => (await fetch(`${secure.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie, origin } })).status;
    for (const origin of ['https://dialoogtafel.example', 'https://tafel.gemeente.example', 'http://localhost:5173']) {
      expect(await upgrade(origin), origin).toBe(101);
      expect(await polling(origin), origin).toBe(200);
    }
    for (const origin of [secure.url, 'http://dialoogtafel.example', 'https://sub.dialoogtafel.example', 'https://tafel.gemeente.example:8443', 'null']) {
      expect(await upgrade(origin), origin).toBe(403);
      expect(await polling(origin), origin).toBe(403);
      expectError(await person.post('/auth/logout', undefined, { headers: { origin } }), 403, 'forbidden');
    }
    // A listed front-end is another site by definition: its Sec-Fetch-Site says so, and it is still let in.
    expect((await person.post('/auth/logout', undefined, { headers: { origin: 'https://tafel.gemeente.example', 'sec-fetch-site': 'same-site' } })).status).toBe(204);
  });

  it('sends a Content-Security-Policy that allows only our own origin, on pages and on the API', async () => {
    for (const url of [`${server.url}/`, `${server.url}/trajecten`, `${server.url}/api/me`]) {
      const res = await fetch(url, { headers: { accept: url.includes('/api/') ? 'application/json' : 'text/html' } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
      expect(csp, url).toContain("connect-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await fetch(`${secure.url}/`)).headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});

describe('session fixation', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' }, timeoutMs: 90_000 });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('a valid session cookie planted before sign-in (the attacker’s own) is replaced, and never becomes the victim’s session', async () => {
    const attacker = await signIn(server, demoEmails.observer);
    const planted = attacker.token!;
    // The victim's browser carries the attacker's cookie (e.g. set through a sibling subdomain) and signs in.
    const victim = apiClient(server, planted);
    const res = await victim.post('/auth/login', { email: demoEmails.municipality, password: demoPassword });
    expect(res.status).toBe(200);
    const issued = sessionCookie(res.headers)!.value;
    expect(issued).not.toBe(planted);
    expect((await apiClient(server, issued).get('/me')).body.user.email).toBe(demoEmails.municipality);
    // The planted value still means the attacker, nothing more.
    expect((await apiClient(server, planted).get('/me')).body.user.email).toBe(demoEmails.observer);
  });

  it('accepting an invitation and setting a new password issue a new session, never adopting a cookie value the browser sent', async () => {
    const admin = await signIn(server, demoEmails.admin);
    const inkoop = await signIn(server, demoEmails.procurement);
    const { ijmond } = await demoTrajectoryIds(admin);
    const orgs = new Map<string, string>((await inkoop.get('/organisations')).body.map((o: { name: string; id: string }) => [o.name, o.id]));
    const email = uniqueEmail('fixatie');
    expect((await inkoop.post(`/trajectories/${ijmond}/invitations`, { email, role: 'observer', organisation: { id: orgs.get('Gemeente Haarlem') } })).status).toBe(201);
    const invitationToken = (await mailedToken(admin, email, 'uitnodiging'))!;
    // A well-formed value an attacker chose and planted in the victim's browser.
    const planted = randomBytes(32).toString('base64url');
    const accepted = await apiClient(server, planted).post(`/invitations/${invitationToken}/accept`, { token: invitationToken, name: 'Fien Fixatie', password: 'een-goed-wachtwoord' });
    expect(accepted.status, accepted.text).toBe(200);
    const issued = sessionCookie(accepted.headers)!.value;
    expect(issued).not.toBe(planted);
    expect((await apiClient(server, issued).get('/me')).body.user.email).toBe(email);
    expectError(await apiClient(server, planted).get('/me'), 401, 'unauthenticated');

    expect((await apiClient(server).post('/auth/password-reset', { email })).status).toBe(202);
    const resetToken = (await mailedToken(admin, email, 'wachtwoord-herstellen'))!;
    const reset = await apiClient(server, planted).post('/auth/password-reset/confirm', { token: resetToken, password: 'weer-een-goed-wachtwoord' });
    expect(reset.status, reset.text).toBe(200);
    expect(sessionCookie(reset.headers)!.value).not.toBe(planted);
    expectError(await apiClient(server, planted).get('/me'), 401, 'unauthenticated');
  });
});

describe('no secrets or personal data in the logs', () => {
  let server: RunningServer;
  beforeAll(async () => {
    // The most talkative level: whatever the server logs at all is checked.
    server = await startServer({ env: { DEMO: '1', LOG_LEVEL: 'trace' }, timeoutMs: 90_000 });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('sign-in, a password reset and accepting an invitation leave no password, token or e-mail address in the log', async () => {
    const secrets: string[] = [];
    const admin = await signIn(server, demoEmails.admin);
    const inkoop = await signIn(server, demoEmails.procurement);
    secrets.push(admin.token!, inkoop.token!, demoEmails.admin, demoEmails.procurement, demoPassword);
    // A failed sign-in, with a password that is not the real one.
    await apiClient(server).post('/auth/login', { email: demoEmails.observer, password: 'geheim-verkeerd-wachtwoord' });
    secrets.push(demoEmails.observer, 'geheim-verkeerd-wachtwoord');

    // Password reset: request, follow the link, sign in with the new password.
    expect((await apiClient(server).post('/auth/password-reset', { email: demoEmails.client })).status).toBe(202);
    const resetToken = (await mailedToken(admin, demoEmails.client, 'wachtwoord-herstellen'))!;
    const reset = apiClient(server);
    const confirmed = await reset.post('/auth/password-reset/confirm', { token: resetToken, password: 'nieuw-geheim-wachtwoord' });
    expect(confirmed.status, confirmed.text).toBe(200);
    secrets.push(demoEmails.client, resetToken, 'nieuw-geheim-wachtwoord', reset.token!);

    // An invitation, accepted by a new person.
    const { ijmond } = await demoTrajectoryIds(admin);
    const orgs = new Map<string, string>((await inkoop.get('/organisations')).body.map((o: { name: string; id: string }) => [o.name, o.id]));
    const email = uniqueEmail('logboek');
    expect((await inkoop.post(`/trajectories/${ijmond}/invitations`, { email, role: 'observer', organisation: { id: orgs.get('Gemeente Haarlem') } })).status).toBe(201);
    const invitationToken = (await mailedToken(admin, email, 'uitnodiging'))!;
    const invited: ApiClient = apiClient(server);
    const accepted = await invited.post(`/invitations/${invitationToken}/accept`, { token: invitationToken, name: 'Lotte Logboek', password: 'uitnodiging-geheim' });
    expect(accepted.status, accepted.text).toBe(200);
    secrets.push(email, invitationToken, 'uitnodiging-geheim', invited.token!, 'Lotte Logboek');

    // The log was captured (the test would prove nothing otherwise), and none of it is a secret.
    await new Promise((r) => setTimeout(r, 200));
    expect(server.logs().some((l) => l.event === 'listening')).toBe(true);
    // The structured log holds none of it; the rest of the output (the demo mode prints the public
    // demo accounts and their shared password once at start-up) holds none of the rest.
    const logLines = server.output().split('\n').filter((line) => line.startsWith('{')).join('\n');
    const demoBanner = new Set<string>([...Object.values(demoEmails), demoPassword]);
    for (const [text, checked] of [
      [logLines, secrets],
      [server.output(), secrets.filter((s) => !demoBanner.has(s))],
    ] as const) {
      for (const secret of checked) {
        const at = text.indexOf(secret);
        expect(at, `the output contains ${secret.includes('@') ? 'an e-mail address' : 'a secret'}: …${text.slice(Math.max(0, at - 200), at + 50)}…`).toBe(-1);
      }
    }
    expect(logLines).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.example/);
  });

  it('the logger redacts credential fields and scrubs e-mail addresses and tokens from error texts', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger('info', sink);
    const token = 'Zx8mY3Qw7Lp0aBcDeFgHiJkLmNoPqRsTuVwXyZ012345';
    log.info({ user: { email: 'iemand@voorbeeld.nl', password: 'geheim' }, token, req: { headers: { cookie: `dt_session=${token}` } } }, 'with fields');
    log.error({ err: new Error(`E11000 duplicate key error dup key: { email: "iemand@voorbeeld.nl" } for ${token}`) }, 'database error');
    const output = lines.join('');
    expect(lines).toHaveLength(2);
    expect(output).not.toContain('iemand@voorbeeld.nl');
    expect(output).not.toContain('geheim');
    expect(output).not.toContain(token);
    expect(output).toContain('E11000 duplicate key error');
    expect(output).toContain('[redacted]');
  });
});

describe('the collaboration playground outside the test suite', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1', NODE_ENV: 'development' }, timeoutMs: 90_000 });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('is gone: /collab/playground/<any name> is refused to everyone, signed in or not, and nothing is stored', async () => {
    const person = await signIn(server, demoEmails.procurement);
    const status = (name: string, token?: string) => upgradeStatus(`${server.url.replace(/^http/, 'ws')}/collab/${name}`, token);
    for (const name of ['playground/a', 'playground/iets-anders', 'playground/x/y']) {
      expect(await status(name), name).toBe(404);
      expect(await status(name, person.token), name).toBe(404);
    }
    const db = await connectDatabase(server);
    try {
      expect(await db.collection('collab_updates').countDocuments({ doc: /^playground\// })).toBe(0);
    } finally {
      await db.close();
    }
  });
});
