import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { documentText } from '../../shared/domain/clause-text';
import { findFreePort } from '../../server/db/free-port';
import { apiClient, connectDatabase, demoEmails, demoTrajectoryIds, objectId, sessionCookieName, signIn, type ApiClient } from '../helpers/api-client';
import { collabClient, type CollabClient } from '../helpers/collab-client';
import { freshDatabaseUri, startServer, waitFor, type RunningServer } from '../helpers/server';
import { cpuLoadWhenAsked } from '../helpers/cpu-load';

const editors = ['procurement', 'municipality', 'provider'] as const;
const voters = ['procurement', 'municipality', 'provider', 'client'] as const;
type Person = (typeof voters)[number];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Appends `words` to the first paragraph of a clause text. */
function appendWords(client: CollabClient, words: string): void {
  const paragraph = client.fragment.get(0) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  text.insert(text.length, words);
}

// TEST_CPU_LOAD=1 (npm run test:under-load) runs this file with one core kept busy.
cpuLoadWhenAsked();

describe('a server killed (SIGKILL) while people edit and vote', () => {
  const mongoUri = freshDatabaseUri();
  let port: number;
  let server: RunningServer;
  const tokens = new Map<Person | 'facilitator', string>();
  let trajectoryId: string;
  let documentName: string;
  const writers: Array<{ who: Person; client: CollabClient; words: string[] }> = [];
  const sockets = new Map<Person | 'facilitator', Socket>();
  const pollIds: string[] = [];
  let inkoop: ApiClient;

  // The same data directory each time: it holds the server's secret, as a real installation keeps it.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dialoogtafel-crash-'));
  const start = async () => {
    server = await startServer({ mongoUri, dataDir, env: { DEMO: '1', PORT: String(port) }, timeoutMs: 90_000 });
    expect(server.port).toBe(port);
  };
  const openSocket = (who: Person | 'facilitator') => {
    // Socket.io's own reconnection, as a browser tab has it.
    const socket = io(server.url, { transports: ['websocket'], extraHeaders: { cookie: `${sessionCookieName}=${tokens.get(who)}` }, reconnectionDelayMax: 500 });
    sockets.set(who, socket);
    return new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
  };

  beforeAll(async () => {
    port = await findFreePort();
    await start();
    inkoop = await signIn(server, demoEmails.procurement);
    tokens.set('procurement', inkoop.token!);
    for (const who of ['municipality', 'provider', 'client', 'facilitator'] as const) tokens.set(who, (await signIn(server, demoEmails[who])).token!);
    trajectoryId = (await demoTrajectoryIds(await signIn(server, demoEmails.admin))).ijmond;

    // A clause in the dialogue: the procurement team, the municipality and the provider all write in it.
    const agreement = await inkoop.get(`/trajectories/${trajectoryId}/agreement`);
    const clause = agreement.body.chapters.flatMap((c: { clauses: Array<{ id: string; status: string }> }) => c.clauses).find((c: { status: string }) => c.status === 'concept' || c.status === 'in_dialogue');
    if (clause.status !== 'in_dialogue') expect((await inkoop.patch(`/trajectories/${trajectoryId}/agreement/clauses/${clause.id}`, { status: 'in_dialogue' })).status).toBe(200);
    documentName = clauseDocumentName(trajectoryId, clause.id);

    const topics = await inkoop.get(`/trajectories/${trajectoryId}/topics`);
    const session = await inkoop.post(`/trajectories/${trajectoryId}/sessions`, {
      title: 'Sessie met een storing',
      startsAt: new Date().toISOString(),
      location: 'Stadhuis Haarlem',
      agenda: [{ topicId: topics.body[0].id, minutes: 20 }],
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
    });
    expect(session.status, session.text).toBe(201);
    for (let i = 0; i < 4; i++) {
      const poll = await inkoop.post(`/sessions/${session.body.id}/polls`, { settings: { kind: 'single_choice', question: `Stelling ${i + 1}`, options: [{ id: 'a', label: 'Eens' }, { id: 'b', label: 'Oneens' }] } });
      expect(poll.status, poll.text).toBe(201);
      pollIds.push(poll.body.pollId);
    }
    for (const who of voters) await openSocket(who);
    await openSocket('facilitator');
  }, 180_000);

  afterAll(async () => {
    for (const w of writers) w.client.destroy();
    for (const s of sockets.values()) s.disconnect();
    await server?.stop();
  });

  it('keeps every edit and every acknowledged ballot, the clients reconnect by themselves and converge, the audit chain verifies', async () => {
    for (const who of editors) {
      const client = collabClient(server.url, documentName, { token: tokens.get(who)! });
      writers.push({ who, client, words: [] });
    }
    await Promise.all(writers.map((w) => w.client.synced));

    let writing = true;
    const edits = writers.map(async (w) => {
      for (let n = 0; writing; n++) {
        const words = ` [${w.who}-${n}]`;
        appendWords(w.client, words);
        w.words.push(words.trim());
        await sleep(40 + Math.random() * 60);
      }
    });

    // Every voter votes in every poll, trying again until acknowledged; only acknowledgements count.
    const acknowledged: Array<{ who: Person; pollId: string; option: string }> = [];
    const attempted = new Set<string>();
    const voting = voters.map(async (who, v) => {
      for (const [p, pollId] of pollIds.entries()) {
        const option = (v + p) % 2 === 0 ? 'a' : 'b';
        for (let attempt = 0; attempt < 200; attempt++) {
          attempted.add(`${who}:${pollId}`);
          try {
            const ack = await sockets.get(who)!.timeout(15_000).emitWithAck('poll:cast', { pollId, choice: { kind: 'single_choice', option } });
            if (ack.ok) {
              acknowledged.push({ who, pollId, option });
              break;
            }
          } catch {
            // no acknowledgement: the server is down; try again
          }
          await sleep(150);
        }
        await sleep(120);
      }
    });

    await waitFor(() => acknowledged.length > 0, 60_000, 'a first acknowledged ballot');
    await sleep(300);
    await server.kill();
    const killedAt = Date.now();
    // Writing goes on while the server is away: those edits must arrive after the restart.
    await sleep(800);
    expect(writers.every((w) => !w.client.provider.wsconnected)).toBe(true);
    await start();
    await waitFor(() => writers.every((w) => w.client.provider.wsconnected && w.client.provider.synced), 20_000, 'the editors to reconnect by themselves');
    await sleep(500);
    writing = false;
    await Promise.all(edits);
    await Promise.all(voting);
    expect(Date.now() - killedAt).toBeGreaterThan(800);

    // Convergence: every client, and a new one, holds every edit anyone made.
    const everyWord = writers.flatMap((w) => w.words);
    expect(everyWord.length).toBeGreaterThan(20);
    const fresh = collabClient(server.url, documentName, { token: tokens.get('procurement')! });
    await fresh.synced;
    const all = [...writers.map((w) => w.client), fresh];
    await waitFor(() => all.every((c) => documentText(c.doc) === documentText(fresh.doc)) && everyWord.every((w) => documentText(fresh.doc).includes(w)), 20_000, 'convergence with every edit');
    fresh.destroy();

    // Stored, not only in memory: after a graceful restart a new client still reads every edit.
    for (const w of writers) w.client.destroy();
    writers.length = 0;
    expect(await server.stop()).toBe(0);
    await start();
    const reader = collabClient(server.url, documentName, { token: tokens.get('procurement')! });
    await reader.synced;
    const stored = documentText(reader.doc);
    for (const word of everyWord) expect(stored).toContain(word);
    reader.destroy();

    // Every acknowledged ballot is in the database and in the tally.
    expect(acknowledged.length).toBe(voters.length * pollIds.length);
    const db = await connectDatabase(server);
    try {
      const users = await db.collection('users').find({}, { projection: { email: 1 } }).toArray();
      const idOf = (who: Person) => String(users.find((u) => u.email === demoEmails[who])!._id);
      for (const { who, pollId, option } of acknowledged) {
        const ballot = await db.collection('ballots').findOne({ pollId: objectId(pollId), voterId: objectId(idOf(who)) });
        expect(ballot?.choice, `${who} in ${pollId}`).toEqual({ kind: 'single_choice', option });
      }
      for (const pollId of pollIds) {
        const closed = await sockets.get('facilitator')!.timeout(10_000).emitWithAck('poll:close', { pollId });
        expect(closed.ok, JSON.stringify(closed)).toBe(true);
        expect(await db.collection('ballots').countDocuments({ pollId: objectId(pollId) }), pollId).toBe(voters.length);
        expect(closed.result.ballots).toBe(voters.length);
        const expected = acknowledged.filter((a) => a.pollId === pollId);
        for (const option of ['a', 'b']) {
          const tallied = (closed.result.options as Array<{ optionId: string; voters: number }>).find((o) => o.optionId === option)?.voters ?? 0;
          expect(tallied, `${pollId} option ${option}`).toBe(expected.filter((a) => a.option === option).length);
        }
        // Every stored ballot was audited: a crash between the ballot and its audit event leaves no unaudited vote.
        const audited = await db.collection('audit_events').countDocuments({ chain: trajectoryId, action: 'poll.ballot', objectId: pollId });
        expect(audited).toBeGreaterThanOrEqual(voters.length);
      }
    } finally {
      await db.close();
    }

    const verify = await inkoop.get(`/trajectories/${trajectoryId}/audit/verify`);
    expect(verify.status, verify.text).toBe(200);
    expect(verify.body, verify.text).toMatchObject({ valid: true, brokenAt: null });
  }, 300_000);

  it('verifies a chain whose stored head is one event behind (a crash between the two writes); a head beyond the events still fails', async () => {
    const db = await connectDatabase(server);
    const heads = db.collection<{ _id: string; seq: number; hash: string }>('audit_heads');
    try {
      const head = (await heads.findOne({ _id: trajectoryId }))!;
      const previous = (await db.collection('audit_events').findOne({ chain: trajectoryId, seq: head.seq - 1 }))!;
      await heads.updateOne({ _id: trajectoryId }, { $set: { seq: previous.seq, hash: previous.hash } });
      const lagging = await inkoop.get(`/trajectories/${trajectoryId}/audit/verify`);
      expect(lagging.body).toMatchObject({ valid: true, events: head.seq, lastHash: head.hash });

      // The next event moves the head on.
      const proposed = await apiClient(server, tokens.get('provider')).post(`/trajectories/${trajectoryId}/topics`, { title: 'Na de crash' });
      expect(proposed.status, proposed.text).toBe(201);
      expect((await heads.findOne({ _id: trajectoryId }))!.seq).toBe(head.seq + 1);
      expect((await inkoop.get(`/trajectories/${trajectoryId}/audit/verify`)).body).toMatchObject({ valid: true, events: head.seq + 1 });

      // A head naming an event that is not there means events were removed.
      await heads.updateOne({ _id: trajectoryId }, { $inc: { seq: 1 } });
      expect((await inkoop.get(`/trajectories/${trajectoryId}/audit/verify`)).body).toMatchObject({ valid: false, brokenAt: { reason: 'events_missing' } });
      await heads.updateOne({ _id: trajectoryId }, { $inc: { seq: -1 }, $set: { hash: 'f'.repeat(64) } });
      expect((await inkoop.get(`/trajectories/${trajectoryId}/audit/verify`)).body).toMatchObject({ valid: false, brokenAt: { reason: 'events_missing' } });
    } finally {
      await db.close();
    }
  });
});
