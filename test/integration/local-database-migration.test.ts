import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, signIn } from '../helpers/api-client';
import { runNpmScript } from '../helpers/scripts';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

/** Pids of PostgreSQL processes (the postmaster names its data folder) working on this DATA_DIR. */
function postgresqlOn(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(path.join(dataDir, 'postgresql', 'data'))) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * A DATA_DIR made by FerretDB on SQLite keeps its data when the local database becomes FerretDB on
 * PostgreSQL: `npm run db:migrate` moves it, and a plain start on an empty PostgreSQL does the same.
 */
describe('moving the local database from SQLite to PostgreSQL', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dialoogtafel-move-'));
  const byCommand = path.join(root, 'by-command');
  const onStart = path.join(root, 'on-start');
  const title = 'Onderwerp van vóór de verhuizing';
  let trajectoryId: string;
  let before: { topics: string[]; events: number };
  const servers: RunningServer[] = [];

  const start = async (dataDir: string, backend?: 'sqlite') => {
    // The server starts its own local database in DATA_DIR, as `npm start` does.
    const server = await startServer({ mongoUri: null, dataDir, env: { DEMO: '1', LOCAL_DATABASE: backend } });
    servers.push(server);
    return server;
  };

  const observe = async (server: RunningServer) => {
    const provider = await signIn(server, demoEmails.provider);
    const procurement = await signIn(server, demoEmails.procurement);
    const topics = await provider.get(`/trajectories/${trajectoryId}/topics`);
    expect(topics.status, topics.text).toBe(200);
    const verify = await procurement.get(`/trajectories/${trajectoryId}/audit/verify`);
    expect(verify.status, verify.text).toBe(200);
    expect(verify.body.valid).toBe(true);
    return { topics: (topics.body as { title: string }[]).map((t) => t.title).sort(), events: verify.body.events as number };
  };

  beforeAll(async () => {
    const server = await start(byCommand, 'sqlite');
    trajectoryId = (await demoTrajectoryIds(await signIn(server, demoEmails.admin))).ijmond;
    const provider = await signIn(server, demoEmails.provider);
    expect((await provider.post(`/trajectories/${trajectoryId}/topics`, { title })).status).toBe(201);
    before = await observe(server);
    expect(before.topics).toContain(title);
    expect(await server.stop()).toBe(0);
    expect(existsSync(path.join(byCommand, 'ferretdb', 'dialoogtafel.sqlite'))).toBe(true);
    cpSync(byCommand, onStart, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    for (const s of servers) await s.stop();
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('npm run db:migrate copies every collection with its indexes, checks the counts, and refuses a second time', async () => {
    const env = { DATA_DIR: byCommand, MONGODB_URI: undefined, LOCAL_DATABASE: undefined };
    const moved = await runNpmScript('db:migrate', [], env, 180_000);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stderr).toMatch(/Moved [\d,]+ documents in \d+ collections/);
    expect(moved.stderr).toMatch(/dialoogtafel\.audit_events: [\d,]+ documents, 1 indexes/);

    const again = await runNpmScript('db:migrate', [], env, 180_000);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds data');

    const server = await start(byCommand);
    expect(server.output()).not.toContain('Moving the local database');
    expect(existsSync(path.join(byCommand, 'postgresql', 'data', 'PG_VERSION'))).toBe(true);
    expect(await observe(server)).toEqual(before);
    await server.stop();
  }, 300_000);

  it('a start on an empty PostgreSQL moves the SQLite data by itself, with progress, once', async () => {
    const server = await start(onStart);
    expect(server.output()).toContain('Moving the local database');
    expect(await observe(server)).toEqual(before);
    expect(await server.stop()).toBe(0);

    await waitFor(() => postgresqlOn(onStart).length === 0, 20_000, 'PostgreSQL to stop with the server');

    const again = await start(onStart);
    expect(again.output()).not.toContain('Moving the local database');
    expect(await observe(again)).toEqual(before);
    // Killed without a chance to clean up, the server still takes PostgreSQL with it.
    expect(postgresqlOn(onStart).length).toBe(1);
    await again.kill();
    await waitFor(() => postgresqlOn(onStart).length === 0, 30_000, 'PostgreSQL to stop after the server was killed');
  }, 300_000);
});
