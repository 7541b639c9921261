import type { Connection } from 'mongoose';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, sessionCookieName, signIn, type ApiClient } from '../helpers/api-client';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

/**
 * Closed sessions (besloten sessies): a session for client representatives and the procurement
 * team only. Someone it does not invite — here a provider — is refused on every road and sees
 * its date and "besloten sessie", nothing more.
 */
describe('a closed session', () => {
  let server: RunningServer;
  let db: Connection;
  let t: string;
  let sessionId: string;
  let pollId: string;
  let reportId: string;
  const title = `Besloten tafel ${Date.now()}`;
  const place = 'Kamer 4, Stadhuis Haarlem';
  const c: Record<string, ApiClient> = {};
  const sockets: Socket[] = [];

  const socketOf = async (client: ApiClient): Promise<Socket> => {
    const socket = io(server.url, { transports: ['websocket'], extraHeaders: { cookie: `${sessionCookieName}=${client.token}` }, reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  };
  const emit = (socket: Socket, event: string, payload: unknown) =>
    socket.timeout(10_000).emitWithAck(event, payload) as Promise<{ ok: boolean; error?: { code: string; fields?: Record<string, string> } } & Record<string, unknown>>;

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    db = await connectDatabase(server);
    for (const who of ['inkoop', 'facilitator', 'aanbieder', 'client', 'gemeente']) c[who] = await signIn(server, `${who}@dialoogtafel.example`);
    t = (await c.aanbieder!.get('/trajectories')).body[0]!.id;
    const topics = await c.inkoop!.get(`/trajectories/${t}/topics`);
    const created = await c.inkoop!.post(`/trajectories/${t}/sessions`, {
      title,
      startsAt: new Date(Date.now() + 60_000).toISOString(),
      location: place,
      agenda: topics.body.slice(0, 1).map((x: { id: string }) => ({ topicId: x.id, minutes: 20 })),
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
      audience: { groups: ['client'], userIds: [] },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.audience).toEqual({ groups: ['client'], people: [] });
    sessionId = created.body.id;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await db?.close();
    await server?.stop();
  });

  it('refuses a closed session that invites nobody, with a message code', async () => {
    const empty = await c.inkoop!.post(`/trajectories/${t}/sessions`, {
      title: 'Niemand',
      startsAt: new Date(Date.now() + 60_000).toISOString(),
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges' },
      audience: { groups: [], userIds: [] },
    });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('sessions.form.errors.audienceEmpty');
  });

  it('shows an uninvited provider its date and "besloten sessie" only, in the list and on its page', async () => {
    const one = await c.aanbieder!.get(`/sessions/${sessionId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: sessionId, hidden: true, title: '', location: '', agenda: [], audience: null });
    expect(one.body.startsAt).toBeTruthy();
    const list = await c.aanbieder!.get(`/trajectories/${t}/sessions`);
    const listed = list.body.find((s: { id: string }) => s.id === sessionId);
    expect(listed).toMatchObject({ hidden: true, title: '' });
    for (const text of [one.text, list.text]) {
      expect(text).not.toContain(title);
      expect(text).not.toContain(place);
    }
    // The invited see everything.
    const client = await c.client!.get(`/sessions/${sessionId}`);
    expect(client.body).toMatchObject({ hidden: false, title, location: place });
  });

  it('keeps it out of the uninvited provider’s calendar and mail', async () => {
    expect((await c.aanbieder!.get(`/sessions/${sessionId}/calendar.ics`)).status).toBe(403);
    const feed = await fetch(`${server.url}/api/trajectories/${t}/sessions.ics`, { headers: { cookie: `${sessionCookieName}=${c.aanbieder!.token}` } });
    expect(feed.status).toBe(200);
    expect(await feed.text()).not.toContain(title);
    const clientFeed = await fetch(`${server.url}/api/trajectories/${t}/sessions.ics`, { headers: { cookie: `${sessionCookieName}=${c.client!.token}` } });
    expect(await clientFeed.text()).toContain(title);

    // The planning was told to those invited (queued in the write that created it), never to the provider.
    const providerId = (await c.aanbieder!.get('/me')).body.user.id as string;
    const clientId = (await c.client!.get('/me')).body.user.id as string;
    const mentions = async () => {
      const found: string[] = [];
      for (const { name } of await db.db!.listCollections().toArray()) {
        if (!name.startsWith('notification')) continue;
        for (const doc of await db.collection(name).find({}).toArray()) if (JSON.stringify(doc).includes(title)) found.push(JSON.stringify(doc));
      }
      return found;
    };
    await waitFor(async () => (await mentions()).some((d) => d.includes(clientId)), 10_000, 'the client representative told of the session');
    expect((await mentions()).filter((d) => d.includes(providerId))).toEqual([]);
  });

  it('refuses the uninvited provider at the table: joining, voting; the invited take part', async () => {
    const provider = await socketOf(c.aanbieder!);
    const join = await emit(provider, 'session:join', { sessionId });
    expect(join.ok).toBe(false);
    expect(join.error?.code).toBe('forbidden');
    expect(join.error?.fields).toEqual({ session: 'not_invited' });

    const opened = await c.inkoop!.post(`/sessions/${sessionId}/polls`, { settings: { kind: 'consent', question: 'Akkoord met de volgorde?' } });
    expect(opened.status, opened.text).toBe(201);
    pollId = opened.body.pollId;
    expect((await c.aanbieder!.post(`/polls/${pollId}/ballot`, { choice: { kind: 'consent', option: 'agree' } })).status).toBe(403);
    expect((await emit(provider, 'poll:cast', { pollId, choice: { kind: 'consent', option: 'agree' } })).error?.code).toBe('forbidden');
    // Nor does a municipality, whose role votes elsewhere: the session does not invite it.
    expect((await c.gemeente!.post(`/polls/${pollId}/ballot`, { choice: { kind: 'consent', option: 'agree' } })).status).toBe(403);
    expect((await c.client!.post(`/polls/${pollId}/ballot`, { choice: { kind: 'consent', option: 'agree' } })).status).toBe(200);

    const client = await socketOf(c.client!);
    const joined = await emit(client, 'session:join', { sessionId });
    expect(joined.ok).toBe(true);
  });

  it('refuses the uninvited provider the report, its exports and its search results; the report says who could attend', async () => {
    const facilitator = await socketOf(c.facilitator!);
    expect((await emit(facilitator, 'session:join', { sessionId })).ok).toBe(true);
    expect((await emit(facilitator, 'session:start', { sessionId })).ok).toBe(true);
    expect((await emit(facilitator, 'session:end', { sessionId })).ok).toBe(true);
    const generated = await c.inkoop!.post(`/trajectories/${t}/sessions/${sessionId}/report`);
    expect(generated.status, generated.text).toBe(201);
    reportId = generated.body.id;
    expect(generated.body.content.audience).toEqual({ groups: ['client'], people: [] });
    expect((await c.inkoop!.put(`/trajectories/${t}/reports/${reportId}/summary`, { summary: `Samenvatting ${title}` })).status).toBe(200);
    expect((await c.inkoop!.post(`/trajectories/${t}/reports/${reportId}/publish`)).status).toBe(200);

    expect((await c.aanbieder!.get(`/trajectories/${t}/sessions/${sessionId}/report`)).status).toBe(403);
    expect((await c.aanbieder!.get(`/trajectories/${t}/reports/${reportId}/verslag.docx`)).status).toBe(403);
    expect((await c.aanbieder!.get(`/trajectories/${t}/reports/${reportId}/verslag.pdf`)).status).toBe(403);
    expect((await c.aanbieder!.get(`/trajectories/${t}/reports/${reportId}/uitslagen.csv`)).status).toBe(403);
    expect((await c.aanbieder!.post(`/trajectories/${t}/reports/${reportId}/comments`, { text: 'Mag ik?', section: null })).status).toBe(403);
    const invited = await c.client!.get(`/trajectories/${t}/sessions/${sessionId}/report`);
    expect(invited.status).toBe(200);
    expect(invited.body.report.content.audience.groups).toEqual(['client']);

    const q = encodeURIComponent('Samenvatting');
    const found = async (who: ApiClient) => JSON.stringify((await who.get(`/trajectories/${t}/search?q=${q}`)).body).includes(reportId);
    await waitFor(() => found(c.client!), 15_000, 'the invited to find the report');
    expect(await found(c.aanbieder!)).toBe(false);
  });
});
