import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { startLocalDatabase, type LocalDatabase } from '../../server/db/local-database';
import { apiClient, demoEmails, demoTrajectoryIds, sessionCookieName, signIn, type ApiClient } from '../helpers/api-client';
import { startServer, waitFor, type RunningServer } from '../helpers/server';
import { cpuLoadWhenAsked } from '../helpers/cpu-load';

/**
 * How long a request may take to say "unavailable" while the database is away: promptly, not after
 * a long hang. A request may wait for the driver's server selection (3 s) more than once, e.g. a
 * socket event that looks up the sign-in and then the seat, so the bound leaves room for that on a
 * loaded machine while staying far below the driver's default 30 s.
 */
const promptlyMs = 12_000;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

// TEST_CPU_LOAD=1 (npm run test:under-load) runs this file with one core kept busy.
cpuLoadWhenAsked();

describe('when the database goes away and comes back', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dialoogtafel-outage-db-'));
  const cacheDir = loadConfig({ ...process.env, DATA_DIR: dataDir }).cacheDir;
  let database: LocalDatabase;
  let port: number;
  let server: RunningServer;
  let aanbieder: ApiClient;
  let inkoop: ApiClient;
  let trajectoryId: string;
  let socket: Socket;
  const startDatabase = (fixedPort?: number) => startLocalDatabase({ dataDir, cacheDir, progress: () => {}, ...(fixedPort ? { port: fixedPort } : {}) });

  beforeAll(async () => {
    database = await startDatabase();
    port = Number(new URL(database.uri).port);
    server = await startServer({ mongoUri: `${database.uri}/outage`, env: { DEMO: '1' }, timeoutMs: 90_000 });
    aanbieder = await signIn(server, demoEmails.provider);
    inkoop = await signIn(server, demoEmails.procurement);
    trajectoryId = (await demoTrajectoryIds(await signIn(server, demoEmails.admin))).ijmond;
    socket = io(server.url, { transports: ['websocket'], extraHeaders: { cookie: `${sessionCookieName}=${aanbieder.token}` } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    expect((await socket.timeout(5000).emitWithAck('trajectory:join', { trajectoryId })).ok).toBe(true);
  }, 180_000);

  afterAll(async () => {
    socket?.disconnect();
    await server?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('answers 503 unavailable promptly meanwhile, writes nothing, stays up, and recovers without a restart', async () => {
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const auditBefore = await inkoop.get(`/trajectories/${trajectoryId}/audit`);
    expect(auditBefore.status).toBe(200);

    await database.stop();

    const ready = await timed(() => fetch(`${server.url}/readyz`));
    expect(ready.value.status).toBe(503);
    expect(await ready.value.json()).toEqual({ status: 'unavailable', database: 'down' });
    expect(ready.ms).toBeLessThan(promptlyMs);

    const read = await timed(() => aanbieder.get(`/trajectories/${trajectoryId}/topics`));
    expect(read.value.status, read.value.text).toBe(503);
    expect(read.value.body.error.code).toBe('unavailable');
    expect(Number(read.value.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(read.ms).toBeLessThan(promptlyMs);

    const title = 'Een onderwerp tijdens de storing';
    const write = await timed(() => aanbieder.post(`/trajectories/${trajectoryId}/topics`, { title }));
    expect(write.value.status, write.value.text).toBe(503);
    expect(write.value.body.error.code).toBe('unavailable');
    expect(write.ms).toBeLessThan(promptlyMs);

    // Signing in needs the database too: 503, not a wrong-password answer and not a 500.
    const login = await apiClient(server).post('/auth/login', { email: demoEmails.provider, password: 'dialoog-demo' });
    expect(login.status, login.text).toBe(503);

    const ack = await timed(() => socket.timeout(promptlyMs + 2000).emitWithAck('trajectory:join', { trajectoryId }));
    expect(ack.value).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(ack.ms).toBeLessThan(promptlyMs);

    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // The database comes back on the same address, with the same data.
    database = await startDatabase(port);
    await waitFor(async () => (await fetch(`${server.url}/readyz`)).status === 200, 60_000, 'the server to see the database again');
    expect(server.process.exitCode).toBeNull();

    const topics = await aanbieder.get(`/trajectories/${trajectoryId}/topics`);
    expect(topics.status, topics.text).toBe(200);
    expect(topics.body.map((t: { title: string }) => t.title)).not.toContain(title);
    const auditAfterOutage = await inkoop.get(`/trajectories/${trajectoryId}/audit`);
    expect(auditAfterOutage.body).toEqual(auditBefore.body);

    const proposed = await aanbieder.post(`/trajectories/${trajectoryId}/topics`, { title: 'Een onderwerp na de storing' });
    expect(proposed.status, proposed.text).toBe(201);
    expect((await socket.timeout(5000).emitWithAck('trajectory:join', { trajectoryId })).ok).toBe(true);
    const verify = await inkoop.get(`/trajectories/${trajectoryId}/audit/verify`);
    expect(verify.body).toMatchObject({ valid: true, events: auditBefore.body.length + 1 });
    expect((await apiClient(server).post('/auth/login', { email: demoEmails.provider, password: 'dialoog-demo' })).status).toBe(200);
    // Nothing was logged as an internal error: every failure was "unavailable".
    expect(server.logs().filter((l) => l.level === 50 && l.msg === 'request failed')).toEqual([]);
  }, 120_000);
});
