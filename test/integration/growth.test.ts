import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { connectDatabase, demoEmails, demoTrajectoryIds, sessionCookieName, signIn, type ApiClient } from '../helpers/api-client';
import { collabClient } from '../helpers/collab-client';
import { startServer, type RunningServer } from '../helpers/server';

/**
 * No hot path reads history: a ballot, `/api/me` and opening a clause document cost the same on a
 * database that holds 20,000 unrelated ballots and audit events as on a fresh one. Two servers on
 * two databases with the same demo data, one of them grown.
 *
 * Two proofs, for each path:
 * - What the path asks the database (deterministic): both servers run with bench/query-trace.mjs,
 *   which records every command with the request, socket event or WebSocket that set it off (its
 *   later broadcasts included). On the grown server, each command must reach its documents
 *   without reading the rest of the collection: by `_id`, or by equality on the leading field of
 *   an index of that collection (MongoDB uses the index; so does FerretDB on PostgreSQL, through
 *   the GIN twins of server/db/postgresql-indexes.ts). Anything else (a filter or sort without an
 *   index, `$in`, a whole collection) is allowed only for the small read-mostly collections the
 *   server holds in memory, and only now and then (when the held copy is reloaded), never per request.
 * - The time it takes (a ratio, never a time): rounds alternate between the two servers, in
 *   alternating order, so a machine that gets busier or quieter weighs on both alike. In each
 *   round each server does the work a few times in a row and counts its fastest (a busy machine
 *   only ever adds time, so the fastest of a few is the work itself); the claim is on the median
 *   over the rounds of grown ÷ fresh.
 */
const grownBy = 20_000;
/** Rounds counted, after warm-up rounds that are not; each round takes the fastest of `tries` on each server. */
const rounds = { ballot: 25, cheap: 31 };
const warmUpRounds = 3;
const tries = 3;
const maxRatio = 1.5;
/** Collections that grow with a trajectory's history are not here: these are small, read-mostly and held in memory (read-cache.ts, held-voices.ts). */
const heldInMemory = new Set(['organisations', 'memberships', 'mandates', 'trajectories', 'regions']);
const queryTrace = path.resolve(import.meta.dirname, '../../bench/query-trace.mjs');

interface Table {
  server: RunningServer;
  /** Where bench/query-trace.mjs writes this server's database commands. */
  trace: string;
  provider: ApiClient;
  providerSocket: Socket;
  facilitatorSocket: Socket;
  sessionId: string;
  documentName: string;
}

