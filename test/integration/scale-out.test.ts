import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { documentText } from '../../shared/domain/clause-text';
import type { LiveState } from '../../shared/schemas/sessions';
import { apiClient, demoEmails, demoTrajectoryIds, sessionCookieName, signIn, type ApiClient, type DemoIds } from '../helpers/api-client';
import { collabClient, type CollabClient } from '../helpers/collab-client';
import { startRedis, type RunningRedis } from '../helpers/redis';
import { freshDatabaseUri, startServer, waitFor, type RunningServer } from '../helpers/server';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { cpuLoadWhenAsked } from '../helpers/cpu-load';

/*
 * Scale-out: two (later three) server processes on one database and one Redis. Every client goes
 * through a small TCP proxy that prefers one node and falls back to the others, as a load balancer
 * does; so when a node stops, its clients reconnect to a surviving node by themselves.
 */

type Person = keyof typeof demoEmails;
const waitingTitle = 'Wachttijden en doorverwijzing';

/** A live-table tab: a socket.io client that keeps the latest state and rejoins the session after reconnecting. */
interface Tab {
  socket: Socket;
  state: LiveState | null;
  changes: Array<{ trajectoryId: string; what: string }>;
  emit<T = Record<string, unknown>>(event: string, payload: unknown): Promise<T & { ok: boolean; error?: { code: string } }>;
}

