import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { connectDatabase, demoEmails, demoTrajectoryIds, sessionCookieName, signIn, type ApiClient } from '../helpers/api-client';
import { collabClient } from '../helpers/collab-client';
import { startServer, type RunningServer } from '../helpers/server';

/**
 * No hot path reads history: a ballot, `/api/me` and opening a clause document cost the same on a
 * database that holds 20,000 unrelated ballots and audit events as on a fresh one. Two servers on
 * two databases with the same demo data, one of them grown; every measurement alternates between
 * them, so a machine that gets busier or quieter meanwhile weighs on both alike. The medians are
 * compared, never a time.
 */
const grownBy = 20_000;
/** Medians of this many alternating pairs: a ballot (each opens a poll first) is dearer than the others. */
const repetitions = { ballot: 15, cheap: 41 };
const maxRatio = 1.5;

interface Table {
  server: RunningServer;
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

async function prepare(server: RunningServer): Promise<Table> {
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
  return { server, provider, providerSocket, facilitatorSocket, sessionId: session.body.id, documentName: clauseDocumentName(trajectoryId, clause.id) };
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

describe('hot paths do not slow down as history grows', () => {
  let fresh: Table;
  let grown: Table;

  beforeAll(async () => {
    const [a, b] = await Promise.all([startServer({ env: { DEMO: '1' } }), startServer({ env: { DEMO: '1' } })]);
    [fresh, grown] = await Promise.all([prepare(a), prepare(b)]);
    await grow(b);
  }, 900_000);

  afterAll(async () => {
    for (const t of [fresh, grown]) {
      t?.providerSocket.disconnect();
      t?.facilitatorSocket.disconnect();
    }
    await Promise.all([fresh?.server.stop(), grown?.server.stop()]);
  });

  it.each([
    ['a ballot', ballot, repetitions.ballot],
    ['GET /api/me', me, repetitions.cheap],
    ['opening a clause document', openDocument, repetitions.cheap],
  ] as const)(`%s takes at most ${maxRatio}× as long after ${grownBy} ballots and audit events`, async (_name, measure, count) => {
    const times = { fresh: [] as number[], grown: [] as number[] };
    // One round each first, not counted (first loads, caches, JIT).
    await measure(fresh);
    await measure(grown);
    for (let i = 0; i < count; i++) {
      // Alternating which goes first, so neither always meets the other's leftovers.
      const order = i % 2 === 0 ? (['fresh', 'grown'] as const) : (['grown', 'fresh'] as const);
      for (const which of order) times[which].push(await measure(which === 'fresh' ? fresh : grown));
    }
    const ratio = median(times.grown) / median(times.fresh);
    console.log(`${_name}: median fresh ${median(times.fresh).toFixed(1)} ms, grown ${median(times.grown).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
    expect(ratio).toBeLessThanOrEqual(maxRatio);
  }, 600_000);
});