function connect(server: RunningServer, client: ApiClient): Promise<Socket> {
  const socket = io(server.url, { transports: ['websocket'], extraHeaders: { cookie: `${sessionCookieName}=${client.token}` }, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function emit<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const answer = (await socket.timeout(60_000).emitWithAck(event, payload)) as T & { ok: boolean; error?: unknown };
  if (!answer.ok) throw new Error(`${event} refused: ${JSON.stringify(answer.error)}`);
  return answer;
}

async function prepare(server: RunningServer, trace: string): Promise<Table> {
  const inkoop = await signIn(server, demoEmails.procurement);
  const provider = await signIn(server, demoEmails.provider);
  const facilitator = await signIn(server, demoEmails.facilitator);
  const trajectoryId = (await demoTrajectoryIds(await signIn(server, demoEmails.admin))).ijmond;
  const agreement = await inkoop.get(`/trajectories/${trajectoryId}/agreement`);
  const clause = agreement.body.chapters.flatMap((c: { clauses: Array<{ id: string; status: string }> }) => c.clauses).find((c: { status: string }) => c.status === 'concept' || c.status === 'in_dialogue');
  if (clause.status !== 'in_dialogue') expect((await inkoop.patch(`/trajectories/${trajectoryId}/agreement/clauses/${clause.id}`, { status: 'in_dialogue' })).status).toBe(200);
  const session = await inkoop.post(`/trajectories/${trajectoryId}/sessions`, {
    title: 'Groei',
    startsAt: new Date().toISOString(),
    location: 'Online',
    agenda: [],
    declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
  });
  expect(session.status).toBe(201);
  const [providerSocket, facilitatorSocket] = await Promise.all([connect(server, provider), connect(server, facilitator)]);
  await emit(facilitatorSocket, 'session:join', { sessionId: session.body.id });
  await emit(providerSocket, 'session:join', { sessionId: session.body.id });
  await emit(facilitatorSocket, 'session:start', { sessionId: session.body.id });
  return { server, trace, provider, providerSocket, facilitatorSocket, sessionId: session.body.id, documentName: clauseDocumentName(trajectoryId, clause.id) };
}

/** Stores ballots of polls that do not exist and audit events of a chain no one reads: history that must not weigh. */
async function grow(server: RunningServer): Promise<void> {
  const connection = await connectDatabase(server);
  try {
    const batch = 2000;
    const chain = `unrelated-${randomBytes(4).toString('hex')}`;
    for (let start = 0; start < grownBy; start += batch) {
      const now = new Date();
      const ballots = Array.from({ length: batch }, () => {
        const key = randomBytes(32).toString('hex');
        return { _id: key, pollId: new connection.base.Types.ObjectId(), voterKey: key, voterId: null, group: 'provider', choice: { kind: 'consent', option: 'agree' }, castAt: now, updatedAt: now };
      });
      const events = Array.from({ length: batch }, (_, i) => ({
        chain,
        seq: start + i + 1,
        at: now,
        actorId: null,
        action: 'poll.ballot',
        objectType: 'poll',
        objectId: 'x',
        summary: { group: 'provider' },
        prevHash: null,
        hash: randomBytes(32).toString('hex'),
      }));
      await connection.collection('ballots').insertMany(ballots as never[]);
      await connection.collection('audit_events').insertMany(events);
    }
  } finally {
    await connection.close();
  }
}

type Measure = (table: Table) => Promise<number>;

const time = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

/** A first ballot in a newly opened poll (opening it is not timed): an insert, its audit event and the check that the poll is still open. */
const ballot: Measure = async (t) => {
  const { pollId } = await emit<{ pollId: string }>(t.facilitatorSocket, 'poll:open', { sessionId: t.sessionId, settings: { kind: 'consent', question: 'Akkoord?', anonymous: true } });
  return time(() => emit(t.providerSocket, 'poll:cast', { pollId, choice: { kind: 'consent', option: 'agree' } }));
};

const me: Measure = (t) =>
  time(async () => {
    const res = await t.provider.get('/me');
    if (res.status !== 200) throw new Error(`/me answered ${res.status}`);
  });

/** A y-websocket client opening the clause document, until it is synced. */
const openDocument: Measure = async (t) => {
  const client = collabClient(t.server.url, t.documentName, { token: t.provider.token });
  try {
    return await time(() => client.synced);
  } finally {
    client.destroy();
  }
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One command as bench/query-trace.mjs writes it. */
interface Traced {
  origin: string;
  command: string;
  collection: string | null;
  filter?: Record<string, unknown> | null;
  sort?: Record<string, unknown> | null;
  byId: boolean;
}

const traceLength = (t: Table) => readFileSync(t.trace, 'utf8').length;
const tracedSince = (t: Table, from: number): Traced[] =>
  readFileSync(t.trace, 'utf8')
    .slice(from)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Traced);

const scalarShapes = new Set(['string', 'objectId', 'number', 'boolean', 'date']);
/** Commands that select documents; the rest (insert by its own `_id`, getMore of a find, admin commands) are judged elsewhere or select nothing. */
const selecting = new Set(['find', 'update', 'delete', 'findAndModify', 'count', 'distinct', 'aggregate']);

/** How a command reaches its documents: by `_id`, through an index (equality on an index's leading field), or by reading the collection. */
function reach(command: Traced, leadingFields: Map<string, Set<string>>): 'id' | 'index' | 'scan' {
  if (command.byId || !selecting.has(command.command)) return 'id';
  const equal = Object.entries(command.filter ?? {})
    .filter(([field, shape]) => !field.startsWith('$') && typeof shape === 'string' && scalarShapes.has(shape))
    .map(([field]) => field);
  return equal.some((field) => leadingFields.get(command.collection ?? '')?.has(field)) ? 'index' : 'scan';
}

/** The first field of every index of every collection, as the grown database has them. */
async function indexedFields(server: RunningServer): Promise<Map<string, Set<string>>> {
  const connection = await connectDatabase(server);
  try {
    const fields = new Map<string, Set<string>>();
    for (const { name } of await connection.db!.listCollections().toArray()) {
      const indexes = await connection.db!.collection(name).indexes();
      fields.set(name, new Set(indexes.map((index) => Object.keys(index.key)[0]!).filter((field) => field !== '_id')));
    }
    return fields;
  } finally {
    await connection.close();
  }
}

describe('hot paths do not slow down as history grows', () => {
  let fresh: Table;
  let grown: Table;
  let leadingFields: Map<string, Set<string>>;

  beforeAll(async () => {
    const started = await Promise.all(
      ['fresh', 'grown'].map(async () => {
        const trace = path.join(mkdtempSync(path.join(tmpdir(), 'dialoogtafel-trace-')), 'queries.jsonl');
        writeFileSync(trace, '');
        // Two servers seed the demo at once on a machine busy with other test files: that may take minutes, and is no failure.
        const server = await startServer({ env: { DEMO: '1', QUERY_TRACE_FILE: trace }, command: [process.execPath, '--import', 'tsx', '--import', queryTrace, 'server/main.ts'], timeoutMs: 300_000 });
        return prepare(server, trace);
      }),
    );
    [fresh, grown] = started as [Table, Table];
    await grow(grown.server);
    leadingFields = await indexedFields(grown.server);
  }, 900_000);

  afterAll(async () => {
    for (const t of [fresh, grown]) {
      t?.providerSocket.disconnect();
      t?.facilitatorSocket.disconnect();
    }
    await Promise.all([fresh?.server.stop(), grown?.server.stop()]);
  });

  it.each([
    ['a ballot', ballot, rounds.ballot, (origin: string) => origin === 'socket poll:cast', ['ballots', 'audit_events']],
    ['GET /api/me', me, rounds.cheap, (origin: string) => origin === 'http GET /api/me', []],
    ['opening a clause document', openDocument, rounds.cheap, (origin: string) => origin.startsWith('upgrade /collab'), []],
  ] as const)(`%s takes at most ${maxRatio}× as long after ${grownBy} ballots and audit events`, async (name, measure, count, fromPath, mustWrite) => {
    const traceFrom = { fresh: traceLength(fresh), grown: traceLength(grown) };
    const ratios: number[] = [];
    const fastest = { fresh: [] as number[], grown: [] as number[] };
    for (let round = 0; round < warmUpRounds + count; round++) {
      // Alternating which goes first, so neither always meets the other's leftovers.
      const order = round % 2 === 0 ? (['fresh', 'grown'] as const) : (['grown', 'fresh'] as const);
      const best = { fresh: Infinity, grown: Infinity };
      for (const which of order) {
        for (let k = 0; k < tries; k++) best[which] = Math.min(best[which], await measure(which === 'fresh' ? fresh : grown));
      }
      if (round < warmUpRounds) continue;
      ratios.push(best.grown / best.fresh);
      fastest.fresh.push(best.fresh);
      fastest.grown.push(best.grown);
    }
    const requests = (warmUpRounds + count) * tries;

    // What the path asked the database, on the grown server.
    const commands = tracedSince(grown, traceFrom.grown).filter((c) => fromPath(c.origin));
    const shapes = new Map<string, { command: Traced; reach: ReturnType<typeof reach>; n: number }>();
    for (const command of commands) {
      const key = `${command.command} ${command.collection} ${JSON.stringify(command.filter ?? null)}${command.sort ? ` sort ${JSON.stringify(command.sort)}` : ''}`;
      const seen = shapes.get(key) ?? { command, reach: reach(command, leadingFields), n: 0 };
      seen.n++;
      shapes.set(key, seen);
    }
    const ratio = median(ratios);
    console.log(
      [
        `${name}: ${requests} on each server; median of the fastest of ${tries} per round: fresh ${median(fastest.fresh).toFixed(1)} ms, grown ${median(fastest.grown).toFixed(1)} ms; median ratio grown/fresh over ${count} rounds ${ratio.toFixed(2)}`,
        `  database commands it set off on the grown server (${commands.length}; fresh ${tracedSince(fresh, traceFrom.fresh).filter((c) => fromPath(c.origin)).length}):`,
        ...[...shapes].map(([key, { reach: how, n }]) => `    ${key}: ${n}× by ${how}`),
      ].join('\n'),
    );

    // The trace sees the path (else the checks below would hold for nothing).
    expect(commands.length).toBeGreaterThan(0);
    for (const collection of mustWrite) expect(commands.some((c) => c.command === 'insert' && c.collection === collection), `${name} inserts into ${collection}`).toBe(true);
    // Nothing it asks reads a collection through: by _id or an index, or now and then a small collection held in memory.
    const scans = [...shapes].filter(([, s]) => s.reach === 'scan');
    expect(scans.filter(([, s]) => !heldInMemory.has(s.command.collection ?? '')).map(([key]) => key), 'commands that read a growing collection through').toEqual([]);
    expect(scans.filter(([, s]) => s.n * 10 > requests).map(([key, s]) => `${key}: ${s.n}× in ${requests}`), 'collections held in memory are read now and then, not per request').toEqual([]);
    expect(ratio).toBeLessThanOrEqual(maxRatio);
  }, 600_000);
});
