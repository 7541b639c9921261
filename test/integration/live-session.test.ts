import { Types } from 'mongoose';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveState } from '../../shared/schemas/sessions';
import { connectDatabase, objectId, signIn, sessionCookieName, type ApiClient } from '../helpers/api-client';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

/** The cookie header of a signed-in API client, for a socket's handshake. */
const cookieOf = (client: ApiClient) => `${sessionCookieName}=${client.token}`;

/** A participant's tab: a socket with the session cookie that keeps the latest broadcast state. */
interface Tab {
  socket: Socket;
  state: LiveState | null;
  emit<T = Record<string, unknown>>(event: string, payload: unknown): Promise<T & { ok: boolean; error?: { code: string; message: string } }>;
}

async function openTab(server: RunningServer, cookie: string | null): Promise<Tab> {
  const socket = io(server.url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false });
  const tab: Tab = {
    socket,
    state: null,
    emit: (event, payload) => socket.timeout(5000).emitWithAck(event, payload),
  };
  socket.on('session:state', (state: LiveState) => (tab.state = state));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return tab;
}

describe('the live table', () => {
  let server: RunningServer;
  let trajectoryId: string;
  let sessionId: string;
  const clients: Record<string, ApiClient> = {};
  const tabs: Tab[] = [];
  const tab = async (who: string | null) => {
    const t = await openTab(server, who ? cookieOf(clients[who]!) : null);
    tabs.push(t);
    return t;
  };

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    for (const who of ['inkoop', 'facilitator', 'aanbieder', 'gemeente', 'client', 'observer']) clients[who] = await signIn(server, `${who}@dialoogtafel.example`);
    const trajectories = await clients.aanbieder!.get('/trajectories');
    trajectoryId = trajectories.body[0]!.id;
    const topics = await clients.inkoop!.get(`/trajectories/${trajectoryId}/topics`);
    const created = await clients.inkoop!.post(`/trajectories/${trajectoryId}/sessions`, {
      title: 'Dialoogsessie 3',
      startsAt: new Date().toISOString(),
      location: 'Stadhuis Haarlem',
      agenda: topics.body.slice(0, 3).map((t: { id: string }) => ({ topicId: t.id, minutes: 20 })),
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
    });
    expect(created.status).toBe(201);
    expect(created.body.agenda).toHaveLength(3);
    sessionId = created.body.id;
  });
  afterAll(async () => {
    for (const t of tabs) t.socket.disconnect();
    await server?.stop();
  });

  it('shows who is present, per person, however many tabs they open', async () => {
    const facilitator = await tab('facilitator');
    const join = await facilitator.emit<{ state: LiveState }>('session:join', { sessionId });
    expect(join.ok).toBe(true);
    expect(join.state.session.declaration).toEqual({ outcomeKind: 'advice', decidedBy: 'de colleges van B&W' });
    const providerA = await tab('aanbieder');
    const providerB = await tab('aanbieder');
    await providerA.emit('session:join', { sessionId });
    await providerB.emit('session:join', { sessionId });
    await waitFor(() => facilitator.state?.presence.length === 2, 5000, 'presence of two people');
    expect(facilitator.state!.presence.map((p) => p.group).sort()).toEqual(['facilitator', 'provider']);
    providerB.socket.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    await waitFor(() => facilitator.state?.presence.length === 2, 5000, 'still two: one tab left');
    providerA.socket.disconnect();
    await waitFor(() => facilitator.state?.presence.length === 1, 5000, 'the provider left');
  });

  it('refuses non-members, anonymous visitors and unknown sessions', async () => {
    const anon = await tab(null);
    expect((await anon.emit('session:join', { sessionId })).error?.code).toBe('unauthenticated');
    const admin = await signIn(server, 'admin@dialoogtafel.example');
    expect((await admin.get(`/sessions/${sessionId}`)).status).toBe(200);
    const provider = await tab('aanbieder');
    expect((await provider.emit('session:join', { sessionId: 'aaaaaaaaaaaaaaaaaaaaaaaa' })).error?.code).toBe('not_found');
    expect((await provider.emit('session:join', { sessionId: 42 })).error?.code).toBe('validation_failed');
    expect((await provider.emit('session:start', { sessionId })).error?.code).toBe('forbidden');
  });

  it('lets the facilitator run the agenda, the timer and the speaking queue, live for everyone', async () => {
    const facilitator = await tab('facilitator');
    const provider = await tab('aanbieder');
    await facilitator.emit('session:join', { sessionId });
    await provider.emit('session:join', { sessionId });
    expect((await provider.emit('queue:raise', { sessionId })).error?.code).toBe('conflict'); // not started yet
    expect((await facilitator.emit('session:start', { sessionId })).ok).toBe(true);
    await waitFor(() => provider.state?.session.status === 'live', 5000, 'live');
    expect((await facilitator.emit('agenda:next', { sessionId })).ok).toBe(true);
    await waitFor(() => provider.state?.currentIndex === 1, 5000, 'agenda moved');
    expect((await facilitator.emit('timer:start', { sessionId })).ok).toBe(true);
    await waitFor(() => provider.state?.timer?.startedAt !== null && provider.state?.timer?.durationMs === 20 * 60_000, 5000, 'timer running');
    expect((await facilitator.emit('timer:start', { sessionId })).error?.code).toBe('conflict');
    expect((await facilitator.emit('timer:pause', { sessionId })).ok).toBe(true);
    await waitFor(() => provider.state?.timer?.startedAt === null, 5000, 'timer paused');

    const [first, second] = await Promise.all([provider.emit('queue:raise', { sessionId }), provider.emit('queue:raise', { sessionId })]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    await waitFor(() => facilitator.state?.queue.length === 1, 5000, 'one hand raised');
    const providerId = facilitator.state!.queue[0]!.userId;
    expect((await facilitator.emit('queue:give-floor', { sessionId, userId: providerId })).ok).toBe(true);
    await waitFor(() => provider.state?.floor?.userId === providerId && provider.state.queue.length === 0, 5000, 'floor given');
    expect((await facilitator.emit('agenda:goto', { sessionId, index: 9 })).error?.code).toBe('validation_failed');
  });

  it('keeps one ballot per voter under concurrent casting, shows results per group and freezes them at closing', async () => {
    const facilitator = await tab('facilitator');
    await facilitator.emit('session:join', { sessionId });
    const opened = await facilitator.emit<{ pollId: string }>('poll:open', { sessionId, settings: { kind: 'consent', question: 'Akkoord met de bijgestelde tekst over zorgcontinuïteit?' } });
    expect(opened.ok).toBe(true);
    const pollId = opened.pollId;
    const providerTabs = [await tab('aanbieder'), await tab('aanbieder'), await tab('aanbieder')];
    for (const t of providerTabs) await t.emit('session:join', { sessionId });
    const results = await Promise.all(providerTabs.map((t, i) => t.emit('poll:cast', { pollId, choice: { kind: 'consent', option: i === 0 ? 'object' : 'agree', reason: 'tekst' } })));
    expect(results.every((r) => r.ok)).toBe(true);
    const municipality = await tab('gemeente');
    await municipality.emit('session:join', { sessionId });
    expect((await municipality.emit('poll:cast', { pollId, choice: { kind: 'consent', option: 'block' } })).error?.code).toBe('validation_failed');
    expect((await municipality.emit('poll:cast', { pollId, choice: { kind: 'single_choice', option: 'agree' } })).error?.code).toBe('validation_failed');
    expect((await municipality.emit('poll:cast', { pollId, choice: { kind: 'consent', option: 'agree' } })).ok).toBe(true);
    const observer = await tab('observer');
    expect((await observer.emit('poll:cast', { pollId, choice: { kind: 'consent', option: 'agree' } })).error?.code).toBe('forbidden');

    await waitFor(() => facilitator.state?.polls.find((p) => p.id === pollId)?.result?.ballots === 2, 5000, 'two voters counted');
    const live = facilitator.state!.polls.find((p) => p.id === pollId)!;
    expect(live.result!.turnout.provider?.voted).toBe(1);
    expect(live.result!.turnout.municipality?.voted).toBe(1);

    const closed = await facilitator.emit<{ result: { ballots: number; consent: { reached: boolean } } }>('poll:close', { pollId });
    expect(closed.ok).toBe(true);
    expect(closed.result.ballots).toBe(2);
    expect((await municipality.emit('poll:cast', { pollId, choice: { kind: 'consent', option: 'abstain' } })).error?.code).toBe('conflict');
    expect((await facilitator.emit('poll:close', { pollId })).error?.code).toBe('conflict');
    await waitFor(() => municipality.state?.polls.find((p) => p.id === pollId)?.status === 'closed', 5000, 'closed for everyone');
    expect(municipality.state!.polls.find((p) => p.id === pollId)!.declaration.decidedBy).toBe('de colleges van B&W');
  });

  it('reveals nobody in an anonymous poll, and gives a reconnecting voter their own ballot back', async () => {
    const facilitator = await tab('facilitator');
    await facilitator.emit('session:join', { sessionId });
    const { pollId } = await facilitator.emit<{ pollId: string }>('poll:open', {
      sessionId,
      settings: { kind: 'single_choice', question: 'Welk onderwerp eerst?', anonymous: true, options: [{ id: 'a', label: 'Wachtlijsten' }, { id: 'b', label: 'Bekostiging' }] },
    });
    const client = await tab('client');
    await client.emit('session:join', { sessionId });
    expect((await client.emit('poll:cast', { pollId, choice: { kind: 'single_choice', option: 'b' } })).ok).toBe(true);
    client.socket.disconnect();

    const again = await tab('client');
    const join = await again.emit<{ state: LiveState }>('session:join', { sessionId });
    expect(join.state.myBallots[pollId]).toEqual({ kind: 'single_choice', option: 'b' });
    expect(join.state.session.status).toBe('live');
    expect(join.state.currentIndex).toBe(1);

    await waitFor(() => facilitator.state?.polls.find((p) => p.id === pollId)?.result?.ballots === 1, 5000, 'counted');
    const seenByOthers = JSON.stringify(facilitator.state);
    const clientId = (await clients.client!.get('/me')).body.user;
    const view = facilitator.state!.polls.find((p) => p.id === pollId)!;
    expect(view.namedBallots).toBeUndefined();
    expect(seenByOthers.includes(clientId.id) && JSON.stringify(view).includes(clientId.id)).toBe(false);
    const audit = await clients.inkoop!.get(`/trajectories/${trajectoryId}/audit`);
    const ballotEvents = audit.body.filter((e: { action: string; actor: unknown; summary: unknown }) => e.action === 'poll.ballot' && JSON.stringify(e).includes(pollId));
    expect(ballotEvents.length).toBe(1);
    expect(ballotEvents[0]!.actor).toBeNull();
    expect(ballotEvents[0]!.summary).toEqual({ group: 'client' });
  });

  it('offers the session as a calendar file and the trajectory as a feed', async () => {
    const ics = await fetch(`${server.url}/api/sessions/${sessionId}/calendar.ics`, { headers: { cookie: cookieOf(clients.aanbieder!) } });
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const text = await ics.text();
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain('SUMMARY:Dialoogsessie 3');
    const feed = await fetch(`${server.url}/api/trajectories/${trajectoryId}/sessions.ics`, { headers: { cookie: cookieOf(clients.gemeente!) } });
    expect(await feed.text()).toContain('Dialoogsessie 3');
  });

  /** The audit events of one poll's closing, as the procurement team reads them. */
  const closings = async (pollId: string) =>
    ((await clients.inkoop!.get(`/trajectories/${trajectoryId}/audit`)).body as Array<{ action: string; objectId: string; actor: unknown; summary: Record<string, unknown> }>).filter(
      (e) => e.action === 'poll.close' && e.objectId === pollId,
    );

  it('closes a poll at its deadline by the system, audited as the system and not as a person', async () => {
    const facilitator = await tab('facilitator');
    await facilitator.emit('session:join', { sessionId });
    const { pollId } = await facilitator.emit<{ pollId: string }>('poll:open', {
      sessionId,
      settings: { kind: 'consent', question: 'Akkoord met de planning?', closesAt: new Date(Date.now() + 3000).toISOString() },
    });
    expect(pollId).toBeTruthy();
    await waitFor(() => facilitator.state?.polls.find((p) => p.id === pollId)?.status === 'closed', 15_000, 'closed at the deadline');
    // The sweeper reads the deadlines of the polls open now, not the polls: a poll is listed until it closes, however it closes.
    const db = await connectDatabase(server);
    try {
      const listed = async (id: string) => db.collection('pollDeadlines').countDocuments({ _id: objectId(id) });
      expect(await listed(pollId)).toBe(0);
      const later = await facilitator.emit<{ pollId: string }>('poll:open', {
        sessionId,
        settings: { kind: 'consent', question: 'Akkoord met de begroting?', closesAt: new Date(Date.now() + 3_600_000).toISOString() },
      });
      expect(await listed(later.pollId)).toBe(1);
      expect((await facilitator.emit('poll:close', { pollId: later.pollId })).ok).toBe(true);
      expect(await listed(later.pollId)).toBe(0);
      // A deadline left without an open poll (a crash between two writes) is dropped by the sweeper.
      const stale = new Types.ObjectId();
      await db.collection('pollDeadlines').insertOne({ _id: stale, trajectoryId: new Types.ObjectId(), closesAt: new Date(Date.now() - 1000) });
      await waitFor(async () => (await listed(String(stale))) === 0, 15_000, 'the sweeper to drop a deadline without a poll');
    } finally {
      await db.close();
    }
    await waitFor(async () => (await closings(pollId)).length === 1, 5000, 'the closing audited');
    const [event] = await closings(pollId);
    expect(event!.actor).toBeNull();
    expect(event!.summary).toMatchObject({ reason: 'deadline', system: 'poll-deadline' });
    // Nobody asks the system's closing for it: a person's poll:close of a closed poll is a conflict, not a second closing.
    expect((await facilitator.emit('poll:close', { pollId })).error?.code).toBe('conflict');
    expect(await closings(pollId)).toHaveLength(1);
  });

  it('ends the session and closes what is still open, by the system', async () => {
    const facilitator = await tab('facilitator');
    await facilitator.emit('session:join', { sessionId });
    const { pollId } = await facilitator.emit<{ pollId: string }>('poll:open', { sessionId, settings: { kind: 'consent', question: 'Nog open bij het einde?' } });
    expect((await facilitator.emit('session:end', { sessionId })).ok).toBe(true);
    await waitFor(() => facilitator.state?.session.status === 'ended' && facilitator.state.polls.every((p) => p.status === 'closed'), 5000, 'ended with polls closed');
    expect((await facilitator.emit('session:start', { sessionId })).error?.code).toBe('conflict');
    const [event] = await closings(pollId);
    expect(event!.actor).toBeNull();
    expect(event!.summary).toMatchObject({ reason: 'session_ended', system: 'session-end' });
  });
});

