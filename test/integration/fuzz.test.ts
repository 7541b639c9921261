import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { documentText } from '../../shared/domain/clause-text';
import { errorCodes } from '../../shared/domain/errors';
import { connectDatabase, demoEmails, demoTrajectoryIds, sessionCookieName, signIn, type ApiClient, type DemoIds } from '../helpers/api-client';
import { collabClient } from '../helpers/collab-client';
import { collabMessages, connectSocket, databaseDigest, rawCollab, socketEventNames, storedDocumentText, type RawCollab, type SocketAck } from '../helpers/hostile';
import { apiRoutes, bodyFields, fillPath, pathParams, routeKey, type ApiRoute } from '../helpers/routes';
import { processAlive, startServer, type RunningServer } from '../helpers/server';

/**
 * Hostile input on every surface: REST bodies and paths of every route of the table, every
 * socket event (and unknown ones), and raw y-websocket frames. Seeded, so a failure replays;
 * bounded, so the file finishes in a few minutes on a busy machine. Afterwards the server
 * still answers and nothing stored has changed.
 *
 * Who sends: nobody, and the observer (who may read but not change anything that random input
 * could reach), on real ids and on ids that exist nowhere. Bodies are validated before the
 * policy is asked, so the observer's requests go through the same validation as anyone's.
 */
const seed = 20_261_123;
const restRuns = 800;
const socketRuns = 400;
const frameRuns = 400;

const routes = apiRoutes();
const isWrite = (route: ApiRoute) => route.method !== 'get';
/**
 * Writes that take no body and change only the signed-in person's own state (signing out,
 * recording a visit, renewing or stopping one's calendar address): whatever body comes with
 * them, they do what they do, so they are fuzzed signed out only.
 */
const ownStateWithoutBody = (route: ApiRoute) => isWrite(route) && !route.takesBody && ['/auth/logout', '/me/calendar-subscription', '/trajectories/:trajectoryId/visit'].includes(route.path);
const objectId = () => fc.stringMatching(/^[a-f0-9]{24}$/);

/** Values of every JSON type and then some: what a field of the wrong type looks like. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(null, true, 0, -1, 1e308, '', ' ', '\u0000', '\u202e', '<script>alert(1)</script>', '$where', { $gt: '' }, { __proto__: { admin: true } }, [[]], 'a'.repeat(5000)),
);

/** A JSON body: random JSON, or the route's own fields with values of any type. */
function bodyFor(route: ApiRoute): fc.Arbitrary<string> {
  const fields = bodyFields(route.body);
  const shaped = fields.length
    ? fc.record(Object.fromEntries(fields.map((f) => [f, anyValue])), { requiredKeys: [] }).map((o) => JSON.stringify(o))
    : fc.constant('{}');
  return fc.oneof(shaped, fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v) ?? 'null'), fc.string({ maxLength: 200 }));
}

interface Fixture {
  ids: DemoIds;
  /** A real value for each path parameter the demo has. */
  real: Record<string, string>;
  clauseDocs: { inDialogue: string; concept: string };
}

/** Bodies no well-behaved client sends: each goes to every route. */
const hostileBodies: Array<{ name: string; body: Buffer | string; type?: string }> = [
  { name: 'nested 10,000 arrays deep', body: '['.repeat(10_000) + ']'.repeat(10_000) },
  { name: 'nested 10,000 objects deep', body: '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000) },
  { name: 'over the size limit', body: JSON.stringify({ title: 'x'.repeat(300 * 1024) }) },
  { name: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]) },
  { name: 'a form instead of JSON', body: 'title=x&email=a%40b.nl', type: 'application/x-www-form-urlencoded' },
  { name: 'text/plain', body: '{"title":"x"}', type: 'text/plain' },
  { name: 'multipart', body: '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--x--', type: 'multipart/form-data; boundary=x' },
  { name: 'JSON with a UTF-16 charset', body: '{"title":"x"}', type: 'application/json; charset=utf-16' },
  { name: 'null', body: 'null' },
  { name: 'prototype pollution', body: '{"__proto__":{"platformAdmin":true},"constructor":{"prototype":{"platformAdmin":true}}}' },
  { name: 'duplicate keys', body: '{"title":"a","title":{"$ne":null}}' },
  { name: 'truncated', body: '{"title":"' },
];

