import { io, type Socket } from 'socket.io-client';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveState } from '../../shared/schemas/sessions';
import { connectDatabase, expectError, objectId, signIn, sessionCookieName, type ApiClient } from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

const cookieOf = (client: ApiClient) => `${sessionCookieName}=${client.token}`;
type Ack<T = object> = T & { ok: boolean; error?: { code: string } };

/** A phone's socket: reconnects by itself, and buffers what is emitted while it is away. */
function phone(server: RunningServer, client: ApiClient): Socket {
  return io(server.url, { transports: ['websocket'], extraHeaders: { cookie: cookieOf(client) } });
}
const connected = (socket: Socket) => (socket.connected ? Promise.resolve() : new Promise<void>((resolve) => socket.once('connect', () => resolve())));

describe('voting from a phone', () => {
  let server: RunningServer;
  let db: Connection;
  let inkoop: ApiClient;
  let facilitator: ApiClient;
  let provider: ApiClient;
  let sessionId: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    [inkoop, facilitator, provider] = await Promise.all([signIn(server, 'inkoop@dialoogtafel.example'), signIn(server, 'facilitator@dialoogtafel.example'), signIn(server, 'aanbieder@dialoogtafel.example')]);
    const trajectoryId = (await provider.get('/trajectories')).body[0]!.id;
    const topics = await inkoop.get(`/trajectories/${trajectoryId}/topics`);
    const created = await inkoop.post(`/trajectories/${trajectoryId}/sessions`, {
      title: 'Dialoogsessie in de zaal',
      startsAt: new Date().toISOString(),
      agenda: topics.body.slice(0, 2).map((t: { id: string }) => ({ topicId: t.id, minutes: 20 })),
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
    });
    expect(created.status).toBe(201);
    sessionId = created.body.id;
    db = await connectDatabase(server);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await db?.close();
    await server?.stop();
  });

  it('gives a session one short code, which leads members to it and tells others nothing', async () => {
    const first = await facilitator.get(`/sessions/${sessionId}/join-code`);
    expect(first.status).toBe(200);
    expect(first.body.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    // The same code every time, for every member.
    expect((await provider.get(`/sessions/${sessionId}/join-code`)).body.code).toBe(first.body.code);
    const found = await provider.get(`/join-codes/${first.body.code.toLowerCase()}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ code: first.body.code, sessionId });
    // Unknown codes and malformed ones are refused; signed-out visitors learn nothing.
    expectError(await provider.get('/join-codes/22222222'), 404, 'not_found');
    expectError(await provider.get('/join-codes/0O1I0O1I'), 404, 'not_found');
    const anonymous = await fetch(`${server.url}/api/join-codes/${first.body.code}`);
    expect(anonymous.status).toBe(401);
  });

  it('counts a ballot sent while the phone was offline once, after it reconnects, however often it was sent', async () => {
    const f = phone(server, facilitator);
    const p = phone(server, provider);
    sockets.push(f, p);
    await Promise.all([connected(f), connected(p)]);
    const opened: Ack<{ pollId: string }> = await f.timeout(5000).emitWithAck('poll:open', { sessionId, settings: { kind: 'consent', question: 'Akkoord met de wachttijdnorm?' } });
    expect(opened.ok).toBe(true);
    const join: Ack<{ state: LiveState }> = await p.timeout(5000).emitWithAck('session:join', { sessionId });
    expect(join.ok).toBe(true);

    // The first send reaches the server, but the phone loses its connection before it hears back.
    const lost = p.timeout(5000).emitWithAck('poll:cast', { pollId: opened.pollId, choice: { kind: 'consent', option: 'agree' } }).catch(() => 'no answer');
    p.disconnect();
    await lost;
    // Offline, the phone sends it again: socket.io buffers it until the connection is back.
    const resent = p.timeout(20_000).emitWithAck('poll:cast', { pollId: opened.pollId, choice: { kind: 'consent', option: 'agree' } });
    expect(p.connected).toBe(false);
    p.connect();
    const answer: Ack<{ pollId: string }> = await resent;
    expect(answer.ok).toBe(true);

    const ballots = await db.collection('ballots').countDocuments({ pollId: objectId(opened.pollId) });
    expect(ballots).toBe(1);
    const closed: Ack<{ result: { ballots: number; options: Array<{ optionId: string; score: number }> } }> = await f.timeout(5000).emitWithAck('poll:close', { pollId: opened.pollId });
    expect(closed.ok).toBe(true);
    expect(closed.result.ballots).toBe(1);
    expect(closed.result.options.find((o) => o.optionId === 'agree')?.score).toBe(1);
    // After reconnecting, joining again shows the phone its own ballot.
    const again: Ack<{ state: LiveState }> = await p.timeout(5000).emitWithAck('session:join', { sessionId });
    expect(again.state.myBallots[opened.pollId]).toEqual({ kind: 'consent', option: 'agree' });
  });

  it('limits looking codes up, so they cannot be guessed', async () => {
    let refused = 0;
    for (let i = 0; i < 130 && refused === 0; i++) {
      const res = await provider.get('/join-codes/23456789');
      if (res.status === 429) refused++;
      else expect(res.status).toBe(404);
    }
    expect(refused).toBe(1);
  });
});