async function openTab(url: string, token: string, rejoin: { sessionId?: string; trajectoryId?: string } = {}): Promise<Tab> {
  const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie: `${sessionCookieName}=${token}` }, reconnectionDelay: 100, reconnectionDelayMax: 300 });
  const tab: Tab = { socket, state: null, changes: [], emit: (event, payload) => socket.timeout(8000).emitWithAck(event, payload) };
  socket.on('session:state', (state: LiveState) => (tab.state = state));
  socket.on('trajectory:changed', (change: { trajectoryId: string; what: string }) => tab.changes.push(change));
  // As the web client does: after a reconnect (perhaps to another node), join the rooms again.
  socket.on('connect', () => {
    if (!socket.recovered && rejoin.sessionId) void tab.emit<{ state: LiveState }>('session:join', { sessionId: rejoin.sessionId }).then((r) => r.ok && (tab.state = r.state));
    if (!socket.recovered && rejoin.trajectoryId) void tab.emit('trajectory:join', { trajectoryId: rejoin.trajectoryId });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return tab;
}

/** The XmlText of the first paragraph of a clause text. */
function firstParagraph(client: CollabClient): Y.XmlText {
  const element = client.fragment.get(0);
  if (!(element instanceof Y.XmlElement)) throw new Error(`no paragraph: ${documentText(client.doc)}`);
  const text = element.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error('the paragraph holds no text');
  return text;
}
const textOf = (client: CollabClient) => documentText(client.doc);
const collabConnected = (client: CollabClient) => client.provider.wsconnected && client.provider.synced;

// TEST_CPU_LOAD=1 (npm run test:under-load) runs this file with one core kept busy.
cpuLoadWhenAsked();

describe('several nodes on one Redis', () => {
  const mongoUri = freshDatabaseUri();
  let redis: RunningRedis;
  const nodes: Record<string, RunningServer> = {};
  const proxies: TcpProxy[] = [];
  const tokens = new Map<Person, string>();
  let ids: DemoIds;
  let clauseDoc: string;
  const collab: CollabClient[] = [];
  const tabs: Tab[] = [];
  /** The live session the live-table test started; the failover test continues it. */
  let liveSessionId: string;

  // Every node of a deployment shares the secret (ballot keys are derived from it).
  const sessionSecret = randomBytes(32).toString('hex');
  const startNode = async (name: string, demo = false) => {
    // A generous start-up budget: the test starts four server processes on a shared, busy machine.
    nodes[name] = await startServer({ mongoUri, env: { DEMO: demo ? '1' : '0', REDIS_URL: redis.url, SESSION_SECRET: sessionSecret }, timeoutMs: 90_000 });
    return nodes[name]!;
  };
  /** A proxy that sends every connection to the first of these nodes that is up. */
  const proxyTo = async (...names: string[]) => {
    const proxy = await startTcpProxy(names.map((n) => nodes[n]!.port));
    proxies.push(proxy);
    return proxy;
  };
  const openDoc = (url: string, person: Person, name = clauseDoc) => {
    const client = collabClient(url, name, { token: tokens.get(person)! });
    collab.push(client);
    return client;
  };
  const tab = async (url: string, person: Person, rejoin?: { sessionId?: string; trajectoryId?: string }) => {
    const t = await openTab(url, tokens.get(person)!, rejoin);
    tabs.push(t);
    return t;
  };
  const api = (node: RunningServer, person: Person): ApiClient => apiClient(node, tokens.get(person));

  beforeAll(async () => {
    redis = await startRedis();
    // One node seeds the demo data; the other starts on the same database once it is there.
    await startNode('a', true);
    await startNode('b');
    for (const person of ['procurement', 'municipality', 'provider', 'facilitator', 'observer'] as Person[]) {
      tokens.set(person, (await signIn(nodes.a!, demoEmails[person])).token!);
    }
    ids = await demoTrajectoryIds(await signIn(nodes.b!, demoEmails.admin));
    const agreement = await api(nodes.b!, 'procurement').get(`/trajectories/${ids.ijmond}/agreement`);
    expect(agreement.status, agreement.text).toBe(200);
    const clause = (agreement.body.chapters as Array<{ clauses: Array<{ id: string; title: string }> }>).flatMap((c) => c.clauses).find((c) => c.title === waitingTitle)!;
    clauseDoc = clauseDocumentName(ids.ijmond, clause.id);
  }, 240_000);
  afterEach((context) => {
    // A failure across nodes is read from their logs: show the last lines of each.
    if (context.task.result?.state === 'fail') {
      for (const [name, node] of Object.entries(nodes)) console.error(`node ${name}, last log lines:\n${node.output().split('\n').slice(-40).join('\n')}`);
    }
    for (const c of collab.splice(0)) c.destroy();
    for (const t of tabs.splice(0)) t.socket.disconnect();
  });
  afterAll(async () => {
    for (const p of proxies) await p.close();
    for (const node of Object.values(nodes)) await node.stop();
    await redis?.stop();
  });

  it('starts each node with Redis and says so', () => {
    for (const name of ['a', 'b']) expect(nodes[name]!.logs().some((l) => l.event === 'redis_connected')).toBe(true);
  });

  it('lets two people on different nodes co-edit one clause live, with presence crossing too', async () => {
    const viaA = await proxyTo('a');
    const viaB = await proxyTo('b');
    const provider = openDoc(viaA.url, 'provider');
    const municipality = openDoc(viaB.url, 'municipality');
    await Promise.all([provider.synced, municipality.synced]);
    expect(textOf(provider)).toBe(textOf(municipality));

    firstParagraph(provider).insert(0, 'VAN-A ');
    await waitFor(() => textOf(municipality).includes('VAN-A'), 8000, 'node B to show the edit made on node A');
    firstParagraph(municipality).insert(0, 'VAN-B ');
    await waitFor(() => textOf(provider).includes('VAN-B'), 8000, 'node A to show the edit made on node B');
    // Typing at the same time, keystroke by keystroke, on both nodes: both end with the same text.
    for (const ch of 'abcdefghij') {
      firstParagraph(provider).insert(0, ch);
      firstParagraph(municipality).insert(firstParagraph(municipality).length, ch.toUpperCase());
    }
    await waitFor(() => textOf(provider) === textOf(municipality) && textOf(provider).includes('jihgfedcba') && textOf(provider).includes('ABCDEFGHIJ'), 8000, 'convergence');

    // Presence: the server stamps who someone is, and the other node shows it.
    provider.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await waitFor(
      () => [...municipality.provider.awareness.getStates().values()].some((s) => s.user?.group === 'provider' && s.cursor?.anchor === 1),
      8000,
      'node B to show who is on node A',
    );
    // Leaving shows on the other node too.
    const providerClientId = provider.doc.clientID;
    provider.destroy();
    await waitFor(() => !municipality.provider.awareness.getStates().has(providerClientId), 8000, 'the leaver to be gone on node B');

    // A third person opening the document on node A gets everything, stored or not yet stored.
    const observer = openDoc(viaA.url, 'observer');
    await observer.synced;
    await waitFor(() => textOf(observer) === textOf(municipality), 8000, 'a late joiner on node A to have the whole text');
  });

  it('applies an access change made on one node to connections on the other', async () => {
    const viaA = await proxyTo('a');
    const viaB = await proxyTo('b');
    const provider = openDoc(viaB.url, 'provider');
    const observer = openDoc(viaA.url, 'observer');
    await Promise.all([provider.synced, observer.synced]);
    const clauseId = clauseDoc.split('/')[3]!;
    const fixed = await api(nodes.a!, 'procurement').patch(`/trajectories/${ids.ijmond}/agreement/clauses/${clauseId}`, { status: 'fixed' });
    expect(fixed.status, fixed.text).toBe(200);
    try {
      firstParagraph(provider).insert(0, 'NA-VASTSTELLEN ');
      await waitFor(() => provider.denied.includes('read-only'), 8000, 'node B to refuse the write after a change made on node A');
      await new Promise((r) => setTimeout(r, 300));
      expect(textOf(observer)).not.toContain('NA-VASTSTELLEN');
    } finally {
      const reopened = await api(nodes.a!, 'procurement').patch(`/trajectories/${ids.ijmond}/agreement/clauses/${clauseId}`, { status: 'in_dialogue' });
      expect(reopened.status, reopened.text).toBe(200);
    }
  });

  it('ends a sign-out on every node: a socket on node B closes when its person signs out on node A', async () => {
    const observer = await signIn(nodes.b!, demoEmails.observer);
    const viaB = await proxyTo('b');
    const t = await openTab(viaB.url, observer.token!);
    const disconnected = new Promise<string>((resolve) => t.socket.once('disconnect', (reason) => resolve(reason)));
    expect((await apiClient(nodes.a!, observer.token).post('/auth/logout')).status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
  });

  it('holds a sign-in limit across nodes: attempts on both count together', async () => {
    // Ten attempts per account per 15 minutes: five on each node use them up for both.
    for (const node of [nodes.a!, nodes.b!, nodes.a!, nodes.b!, nodes.a!, nodes.b!, nodes.a!, nodes.b!, nodes.a!, nodes.b!]) {
      expect((await apiClient(node).post('/auth/login', { email: demoEmails.client, password: 'fout-wachtwoord' })).status).toBe(401);
    }
    for (const node of [nodes.a!, nodes.b!]) {
      const res = await apiClient(node).post('/auth/login', { email: demoEmails.client, password: 'fout-wachtwoord' });
      expect(res.status, res.text).toBe(429);
      expect(res.body.error.code).toBe('rate_limited');
    }
  });

  it('shares the live table: presence, agenda moves, polls, ballots, tallies and trajectory changes cross nodes', async () => {
    const viaA = await proxyTo('a');
    const viaB = await proxyTo('b');
    const listener = await tab(viaB.url, 'observer');
    expect((await listener.emit('trajectory:join', { trajectoryId: ids.ijmond })).ok).toBe(true);

    const topics = await api(nodes.a!, 'procurement').get(`/trajectories/${ids.ijmond}/topics`);
    const created = await api(nodes.a!, 'procurement').post(`/trajectories/${ids.ijmond}/sessions`, {
      title: 'Dialoogsessie over twee servers',
      startsAt: new Date().toISOString(),
      location: 'Stadhuis Haarlem',
      agenda: topics.body.slice(0, 3).map((t: { id: string }) => ({ topicId: t.id, minutes: 20 })),
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
    });
    expect(created.status, created.text).toBe(201);
    const sessionId = created.body.id as string;
    liveSessionId = sessionId;
    await waitFor(() => listener.changes.some((c) => c.trajectoryId === ids.ijmond && c.what === 'sessions'), 8000, 'trajectory:changed from node A on node B');

    const facilitator = await tab(viaA.url, 'facilitator');
    const provider = await tab(viaB.url, 'provider');
    const municipality = await tab(viaA.url, 'municipality');
    for (const t of [facilitator, provider, municipality]) expect((await t.emit('session:join', { sessionId })).ok).toBe(true);
    await waitFor(() => facilitator.state?.presence.length === 3 && provider.state?.presence.length === 3, 8000, 'everyone present on both nodes');

    expect((await facilitator.emit('session:start', { sessionId })).ok).toBe(true);
    expect((await facilitator.emit('agenda:next', { sessionId })).ok).toBe(true);
    await waitFor(() => provider.state?.session.status === 'live' && provider.state.currentIndex === 1, 8000, 'the agenda move on node B');

    const opened = await facilitator.emit<{ pollId: string }>('poll:open', { sessionId, settings: { kind: 'consent', question: 'Akkoord met de wachttijden?' } });
    expect(opened.ok).toBe(true);
    await waitFor(() => provider.state?.polls.some((p) => p.id === opened.pollId && p.status === 'open') === true, 8000, 'the poll on node B');
    const [byProvider, byMunicipality] = await Promise.all([
      provider.emit('poll:cast', { pollId: opened.pollId, choice: { kind: 'consent', option: 'agree' } }),
      municipality.emit('poll:cast', { pollId: opened.pollId, choice: { kind: 'consent', option: 'object', reason: 'te lang' } }),
    ]);
    expect([byProvider.ok, byMunicipality.ok]).toEqual([true, true]);
    for (const t of [facilitator, provider, municipality]) {
      await waitFor(() => t.state?.polls.find((p) => p.id === opened.pollId)?.result?.ballots === 2, 8000, 'both ballots counted on every node');
      const result = t.state!.polls.find((p) => p.id === opened.pollId)!.result!;
      expect(result.turnout.provider?.voted).toBe(1);
      expect(result.turnout.municipality?.voted).toBe(1);
    }
    // A second ballot of the same person, through the other node, replaces the first: still two.
    const viaOther = await tab(viaA.url, 'provider');
    expect((await viaOther.emit('session:join', { sessionId })).ok).toBe(true);
    expect((await viaOther.emit('poll:cast', { pollId: opened.pollId, choice: { kind: 'consent', option: 'object', reason: 'toch niet' } })).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    for (const t of [facilitator, provider]) {
      await waitFor(() => t.state?.polls.find((p) => p.id === opened.pollId)?.result?.consent?.objections === 2, 8000, 'the changed ballot on every node');
      expect(t.state!.polls.find((p) => p.id === opened.pollId)!.result!.ballots).toBe(2);
    }
  }, 60_000);

  it('catches up after Redis was away: edits made meanwhile on both nodes meet again', async () => {
    const viaA = await proxyTo('a');
    const viaB = await proxyTo('b');
    const onA = openDoc(viaA.url, 'provider');
    const onB = openDoc(viaB.url, 'municipality');
    await Promise.all([onA.synced, onB.synced]);
    await redis.stop();
    firstParagraph(onA).insert(0, 'TIJDENS-STORING-A ');
    firstParagraph(onB).insert(0, 'TIJDENS-STORING-B ');
    // Deleting shows in no state vector: it must cross all the same.
    const paragraph = firstParagraph(onB);
    const deleteAt = paragraph.toString().indexOf('VAN-A ');
    expect(deleteAt).toBeGreaterThanOrEqual(0);
    paragraph.delete(deleteAt, 'VAN-A '.length);
    await new Promise((r) => setTimeout(r, 500));
    await redis.start();
    await waitFor(
      () => textOf(onA) === textOf(onB) && textOf(onA).includes('TIJDENS-STORING-B') && textOf(onB).includes('TIJDENS-STORING-A') && !textOf(onA).includes('VAN-A'),
      20_000,
      'both nodes to converge after Redis is back',
    );
    // And the rooms work again: a live-table change crosses.
    const listener = await tab(viaB.url, 'observer');
    expect((await listener.emit('trajectory:join', { trajectoryId: ids.ijmond })).ok).toBe(true);
    const clauseId = clauseDoc.split('/')[3]!;
    expect((await api(nodes.a!, 'procurement').patch(`/trajectories/${ids.ijmond}/agreement/clauses/${clauseId}`, { status: 'in_dialogue' })).status).toBe(200);
    await waitFor(() => listener.changes.some((c) => c.what === 'agreement'), 15_000, 'a trajectory change across nodes after the outage');
  }, 60_000);

  it('moves the clients of a stopped node (SIGTERM) to the other node without losing anything', async () => {
    const preferA = await proxyTo('a', 'b');
    const viaB = await proxyTo('b');
    const onA = openDoc(preferA.url, 'provider');
    const onB = openDoc(viaB.url, 'municipality');
    await Promise.all([onA.synced, onB.synced]);
    const facilitator = await tab(preferA.url, 'facilitator');
    const live = { id: liveSessionId };
    const rejoining = await tab(preferA.url, 'provider', { sessionId: live.id });
    await rejoining.emit('session:join', { sessionId: live.id });
    await facilitator.emit('session:join', { sessionId: live.id });

    for (let i = 0; i < 20; i++) firstParagraph(onA).insert(0, `a${i} `);
    await waitFor(() => textOf(onB).includes('a19 '), 8000, 'node B to have the edits of node A');

    expect(await nodes.a!.stop('SIGTERM')).toBe(0);
    await waitFor(() => collabConnected(onA), 15_000, 'the client of node A to reconnect to node B');
    expect(textOf(onA)).toBe(textOf(onB));
    firstParagraph(onA).insert(0, 'NA-OVERSTAP ');
    await waitFor(() => textOf(onB).includes('NA-OVERSTAP'), 8000, 'the moved client to edit on node B');
    for (let i = 0; i < 20; i++) expect(textOf(onB)).toContain(`a${i} `);

    // The live table follows: the moved tab is on node B, present, with the state as it was.
    await waitFor(() => rejoining.socket.connected && rejoining.state?.currentIndex === 1, 15_000, 'the moved tab to rejoin on node B');
    await waitFor(() => rejoining.state?.presence.some((p) => p.group === 'provider') === true, 8000, 'presence after the move');
    expect((await rejoining.emit('queue:raise', { sessionId: live.id })).ok).toBe(true);
    await waitFor(() => rejoining.state?.queue.length === 1, 8000, 'a raised hand after the move');
  }, 60_000);

  it('moves the clients of a crashed node (SIGKILL) and keeps their edits, also after every node restarted', async () => {
    await startNode('c');
    const preferC = await proxyTo('c', 'b');
    const viaB = await proxyTo('b');
    const onC = openDoc(preferC.url, 'provider');
    const onB = openDoc(viaB.url, 'municipality');
    await Promise.all([onC.synced, onB.synced]);
    for (let i = 0; i < 20; i++) firstParagraph(onC).insert(0, `c${i} `);
    await waitFor(() => textOf(onB).includes('c19 '), 8000, 'node B to have the edits of node C');

    await nodes.c!.kill();
    await waitFor(() => collabConnected(onC), 15_000, 'the client of the crashed node to reconnect to node B');
    firstParagraph(onC).insert(0, 'NA-CRASH ');
    await waitFor(() => textOf(onB).includes('NA-CRASH'), 8000, 'the moved client to edit on node B');
    const expected = textOf(onB);
    for (let i = 0; i < 20; i++) expect(expected).toContain(`c${i} `);

    // Stored, not only in node B's memory: stop B as well and read the clause from a fresh node.
    for (const c of collab.splice(0)) c.destroy();
    expect(await nodes.b!.stop('SIGTERM')).toBe(0);
    await startNode('d');
    const fresh = openDoc(nodes.d!.url, 'observer');
    await fresh.synced;
    expect(textOf(fresh)).toBe(expected);
  }, 240_000);
});
