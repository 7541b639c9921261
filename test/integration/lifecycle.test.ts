import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoEmails, signIn } from '../helpers/api-client';
import { collabClient } from '../helpers/collab-client';
import { processAlive, startServer, waitFor } from '../helpers/server';

const root = path.resolve(import.meta.dirname, '../..');

function databasePid(logs: Array<Record<string, unknown>>): number {
  const entry = logs.find((l) => l.msg === 'local database started');
  expect(entry, 'the server logs the local database it started').toBeTruthy();
  return entry!.pid as number;
}

describe('the server with its own local database', () => {
  it('starts FerretDB by itself, keeps data across restarts and leaves no process behind', { timeout: 90_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dialoogtafel-own-db-'));
    // Demo accounts: the playground is open to signed-in people only (and only under NODE_ENV=test).
    let server = await startServer({ mongoUri: null, dataDir, env: { DEMO: '1' } });
    const firstDb = databasePid(server.logs());
    expect(processAlive(firstDb)).toBe(true);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

    const a = collabClient(server.url, 'playground/persist', { token: (await signIn(server, demoEmails.procurement)).token });
    await a.synced;
    a.text.insert(0, 'bewaard in DATA_DIR');
    await new Promise((r) => setTimeout(r, 300));
    a.destroy();

    expect(await server.stop('SIGTERM')).toBe(0);
    await waitFor(() => !processAlive(firstDb), 5000, 'the database process to end');

    server = await startServer({ mongoUri: null, dataDir, env: { DEMO: '1' } });
    const b = collabClient(server.url, 'playground/persist', { token: (await signIn(server, demoEmails.procurement)).token });
    await b.synced;
    expect(b.text.toString()).toBe('bewaard in DATA_DIR');
    b.destroy();

    // A crash of the server (SIGKILL, no chance to clean up) still takes the database with it.
    const secondDb = databasePid(server.logs());
    await server.kill();
    await waitFor(() => !processAlive(secondDb), 10_000, 'the orphaned database to end');
  });

  it('ends on SIGINT with exit 0 as well', { timeout: 60_000 }, async () => {
    const server = await startServer();
    expect(await server.stop('SIGINT')).toBe(0);
  });

  it('`npm start` builds, serves the client and stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dialoogtafel-npm-start-'));
    const server = await startServer({ mongoUri: null, dataDir, command: ['npm', 'start', '--silent'], timeoutMs: 90_000, env: { DEMO: '1' } });
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Dialoogtafel');
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    await waitFor(() => server.output().includes(`Dialoogtafel draait op http://localhost:${server.port}`), 5000, 'the address to open');
    expect(server.output()).toContain('inkoop@dialoogtafel.example');
    const db = databasePid(server.logs());
    expect(await server.stop('SIGTERM')).toBe(0);
    await waitFor(() => !processAlive(db), 5000, 'the database process to end');
  });
});

describe('configuration', () => {
  const run = (env: Record<string, string>, command = ['--import', 'tsx', 'server/main.ts']) =>
    spawnSync(process.execPath, command, { cwd: root, env: { ...process.env, MONGODB_URI: '', ...env }, encoding: 'utf8', timeout: 30_000 });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET'],
  ])('stops with one line naming the variable for %o', (env, variable) => {
    const result = run(env);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid setting ${variable}: `));
  });

  it('`npm start` with PORT=abc stops before building anything, naming PORT', () => {
    const result = spawnSync('npm', ['start', '--silent'], { cwd: root, env: { ...process.env, PORT: 'abc' }, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/^Invalid setting PORT: must be a whole number from 0 to 65535, got "abc"\.$/m);
    expect(result.stderr).not.toContain('Building the client');
  });
});