describe('fuzzing every surface with hostile input', () => {
  let server: RunningServer;
  let observer: ApiClient;
  let inkoopToken: string;
  let f: Fixture;
  let digestBefore: Record<string, string>;
  const textsBefore = new Map<string, string>();
  const statusCounts = new Map<number, number>();

  beforeAll(async () => {
    // The fuzz aims at the handlers, not at the rate limits (limits.test.ts covers those at their defaults).
    server = await startServer({
      env: { DEMO: '1', EVENTS_PER_SECOND: '100000', EVENT_BURST: '100000', COLLAB_MESSAGES_PER_SECOND: '100000', COLLAB_MESSAGE_BURST: '100000' },
      timeoutMs: 90_000,
    });
    const admin = await signIn(server, demoEmails.admin);
    const inkoop = await signIn(server, demoEmails.procurement);
    observer = await signIn(server, demoEmails.observer);
    inkoopToken = inkoop.token!;
    const ids = await demoTrajectoryIds(admin);
    const t = `/trajectories/${ids.ijmond}`;
    const get = async (path: string) => (await inkoop.get(path)).body;
    const agreement = (await get(`${t}/agreement`)) as { chapters: Array<{ id: string; clauses: Array<{ id: string; status: string; variants: Array<{ id: string }> }> }> };
    const clauses = agreement.chapters.flatMap((c) => c.clauses);
    const inDialogue = clauses.find((c) => c.status === 'in_dialogue' && c.variants.length > 0)!;
    const concept = clauses.find((c) => c.status === 'concept')!;
    const sessions = (await get(`${t}/sessions`)) as Array<{ id: string }>;
    const first = <T extends { id: string }>(list: T[] | undefined) => list?.[0]?.id;
    const real: Record<string, string | undefined> = {
      trajectoryId: ids.ijmond,
      memberId: first(await get(`${t}/members`)),
      invitationId: first(await get(`${t}/invitations`)),
      topicId: first(await get(`${t}/topics`)),
      sessionId: first(sessions),
      chapterId: agreement.chapters[0]?.id,
      clauseId: inDialogue.id,
      variantId: inDialogue.variants[0]?.id,
      commentId: first(await get(`${t}/comments`)),
      amendmentId: first(await get(`${t}/amendments`)),
      versionId: first(await get(`${t}/versions`)),
      questionId: first(await get(`${t}/questions`)),
    };
    f = {
      ids,
      real: Object.fromEntries(Object.entries(real).filter((e): e is [string, string] => e[1] !== undefined)),
      clauseDocs: { inDialogue: clauseDocumentName(ids.ijmond, inDialogue.id), concept: clauseDocumentName(ids.ijmond, concept.id) },
    };
    for (const name of Object.values(f.clauseDocs)) textsBefore.set(name, await liveText(name));
    // Sign-ins above wrote their sessions; from here on nothing may change.
    await new Promise((r) => setTimeout(r, 500));
    const db = await connectDatabase(server);
    try {
      digestBefore = await databaseDigest(db);
    } finally {
      await db.close();
    }
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  /** The text of a clause document as the server serves it now, read by the procurement team. */
  async function liveText(name: string): Promise<string> {
    const client = collabClient(server.url, name, { token: inkoopToken });
    try {
      await client.synced;
      return documentText(client.doc);
    } finally {
      client.destroy();
    }
  }

  async function expectHealthy(): Promise<void> {
    expect(processAlive(server.process.pid!)).toBe(true);
    const res = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(200);
  }

  /** Sends one request; a hang fails the test through the timeout. */
  async function send(method: string, path: string, body: string | Buffer | undefined, contentType: string | undefined, token: string | undefined): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    if (token) headers.cookie = `${sessionCookieName}=${token}`;
    const res = await fetch(`${server.url}/api${path}`, { method: method.toUpperCase(), headers, body: method === 'get' ? undefined : typeof body === "string" ? body : new Uint8Array(body ?? []), signal: AbortSignal.timeout(20_000) });
    const text = await res.text();
    statusCounts.set(res.status, (statusCounts.get(res.status) ?? 0) + 1);
    return { status: res.status, text };
  }

  function expectRefused(route: ApiRoute, res: { status: number; text: string }, what: string): void {
    const seen = `${routeKey(route)} ${what}: ${res.status} ${res.text.slice(0, 300)}`;
    expect(res.status, seen).toBeLessThan(500);
    // A write that reads a body must refuse what it got; one that ignores its body (sign-out) may answer as usual.
    if (isWrite(route) && route.takesBody) {
      expect(res.status, seen).toBeGreaterThanOrEqual(400);
      const body = JSON.parse(res.text) as { error?: { code?: string; message?: string } };
      expect(errorCodes, seen).toContain(body.error?.code);
      expect(typeof body.error?.message, seen).toBe('string');
    }
  }

  /** A path parameter: a real id, an id that exists nowhere, or something that is not an id at all. */
  const paramValue = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: f.real[name] ? fc.constant(f.real[name]!) : objectId() },
      { weight: 2, arbitrary: objectId() },
      { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('..', '%00', 'null', '{}', '-1', 'a'.repeat(2000), '\u{1F600}', '$gt')) },
    );

  it(`answers ${restRuns} random requests to the routes of the table with 4xx, never 5xx, never a hang`, async () => {
    const requests = fc.constantFrom(...routes).chain((route) =>
      fc.record({
        route: fc.constant(route),
        params: fc.record(Object.fromEntries(pathParams(route.path).map((p) => [p, paramValue(p)]))) as fc.Arbitrary<Record<string, string>>,
        body: bodyFor(route),
        // Public routes without a session; others also as the observer.
        signedIn: ownStateWithoutBody(route) ? fc.constant(false) : fc.boolean(),
        query: fc.option(fc.dictionary(fc.constantFrom('status', 'clauseId', 'from', 'to', 'limit', '__proto__', 'x'), fc.string({ maxLength: 30 }), { maxKeys: 3 }), { nil: undefined }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(requests, async ({ route, params, body, signedIn, query }) => {
        const path = fillPath(route.path, params) + (query ? `?${new URLSearchParams(query as Record<string, string>)}` : '');
        const res = await send(route.method, path, body, 'application/json', signedIn ? observer.token : undefined);
        expectRefused(route, res, `body ${body.slice(0, 200)}`);
      }),
      { seed, numRuns: restRuns, endOnFailure: true },
    );
    await expectHealthy();
  }, 300_000);

  it('refuses deep nesting, oversized bodies, invalid UTF-8, wrong content types and prototype tricks on every write route', async () => {
    for (const route of routes.filter(isWrite)) {
      const path = fillPath(route.path, Object.fromEntries(pathParams(route.path).map((p) => [p, f.real[p] ?? 'bbbbbbbbbbbbbbbbbbbbbbbb'])));
      for (const hostile of hostileBodies) {
        for (const token of ownStateWithoutBody(route) ? [undefined] : [undefined, observer.token]) {
          const res = await send(route.method, path, hostile.body, hostile.type ?? 'application/json', token);
          expectRefused(route, res, hostile.name);
        }
      }
    }
    await expectHealthy();
  }, 300_000);

  it(`answers ${socketRuns} random sequences of socket events (known, unknown, out of order, binary, huge) with error acknowledgements, never a crash`, async () => {
    const known = socketEventNames();
    expect(known).toEqual(expect.arrayContaining(['system:ping', 'trajectory:join', 'session:join', 'poll:cast', 'queue:raise']));
    const unknown = ['no-such-event', '__proto__', 'constructor', 'hasOwnProperty', 'session:join ', 'SESSION:JOIN', 'poll:cast:extra', ''];
    const idLike = fc.oneof(...Object.values(f.real).map((v) => fc.constant(v)), objectId(), fc.string({ maxLength: 30 }), fc.integer());
    const payload = fc.oneof(
      { weight: 4, arbitrary: fc.record({ sessionId: idLike, pollId: idLike, trajectoryId: idLike, userId: idLike, index: anyValue, settings: anyValue, choice: anyValue }, { requiredKeys: [] }) },
      { weight: 3, arbitrary: anyValue },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)) },
      { weight: 1, arbitrary: fc.constant('huge') },
    );
    const event = fc.record({ name: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.constantFrom(...unknown) }), payload, extraArgs: fc.boolean() });
    const sequences = fc.record({ signedIn: fc.boolean(), events: fc.array(event, { minLength: 1, maxLength: 8 }) });

    const sockets = new Map<boolean, Socket>();
    const socketFor = async (signedIn: boolean) => {
      let socket = sockets.get(signedIn);
      if (!socket?.connected) {
        socket = await connectSocket(server, signedIn ? observer.token : undefined);
        sockets.set(signedIn, socket);
      }
      return socket;
    };
    try {
      await fc.assert(
        fc.asyncProperty(sequences, async ({ signedIn, events }) => {
          for (const e of events) {
            const socket = await socketFor(signedIn);
            if (e.payload === 'huge') {
              // Over the message size limit: the server drops the connection, and only that one.
              const closed = new Promise((r) => socket.once('disconnect', r));
              socket.emit(e.name || 'x', { sentAt: 'x'.repeat(300 * 1024) });
              await closed;
              continue;
            }
            if (!known.includes(e.name)) {
              if (e.name) socket.emit(e.name, e.payload);
              continue;
            }
            const args = e.extraArgs ? [e.payload, 'extra', 42] : [e.payload];
            const ack = (await socket.timeout(10_000).emitWithAck(e.name, ...args)) as SocketAck;
            const seen = `${e.name} ${JSON.stringify(e.payload)?.slice(0, 200)} → ${JSON.stringify(ack).slice(0, 300)}`;
            expect(typeof ack.ok, seen).toBe('boolean');
            if (!ack.ok) {
              expect(errorCodes, seen).toContain(ack.error.code);
              expect(ack.error.code, seen).not.toBe('internal');
            }
          }
          // The connection still answers after the sequence.
          const socket = await socketFor(signedIn);
          expect(((await socket.timeout(10_000).emitWithAck('system:ping', {})) as SocketAck).ok).toBe(true);
        }),
        { seed, numRuns: socketRuns, endOnFailure: true },
      );
    } finally {
      for (const s of sockets.values()) s.disconnect();
    }
    await expectHealthy();
  }, 300_000);

  /** Frames no y-websocket client sends. */
  const varUint = (n: number) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, n);
    return [...encoding.toUint8Array(e)];
  };
  const smallFrames = fc.oneof(
    fc.uint8Array({ minLength: 0, maxLength: 300 }),
    // Truncated varints: every byte says "more follows".
    fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 12 }).map((a) => Uint8Array.from(a)),
    // A sync message that declares a length far beyond what follows.
    fc.tuple(fc.constantFrom(0, 1, 2), fc.integer({ min: 1000, max: 2 ** 31 }), fc.uint8Array({ maxLength: 50 })).map(([type, len, rest]) => Uint8Array.from([0, type, ...varUint(len), ...rest])),
    // Unknown message types.
    fc.tuple(fc.integer({ min: 4, max: 2 ** 20 }), fc.uint8Array({ maxLength: 50 })).map(([type, rest]) => Uint8Array.from([...varUint(type), ...rest])),
    // Step 2 or an update (before any step 1) whose content is not a Yjs update.
    fc.tuple(fc.constantFrom(1, 2), fc.uint8Array({ minLength: 1, maxLength: 400 })).map(([kind, bytes]) => Uint8Array.from([0, kind, ...varUint(bytes.length), ...bytes])),
    // An update cut short.
    fc.integer({ min: 1, max: 40 }).map((cut) => collabMessages.update(collabMessages.paragraphUpdate('AFGEKAPT')).slice(0, -cut)),
    // Awareness garbage: random bytes, states that are not JSON, counts that lie.
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Uint8Array.from([1, ...varUint(bytes.length), ...bytes])),
    fc.tuple(fc.integer({ min: 0, max: 2 ** 32 }), fc.string({ maxLength: 100 })).map(([clientId, state]) => {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 5); // claims five states, carries one
      encoding.writeVarUint(inner, clientId);
      encoding.writeVarUint(inner, 1);
      encoding.writeVarString(inner, state);
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      return encoding.toUint8Array(e);
    }),
  );
  // Large frames just under the size limit whose content is not a Yjs update (rarely: they are slow to send).
  const bigFrame = fc.constant(null).map(() => Uint8Array.from([0, 2, ...varUint(900_000), ...new Uint8Array(900_000).map((_, i) => (i * 7919) % 256)]));
  const frames = fc.oneof({ weight: 40, arbitrary: smallFrames }, { weight: 1, arbitrary: bigFrame });

  it.each([
    ['a read-only (comment) connection of the observer', 'observer', 'inDialogue'],
    ['an editing connection of the procurement team', 'procurement', 'concept'],
  ] as const)(`closes or ignores ${frameRuns} malformed frames on %s; the server stays up`, async (_what, who, which) => {
    const token = who === 'observer' ? observer.token : inkoopToken;
    const name = f.clauseDocs[which];
    let conn: RawCollab | undefined;
    const outcomes = { closed: 0, ignored: 0 };
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        if (!conn || conn.ws.readyState !== conn.ws.OPEN) conn = await rawCollab(server, name, token);
        const c = conn;
        c.send(frame);
        // A sync step 1 as a probe: answered with a step 2 when the frame was ignored; a closed connection does not answer.
        const before = c.received.length;
        c.send(collabMessages.step1(new Y.Doc()));
        const result = await Promise.race([
          c.closed.then((close) => ({ close })),
          new Promise<{ answered: true }>((resolve) => {
            const poll = setInterval(() => {
              if (c.received.slice(before).some((m) => m[0] === 0 && m[1] === 1)) {
                clearInterval(poll);
                resolve({ answered: true });
              }
            }, 5);
          }),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('neither answered nor closed within 10 s')), 10_000)),
        ]);
        if ('close' in result) {
          outcomes.closed++;
          expect([1007, 1002, 1009, 1003]).toContain(result.close.code);
        } else outcomes.ignored++;
      }),
      { seed, numRuns: frameRuns, endOnFailure: true },
    );
    conn?.ws.close();
    expect(outcomes.closed).toBeGreaterThan(0);
    await expectHealthy();
  }, 300_000);

  it('changed nothing: every collection and both clause texts are as before', async () => {
    await expectHealthy();
    for (const [name, text] of textsBefore) expect(await liveText(name), name).toBe(text);
    // Let the write-behind of the collaboration documents settle before reading the database.
    await new Promise((r) => setTimeout(r, 1000));
    const db = await connectDatabase(server);
    try {
      expect(await databaseDigest(db)).toEqual(digestBefore);
      for (const [name, text] of textsBefore) expect(await storedDocumentText(db, name), name).toBe(text);
    } finally {
      await db.close();
    }
    // Every status seen was a client error or a successful read.
    for (const status of statusCounts.keys()) expect(status < 300 || (status >= 400 && status < 500), `status ${status}`).toBe(true);
  });
});
