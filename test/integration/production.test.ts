import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstPageWeight } from '../../scripts/first-page-weight';
import { apiClient, demoEmails, demoPassword, signIn } from '../helpers/api-client';
import { runNpmScript as runScript } from '../helpers/scripts';
import { productionSettings } from '../helpers/production-settings';
import { freshDatabaseUri, startServer, type RunningServer } from '../helpers/server';

const root = path.resolve(import.meta.dirname, '../..');
/** The built server, run as production runs it: plain node, no TypeScript loader. */
const builtServer = [process.execPath, 'dist/server/main.js'];
const productionEnv = { ...productionSettings, DEMO: undefined };

/** JavaScript of the first page before the routes were loaded lazily (one 1,074,770-byte bundle). */
const firstPageBytesBefore = 1_074_770;

describe('the built server in production', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ command: builtServer, env: productionEnv });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves the app from dist/ with no demo data', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const demo = await apiClient(server).post('/auth/login', { email: demoEmails.admin, password: demoPassword });
    expect(demo.status).toBe(401);
    expect(server.output()).not.toContain('Demo-accounts');
    expect(server.logs().some((l) => l.event === 'demo_seeded')).toBe(false);
  });

  it('compresses the client, caches hashed assets for a year and revalidates index.html', async () => {
    const index = await fetch(`${server.url}/trajecten`, { headers: { accept: 'text/html' } });
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const script = html.match(/src="(\/assets\/index-[^"]+\.js)"/)?.[1];
    expect(script, 'index.html names its entry script').toBeTruthy();
    const asset = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('vary')).toMatch(/accept-encoding/i);
    // API answers are not compressed (secrets beside reflected input: BREACH).
    const me = await fetch(`${server.url}/api/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(me.headers.get('content-encoding')).toBeNull();
  });

  it('publishes no source maps, and a missing asset is a 404, not index.html', async () => {
    const html = await (await fetch(server.url)).text();
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)![1]!;
    const map = await fetch(`${server.url}${script}.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('<html');
    const source = await (await fetch(`${server.url}${script}`)).text();
    expect(source).not.toContain('sourceMappingURL');
    expect((await fetch(`${server.url}/.vite/manifest.json`)).headers.get('content-type')).toMatch(/text\/html/);
  });

  it('the first page needs less than half of the JavaScript it needed before', () => {
    const { js } = firstPageWeight();
    expect(js.raw).toBeLessThan(firstPageBytesBefore / 2);
  });
});

describe('production start-up refuses unsafe settings', () => {
  const run = (env: Record<string, string | undefined>) => {
    const merged: NodeJS.ProcessEnv = { ...process.env, ...productionSettings, MONGODB_URI: freshDatabaseUri(), DEMO: undefined, ALLOW_LOCAL_DATABASE: undefined, PORT: '0', ...env };
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    return spawnSync(builtServer[0]!, builtServer.slice(1), { cwd: root, env: merged, encoding: 'utf8', timeout: 60_000 });
  };

  it.each([
    [{ SESSION_SECRET: undefined }, 'SESSION_SECRET'],
    [{ PUBLIC_URL: 'http://dialoogtafel.example' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: undefined }, 'PUBLIC_URL'],
    [{ MONGODB_URI: undefined }, 'MONGODB_URI'],
    [{ MONGODB_URI: undefined, ALLOW_LOCAL_DATABASE: '0' }, 'MONGODB_URI'],
    [{ DEMO: '1' }, 'DEMO'],
    [{ AUDIT_SIGNING_KEY: undefined }, 'AUDIT_SIGNING_KEY'],
    [{ AUDIT_SIGNING_KEY: 'not a key' }, 'AUDIT_SIGNING_KEY'],
  ])('%o stops start-up with one line naming %s', (env, variable) => {
    const result = run(env);
    expect(result.status).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid setting ${variable}: `));
  });
});

describe('npm run admin:create', () => {
  let server: RunningServer;
  const workDir = mkdtempSync(path.join(tmpdir(), 'dialoogtafel-admin-'));
  const admin = (args: string[], env: Record<string, string | undefined> = {}) =>
    runScript('admin:create', args, { MONGODB_URI: server.mongoUri, DATA_DIR: workDir, NODE_ENV: 'test', PUBLIC_URL: server.url, ...env });

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('makes the first administrator with a single-use link that sets the password', { timeout: 120_000 }, async () => {
    const made = await admin(['--email', 'Beheer@Regio.example', '--name', 'Beheer Regio']);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toContain('Created platform administrator: beheer@regio.example.');
    const link = made.stdout.trim();
    expect(link).toMatch(new RegExp(`^${server.url}/wachtwoord-herstellen/[A-Za-z0-9_-]{43}$`));
    const token = link.split('/').pop()!;

    const anonymous = apiClient(server);
    const set = await anonymous.post('/auth/password-reset/confirm', { token, password: 'een-sterk-wachtwoord' });
    expect(set.status, set.text).toBe(200);
    expect(set.body.user).toMatchObject({ email: 'beheer@regio.example', platformAdmin: true });

    const signedIn = await signIn(server, 'beheer@regio.example', 'een-sterk-wachtwoord');
    expect((await signedIn.get('/me')).body.user.platformAdmin).toBe(true);

    const again = await anonymous.post('/auth/password-reset/confirm', { token, password: 'nog-een-wachtwoord' });
    expect(again.status).toBe(410);
    expect((await anonymous.post('/auth/login', { email: 'beheer@regio.example', password: 'nog-een-wachtwoord' })).status).toBe(401);
  });

  it('promotes an existing account, and in production prints the link only when asked', { timeout: 120_000 }, async () => {
    const first = await admin(['--email', demoEmails.municipality]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`Promoted to platform administrator: ${demoEmails.municipality}.`);
    expect((await (await signIn(server, demoEmails.municipality)).get('/me')).body.user.platformAdmin).toBe(true);
    const production = { ...productionSettings };
    const quiet = await admin(['--email', demoEmails.municipality], production);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toContain(`Already a platform administrator: ${demoEmails.municipality}.`);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toContain('--print-link');
    const shown = await admin(['--email', demoEmails.municipality, '--print-link'], production);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.trim()).toMatch(/^https:\/\/dialoogtafel\.example\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a missing or bad address with a usage line', async () => {
    const missing = await admin([]);
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain('--email is required.');
    const bad = await admin(['--email', 'geen-adres']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--email is not a valid e-mail address.');
  });
});
