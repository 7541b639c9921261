import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { createApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import { connectDatabase, type Database } from '../../server/db/connection';
import { seedDemoData } from '../../server/demo/seed';
import { createLogger } from '../../server/logger';
import { createModels, ensureIndexes, type Models } from '../../server/models';
import { createServices } from '../../server/services';
import { demoEmails, demoTrajectoryIds, sessionCookieName, signIn, type ApiClient } from '../helpers/api-client';
import { collabClient } from '../helpers/collab-client';
import { freshDatabaseUri } from '../helpers/server';

/**
 * Every query the server sends has an index MongoDB would use. A real server runs in this process
 * (so every query mongoose sends can be recorded), representative flows go through it with real
 * clients (HTTP, Socket.io, y-websocket), and each recorded filter (and sort) is checked against
 * the indexes its model declares. A new query without an index makes this fail: add the index to
 * the model, or, for a collection that stays tiny, a commented line to `tinyCollections`.
 */

/** Collections so small and bounded that reading all of them is cheaper than an index, with why. */
const tinyCollections: Record<string, string> = {
  regions: 'a handful of regions, listed whole',
  organisations: 'the organisations of a region (a few hundred at most), listed whole',
  migrations: 'one record per storage change, read at start-up',
  pollDeadlines: 'only the polls open with a closing time right now (they leave when the poll closes), read whole by the sweeper',
};

interface Recorded {
  collection: string;
  method: string;
  filter: Record<string, unknown>;
  sort: Record<string, unknown> | null;
}

const filtered = new Set(['find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany', 'countDocuments', 'distinct']);

/** The fields a filter constrains, through $and (an $or needs every branch indexed, so each branch counts alone). */
function filterFields(filter: Record<string, unknown>): string[][] {
  const own = Object.keys(filter).filter((k) => !k.startsWith('$'));
  let alternatives: string[][] = [own];
  for (const part of (filter.$and as Array<Record<string, unknown>> | undefined) ?? []) {
    alternatives = alternatives.flatMap((a) => filterFields(part).map((b) => [...a, ...b]));
  }
  const or = filter.$or as Array<Record<string, unknown>> | undefined;
  if (or) alternatives = alternatives.flatMap((a) => or.flatMap((branch) => filterFields(branch).map((b) => [...a, ...b])));
  return alternatives;
}

/** MongoDB uses an index when its first key is constrained; a sort then needs its keys in the index too. */
function usable(index: Record<string, unknown>, fields: string[], sort: string[]): boolean {
  const keys = Object.keys(index);
  // Records named by `_id` are found by it, whatever else the filter or sort says.
  if (fields.includes('_id')) return true;
  if (fields.length === 0) return sort.length > 0 && keys[0] === sort[0] && sort.every((s) => keys.includes(s));
  if (!fields.includes(keys[0]!)) return false;
  return sort.every((s) => keys.includes(s) || s === '_id');
}

function indexesOf(models: Models): Map<string, Array<Record<string, unknown>>> {
  const byCollection = new Map<string, Array<Record<string, unknown>>>();
  for (const model of Object.values(models)) {
    byCollection.set(model.collection.collectionName, [{ _id: 1 }, ...model.schema.indexes().map(([fields]) => fields as Record<string, unknown>)]);
  }
  return byCollection;
}

function unindexed(recorded: Recorded[], indexes: Map<string, Array<Record<string, unknown>>>): string[] {
  const problems = new Set<string>();
  for (const q of recorded) {
    if (tinyCollections[q.collection]) continue;
    const declared = indexes.get(q.collection);
    const describe = `${q.collection}.${q.method}(${JSON.stringify(Object.keys(q.filter))}${q.sort ? `, sort ${JSON.stringify(Object.keys(q.sort))}` : ''})`;
    if (!declared) {
      problems.add(`${describe}: no model declares this collection`);
      continue;
    }
    const sort = q.sort ? Object.keys(q.sort) : [];
    const ok = filterFields(q.filter).every((fields) => declared.some((index) => usable(index, fields, sort)));
    if (!ok) problems.add(`${describe}: no declared index fits`);
  }
  return [...problems].sort();
}

describe('every query has an index MongoDB would use', () => {
  let database: Database;
  let app: App;
  let url: string;
  let models: Models;
  const recorded: Recorded[] = [];
  let recording = false;

  beforeAll(async () => {
    const mongoUri = freshDatabaseUri();
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DEMO: '1', MONGODB_URI: mongoUri, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'dialoogtafel-data-')), LOG_LEVEL: 'error', PUBLIC_URL: undefined });
    database = await connectDatabase(mongoUri);
    models = createModels(database.connection);
    await ensureIndexes(models);
    const log = createLogger('error');
    let publicUrl = 'http://127.0.0.1';
    const services = createServices({ config, log, models, publicUrl: () => publicUrl, redis: null });
    await seedDemoData(services);
    app = createApp(config, database, services, log);
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
    publicUrl = url;
    mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
      if (!recording || !filtered.has(method)) return;
      const filter = (args[0] ?? {}) as Record<string, unknown>;
      const options = (method === 'find' || method === 'findOne' ? args[1] : undefined) as { sort?: Record<string, unknown> } | undefined;
      recorded.push({ collection, method, filter, sort: options?.sort ?? null });
    });
    recording = true;
  }, 600_000);

  afterAll(async () => {
    recording = false;
    mongoose.set('debug', false);
    await app?.close();
    await database?.close();
  });

  it('in sign-in, the trajectory screens, the live table, voting, the audit log and co-editing', async () => {
    const server = { url };
    const inkoop = await signIn(server, demoEmails.procurement);
    const provider = await signIn(server, demoEmails.provider);
    const facilitator = await signIn(server, demoEmails.facilitator);
    const admin = await signIn(server, demoEmails.admin);
    const trajectoryId = (await demoTrajectoryIds(admin)).ijmond;
    const t = `/trajectories/${trajectoryId}`;
    for (const client of [inkoop, provider]) {
      for (const route of ['/me', '/trajectories', t, `${t}/members`, `${t}/topics`, `${t}/agreement`, `${t}/sessions`, `${t}/audit`, `${t}/outcomes`, `${t}/questions`, `${t}/comments`, `${t}/amendments`, `${t}/versions`, `${t}/search?q=afspraak`]) {
        await client.get(route);
      }
    }
    const session = await inkoop.post(`${t}/sessions`, { title: 'Indexen', startsAt: new Date().toISOString(), location: 'Online', agenda: [], declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' } });
    expect(session.status).toBe(201);
    const sessionId = session.body.id as string;
    const sockets: Socket[] = [];
    const connect = (client: ApiClient) =>
      new Promise<Socket>((resolve, reject) => {
        const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie: `${sessionCookieName}=${client.token}` }, reconnection: false });
        sockets.push(socket);
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    const emit = async (socket: Socket, event: string, payload: unknown) => {
      const answer = (await socket.timeout(60_000).emitWithAck(event, payload)) as { ok: boolean; pollId?: string; error?: unknown };
      expect(answer.ok, `${event}: ${JSON.stringify(answer.error)}`).toBe(true);
      return answer;
    };
    try {
      const [f, p] = await Promise.all([connect(facilitator), connect(provider)]);
      await emit(f, 'session:join', { sessionId });
      await emit(f, 'session:start', { sessionId });
      await emit(p, 'session:join', { sessionId });
      await emit(p, 'queue:raise', { sessionId });
      const { pollId } = await emit(f, 'poll:open', { sessionId, settings: { kind: 'consent', question: 'Akkoord?', anonymous: false } });
      await emit(p, 'poll:cast', { pollId, choice: { kind: 'consent', option: 'agree' } });
      await emit(p, 'poll:cast', { pollId, choice: { kind: 'consent', option: 'object', reason: 'nog niet' } });
      await new Promise((r) => setTimeout(r, 1500)); // the tally and the settled table go out
      await emit(f, 'poll:close', { pollId });
      await emit(p, 'session:leave', { sessionId });
      await emit(p, 'session:join', { sessionId });
      await emit(f, 'session:end', { sessionId });
    } finally {
      for (const s of sockets) s.disconnect();
    }
    await inkoop.get(`${t}/audit/verify`);

    // Calendars that follow: a visit, a moved and a cancelled session, a subscription and its feed.
    await provider.put(`${t}/visit`);
    await provider.put(`${t}/visit`);
    const later = await inkoop.post(`${t}/sessions`, { title: 'Verschuift', startsAt: new Date(Date.now() + 86_400_000).toISOString(), declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' } });
    expect((await inkoop.patch(`/sessions/${later.body.id}`, { startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString() })).status).toBe(200);
    expect((await facilitator.post(`/sessions/${later.body.id}/cancel`, { reason: 'Afgezegd' })).status).toBe(200);
    const subscription = await provider.post('/me/calendar-subscription');
    expect((await fetch(`${url}${new URL(subscription.body.urls.https).pathname}`)).status).toBe(200);
    await provider.get('/me/calendar-subscription');
    await provider.delete('/me/calendar-subscription');

    const agreement = await inkoop.get(`${t}/agreement`);
    const clause = agreement.body.chapters.flatMap((c: { clauses: Array<{ id: string; status: string }> }) => c.clauses).find((c: { status: string }) => c.status === 'in_dialogue' || c.status === 'concept');
    if (clause.status !== 'in_dialogue') await inkoop.patch(`${t}/agreement/clauses/${clause.id}`, { status: 'in_dialogue' });
    const writer = collabClient(url, clauseDocumentName(trajectoryId, clause.id), { token: provider.token });
    await writer.synced;
    writer.text.insert(0, 'Een zin. ');
    await new Promise((r) => setTimeout(r, 1000));
    writer.destroy();
    const reader = collabClient(url, clauseDocumentName(trajectoryId, clause.id), { token: inkoop.token });
    await reader.synced;
    reader.destroy();
    // Attachments: upload, list, download, replace, remove.
    const topicId = (await inkoop.get(`${t}/topics`)).body[0].id as string;
    const send = (path: string) =>
      fetch(`${url}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', cookie: `${sessionCookieName}=${inkoop.token}` }, body: new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF\n')) }).then((r) => r.json());
    const attachment = await send(`${t}/attachments?parentKind=topic&parentId=${topicId}&name=a.pdf`);
    await send(`${t}/attachments/${attachment.id}/versions?name=b.pdf`);
    await provider.get(`${t}/attachments?parentKind=topic&parentId=${topicId}`);
    await fetch(`${url}/api${t}/attachments/${attachment.id}/files/${attachment.versions[0].fileId}`, { headers: { cookie: `${sessionCookieName}=${inkoop.token}` } }).then((r) => r.arrayBuffer());
    await inkoop.delete(`${t}/attachments/${attachment.id}`);
    await provider.post('/auth/logout', {});

    expect(recorded.length).toBeGreaterThan(50);
    expect(unindexed(recorded, indexesOf(models))).toEqual([]);
  }, 600_000);

  it('notices a query without an index', () => {
    const problems = unindexed([{ collection: 'ballots', method: 'find', filter: { group: 'provider' }, sort: null }], indexesOf(models));
    expect(problems).toEqual(['ballots.find(["group"]): no declared index fits']);
  });
});
