import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveState, PollView } from '../../shared/schemas/sessions';
import { signIn, sessionCookieName, type ApiClient } from '../helpers/api-client';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

/** A tab in the live table that keeps every `poll:tally` and the latest `session:state`. */
interface Tab {
  socket: Socket;
  tallies: PollView[];
  state: LiveState | null;
  emit<T = Record<string, unknown>>(event: string, payload: unknown): Promise<T & { ok: boolean; error?: { code: string } }>;
}

async function openTab(server: RunningServer, client: ApiClient): Promise<Tab> {
  const socket = io(server.url, { transports: ['websocket'], extraHeaders: { cookie: `${sessionCookieName}=${client.token}` }, reconnection: false });
  const tab: Tab = { socket, tallies: [], state: null, emit: (event, payload) => socket.timeout(5000).emitWithAck(event, payload) };
  socket.on('poll:tally', (poll: PollView) => tab.tallies.push(poll));
  socket.on('session:state', (state: LiveState) => (tab.state = state));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return tab;
}

describe('ballots in a live session reach the room as the poll’s tally', () => {
  let server: RunningServer;
  let sessionId: string;
  const clients: Record<string, ApiClient> = {};
  const tabs: Tab[] = [];
  const tab = async (who: string) => {
    const t = await openTab(server, clients[who]!);
    tabs.push(t);
    expect((await t.emit('session:join', { sessionId })).ok).toBe(true);
    return t;
  };

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' }, timeoutMs: 90_000 });
    for (const who of ['inkoop', 'facilitator', 'aanbieder', 'gemeente']) clients[who] = await signIn(server, `${who}@dialoogtafel.example`);
    const trajectoryId = (await clients.aanbieder!.get('/trajectories')).body[0]!.id;
    const created = await clients.inkoop!.post(`/trajectories/${trajectoryId}/sessions`, {
      title: 'Tellingen',
      startsAt: new Date().toISOString(),
      location: 'Online',
      agenda: [],
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
    });
    expect(created.status).toBe(201);
    sessionId = created.body.id;
  });
  afterAll(async () => {
    for (const t of tabs) t.socket.disconnect();
    await server?.stop();
  });

  it('sends the counted poll after ballots, follows a changed ballot, and stops at closing', async () => {
    const facilitator = await tab('facilitator');
    const provider = await tab('aanbieder');
    const municipality = await tab('gemeente');
    expect((await facilitator.emit('session:start', { sessionId })).ok).toBe(true);
    const { pollId } = await facilitator.emit<{ pollId: string }>('poll:open', { sessionId, settings: { kind: 'consent', question: 'Akkoord met de tekst?', anonymous: true } });
    const latest = () => facilitator.tallies.filter((p) => p.id === pollId).at(-1);

    expect((await provider.emit('poll:cast', { pollId, choice: { kind: 'consent', option: 'object', reason: 'te vaag' } })).ok).toBe(true);
    await waitFor(() => latest()?.result?.ballots === 1, 5000, 'a tally of one ballot');
    expect(latest()!.status).toBe('open');
    expect(latest()!.result!.consent).toEqual({ reached: true, blocks: 0, objections: 1 });

    expect((await municipality.emit('poll:cast', { pollId, choice: { kind: 'consent', option: 'agree' } })).ok).toBe(true);
    await waitFor(() => latest()?.result?.ballots === 2, 5000, 'a tally of two ballots');
    // Everyone in the room gets it, the voters too.
    await waitFor(() => provider.tallies.some((p) => p.id === pollId && p.result?.ballots === 2), 5000, 'the provider sees two ballots');

    // A changed ballot replaces the voter's earlier one: still two ballots, no objection left.
    expect((await provider.emit('poll:cast', { pollId, choice: { kind: 'consent', option: 'agree' } })).ok).toBe(true);
    await waitFor(() => latest()?.result?.consent?.objections === 0, 5000, 'the objection withdrawn');
    expect(latest()!.result!.ballots).toBe(2);

    // Once ballots settle, the whole table carries the same count.
    await waitFor(() => facilitator.state?.polls.find((p) => p.id === pollId)?.result?.ballots === 2, 5000, 'the whole table follows');

    expect((await facilitator.emit('poll:close', { pollId })).ok).toBe(true);
    await waitFor(() => facilitator.state?.polls.find((p) => p.id === pollId)?.status === 'closed', 5000, 'closed for everyone');
    const afterClosing = facilitator.tallies.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(facilitator.tallies.slice(afterClosing).filter((p) => p.id === pollId)).toEqual([]);
  });

  it('sends no tally while results stay hidden until closing', async () => {
    const facilitator = await tab('facilitator');
    const provider = await tab('aanbieder');
    const { pollId } = await facilitator.emit<{ pollId: string }>('poll:open', { sessionId, settings: { kind: 'consent', question: 'Verborgen tot het einde?', resultsVisibility: 'after_close' } });
    expect((await provider.emit('poll:cast', { pollId, choice: { kind: 'consent', option: 'agree' } })).ok).toBe(true);
    // The table still follows the ballot (nothing of its result shows), and no tally is sent.
    await new Promise((r) => setTimeout(r, 2000));
    expect(facilitator.tallies.filter((p) => p.id === pollId)).toEqual([]);
    expect(facilitator.state?.polls.find((p) => p.id === pollId)?.result).toBeNull();
  });
});