describe('ranking the topics before a session', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('turns the ranking poll into a proposed agenda order that the procurement team adopts', async () => {
    const inkoop = await signIn(server, 'inkoop@dialoogtafel.example');
    const trajectoryId = (await inkoop.get('/trajectories')).body.find((t: { model: string }) => t.model === 'dialogue_tender')!.id;
    const sessions = await inkoop.get(`/trajectories/${trajectoryId}/sessions`);
    const planned = sessions.body.find((s: { status: string }) => s.status === 'planned')! as { id: string; agenda: Array<{ topicId: string; title: string }> };
    const options = planned.agenda.map((a: { topicId: string; title: string }) => ({ id: a.topicId, label: a.title }));
    const opened = await inkoop.post(`/sessions/${planned.id}/polls`, { settings: { kind: 'ranking', question: 'In welke volgorde bespreken we de onderwerpen?', options } });
    expect(opened.status).toBe(201);
    const last = options[options.length - 1]!.id;
    for (const who of ['gemeente', 'aanbieder', 'client']) {
      const voter = await signIn(server, `${who}@dialoogtafel.example`);
      const cast = await voter.post(`/polls/${opened.body.pollId}/ballot`, { choice: { kind: 'ranking', ranking: [last, options[0]!.id] } });
      expect(cast.status).toBe(200);
    }
    expect((await inkoop.post(`/polls/${opened.body.pollId}/close`)).status).toBe(200);
    const proposal = await inkoop.get(`/sessions/${planned.id}/agenda-proposal`);
    expect(proposal.body.ballots).toBe(3);
    expect(proposal.body.order[0]!.topicId).toBe(last);
    const adopted = await inkoop.patch(`/sessions/${planned.id}`, { agenda: proposal.body.order.map((o: { topicId: string }) => ({ topicId: o.topicId, minutes: 30 })) });
    expect(adopted.status).toBe(200);
    expect(adopted.body.agenda[0]!.topicId).toBe(last);
  });
});
