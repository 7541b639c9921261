import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveState, PollView } from '../../shared/schemas/sessions';
import { apiClient, demoEmails, expectError, ijmondName, sessionCookieName, signIn, type ApiClient } from '../helpers/api-client';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

interface Tab {
  socket: Socket;
  state: LiveState | null;
  emit<T = Record<string, unknown>>(event: string, payload: unknown): Promise<T & { ok: boolean; error?: { code: string } }>;
}

async function openTab(server: RunningServer, client: ApiClient): Promise<Tab> {
  const socket = io(server.url, { transports: ['websocket'], extraHeaders: { cookie: `${sessionCookieName}=${client.token}` }, reconnection: false });
  const tab: Tab = { socket, state: null, emit: (event, payload) => socket.timeout(5000).emitWithAck(event, payload) };
  socket.on('session:state', (state: LiveState) => (tab.state = state));
  socket.on('poll:tally', (poll: PollView) => {
    if (tab.state) tab.state = { ...tab.state, polls: tab.state.polls.map((p) => (p.id === poll.id ? poll : p)) };
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return tab;
}

/**
 * Bundled voices (issue 19 items 3 and 4): provider kinds in the results, mandates that count as
 * the session declares and stop counting the moment they are revoked, and a mediation request
 * whose confidential thread the procurement team cannot read. Every step refuses who may not.
 */
describe('mandates, provider kinds and mediation', () => {
  let server: RunningServer;
  let t: string;
  let sessionId: string;
  const c: Record<string, ApiClient> = {};
  const tabs: Tab[] = [];
  const orgId = new Map<string, string>();

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' }, timeoutMs: 90_000 });
    const people = { ...demoEmails, coop: 'jeroen.smit@dialoogtafel.example', practitioner: 'marieke.dekker@dialoogtafel.example', middenProvider: 'noor.jansen@dialoogtafel.example' };
    for (const [who, email] of Object.entries(people)) c[who] = await signIn(server, email);
    t = (await c.admin!.get('/trajectories')).body.find((x: { name: string }) => x.name === ijmondName).id;
    for (const m of (await c.procurement!.get(`/trajectories/${t}/members`)).body) orgId.set(m.organisation.name, m.organisation.id);
    const created = await c.procurement!.post(`/trajectories/${t}/sessions`, {
      title: 'Stemmen met mandaat',
      startsAt: new Date().toISOString(),
      location: 'Online',
      agenda: [],
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
    });
    expect(created.status, created.text).toBe(201);
    sessionId = created.body.id;
  });
  afterAll(async () => {
    for (const tab of tabs) tab.socket.disconnect();
    await server?.stop();
  });

  const coopId = () => orgId.get('Coöperatie Vrijgevestigden Jeugd Noord-Holland')!;
  const institutionId = () => orgId.get('Jeugdzorg Kennemerland Plus')!;

  it('sets a provider organisation’s kind for the procurement team only', async () => {
    const path = `/trajectories/${t}/organisations/${institutionId()}/provider-kind`;
    expectError(await c.provider!.put(path, { providerKind: 'cooperative' }), 403, 'forbidden');
    expectError(await c.procurement!.put(path, { providerKind: 'large' }), 400, 'validation_failed');
    expectError(await c.middenProvider!.put(path, { providerKind: 'institution' }), 404, 'not_found');
    const set = await c.procurement!.put(path, { providerKind: 'institution' });
    expect(set.status, set.text).toBe(200);
    expect(set.body.providerKind).toBe('institution');
  });

  it('lets only a cooperative’s member register mandates, and counts them as the session declares; a revoked mandate stops counting at once', async () => {
    const grant = (client: ApiClient, organisationId: string, name: string, extra: Record<string, unknown> = {}) =>
      client.post(`/trajectories/${t}/mandates`, { organisationId, practitioner: { name, ...extra }, scopes: ['speak', 'vote'] });
    // Refusals: a role that may not, another organisation, an organisation that is no cooperative, bad input, no seat.
    expectError(await grant(c.municipality!, coopId(), 'Praktijk A'), 403, 'forbidden');
    expectError(await grant(c.provider!, coopId(), 'Praktijk A'), 403, 'forbidden');
    const notCoop = await grant(c.provider!, institutionId(), 'Praktijk A');
    expectError(notCoop, 409, 'conflict');
    expectError(await grant(c.coop!, coopId(), 'Praktijk A', { kvk: '12' }), 400, 'validation_failed');
    expectError(await grant(c.middenProvider!, coopId(), 'Praktijk A'), 404, 'not_found');

    const first = await grant(c.coop!, coopId(), 'Praktijk De Linde', { kvk: '12345678', email: demoEmails.provider.replace('aanbieder', 'marieke.dekker') });
    expect(first.status, first.text).toBe(201);
    expect(first.body.practitioner.hasAccount).toBe(true);
    for (const name of ['Praktijk Duinzicht', 'Praktijk Het Spaarne']) expect((await grant(c.coop!, coopId(), name)).status).toBe(201);

    const overview = await c.observer!.get(`/trajectories/${t}/mandates`);
    expect(overview.status).toBe(200);
    expect(overview.body.holders).toEqual([expect.objectContaining({ organisation: expect.objectContaining({ id: coopId(), providerKind: 'cooperative' }), counts: { speak: 3, comment: 0, vote: 3 } })]);

    // The session's rule: the procurement team declares it; nobody else.
    const rulePath = `/trajectories/${t}/sessions/${sessionId}/mandate-rule`;
    expectError(await c.coop!.put(rulePath, { mandateRule: 'per_practice' }), 403, 'forbidden');
    expectError(await c.procurement!.put(rulePath, { mandateRule: 'per_vote' }), 400, 'validation_failed');
    const declared = await c.procurement!.put(rulePath, { mandateRule: 'per_practice' });
    expect(declared.status, declared.text).toBe(200);

    const tab = async (client: ApiClient) => {
      const opened = await openTab(server, client);
      tabs.push(opened);
      expect((await opened.emit('session:join', { sessionId })).ok).toBe(true);
      return opened;
    };
    const facilitator = await tab(c.facilitator!);
    const coop = await tab(c.coop!);
    const institution = await tab(c.provider!);
    const mediator = await tab(c.intermediair!);
    expect((await facilitator.emit('session:start', { sessionId })).ok).toBe(true);
    const { pollId } = await facilitator.emit<{ pollId: string }>('poll:open', {
      sessionId,
      settings: { kind: 'single_choice', question: 'Welke variant?', anonymous: false, options: [{ id: 'a', label: 'Variant A' }, { id: 'b', label: 'Variant B' }] },
    });
    expect(pollId).toBeTruthy();
    const poll = () => facilitator.state?.polls.find((p) => p.id === pollId);
    const score = (option: string) => poll()?.result?.options.find((o) => o.optionId === option)?.score;

    expect((await coop.emit('poll:cast', { pollId, choice: { kind: 'single_choice', option: 'a' } })).ok).toBe(true);
    expect((await institution.emit('poll:cast', { pollId, choice: { kind: 'single_choice', option: 'b' } })).ok).toBe(true);
    // The mediator takes part in the session but never votes.
    const refused = await mediator.emit('poll:cast', { pollId, choice: { kind: 'single_choice', option: 'b' } });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('forbidden');

    // One vote per mandating practice: the cooperative's ballot counts three times.
    await waitFor(() => score('a') === 3 && score('b') === 1, 10_000, 'the cooperative counted per practice');
    const result = poll()!.result!;
    expect(result.ballots).toBe(2);
    expect(result.mandates).toEqual({ rule: 'per_practice', applied: true, extraVotes: 2, ballotsWithMandates: 1 });
    expect(result.byProviderKind).toEqual({ a: { cooperative: 3 }, b: { institution: 1 } });
    expect(result.turnoutByProviderKind).toEqual(expect.objectContaining({ cooperative: { eligible: 1, voted: 1 }, institution: { eligible: 1, voted: 1 }, independent: { eligible: 1, voted: 0 } }));

    // Revoking: not an observer, not someone outside the trajectory, not another provider; the practitioner themselves may.
    const mandateId = first.body.id as string;
    const revokePath = `/trajectories/${t}/mandates/${mandateId}/revoke`;
    expectError(await c.observer!.post(revokePath, {}), 403, 'forbidden');
    expectError(await c.provider!.post(revokePath, {}), 403, 'forbidden');
    expectError(await c.middenProvider!.post(revokePath, {}), 404, 'not_found');
    expectError(await apiClient(server).post(revokePath, {}), 401, 'unauthenticated');
    const revoked = await c.practitioner!.post(revokePath, { reason: 'Ik spreek zelf' });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body.revokedAt).toBeTruthy();
    expectError(await c.coop!.post(revokePath, {}), 409, 'conflict');
    // At once, in the open poll's live tally: two practices left.
    await waitFor(() => score('a') === 2, 10_000, 'the revoked mandate no longer counts');

    // The cooperative revokes another one itself; the procurement team could too.
    const others = (await c.coop!.get(`/trajectories/${t}/mandates`)).body.mandates.filter((m: { revokedAt: string | null }) => !m.revokedAt);
    expect((await c.procurement!.post(`/trajectories/${t}/mandates/${others[0].id}/revoke`, {})).status).toBe(200);
    await waitFor(() => score('a') === 1, 10_000, 'the second revocation counts at once');

    // One vote: the declared rule changes what the ballot counts for, and the result says so.
    expect((await c.procurement!.put(rulePath, { mandateRule: 'one_vote' })).status).toBe(200);
    await waitFor(() => poll()?.result?.mandates?.rule === 'one_vote', 10_000, 'the rule shown with the result');
    expect(score('a')).toBe(1);

    // The frozen result at closing carries the rule and the breakdown.
    const closed = await facilitator.emit<{ result: { mandates: unknown; byProviderKind: unknown } }>('poll:close', { pollId });
    expect(closed.ok).toBe(true);
    await waitFor(() => poll()?.status === 'closed', 10_000, 'closed');
    expect(poll()!.result!.mandates?.rule).toBe('one_vote');
    expect(poll()!.result!.byProviderKind).toEqual({ a: { cooperative: 1 }, b: { institution: 1 } });

    // Every step is in the audit log.
    const audit = await c.procurement!.get(`/trajectories/${t}/audit`);
    const actions = (audit.body.items ?? audit.body).map((e: { action: string }) => e.action);
    for (const action of ['mandate.grant', 'mandate.revoke', 'mandate.rule', 'organisation.provider_kind']) expect(actions).toContain(action);
  });

  it('keeps the mediation thread between the mediator and the providers who asked', async () => {
    const list = `/trajectories/${t}/mediation`;
    // Who may file: either side; not the municipality, the observer, the client representative.
    for (const who of ['municipality', 'observer', 'client', 'intermediair']) expectError(await c[who]!.post(list, { issue: 'x' }), 403, 'forbidden');
    expectError(await c.middenProvider!.post(list, { issue: 'x' }), 404, 'not_found');
    expectError(await c.practitioner!.post(list, { issue: '' }), 400, 'validation_failed');
    const filed = await c.practitioner!.post(list, { issue: 'De nieuwe toelatingseisen sluiten vrijgevestigden uit.' });
    expect(filed.status, filed.text).toBe(201);
    const id = filed.body.id as string;
    const r = `${list}/${id}`;
    expect((await c.procurement!.post(list, { issue: 'Wij willen het gesprek met de vrijgevestigden openen.' })).status).toBe(201);

    expectError(await c.procurement!.post(`${r}/join`, {}), 403, 'forbidden');
    expect((await c.coop!.post(`${r}/join`, {})).status).toBe(200);

    // Only a platform administrator seats the mediator.
    expectError(await c.procurement!.post(`${r}/seat`, { email: demoEmails.intermediair }), 403, 'forbidden');
    expectError(await c.intermediair!.post(`${r}/seat`, { email: demoEmails.intermediair }), 403, 'forbidden');
    expectError(await c.admin!.post(`${r}/seat`, { email: demoEmails.procurement }), 409, 'conflict');
    const seated = await c.admin!.post(`${r}/seat`, { email: demoEmails.intermediair });
    expect(seated.status, seated.text).toBe(200);
    expect(seated.body.status).toBe('seated');

    // The confidential thread: the providers who asked and the mediator write and read it.
    expect((await c.practitioner!.post(`${r}/messages`, { text: 'Vertrouwelijk: wij overwegen juridische stappen.' })).status).toBe(201);
    expect((await c.intermediair!.post(`${r}/messages`, { text: 'Dank; ik spreek eerst met de regio.' })).status).toBe(201);
    const read = await c.coop!.get(`${r}/messages`);
    expect(read.status).toBe(200);
    expect(read.body.map((m: { text: string }) => m.text)).toEqual(['Vertrouwelijk: wij overwegen juridische stappen.', 'Dank; ik spreek eerst met de regio.']);
    // Nobody else: not the procurement team, not the municipality, the facilitator, another provider, nor a platform administrator.
    for (const who of ['procurement', 'municipality', 'facilitator', 'provider', 'observer', 'admin']) {
      expectError(await c[who]!.get(`${r}/messages`), 403, 'forbidden');
      expectError(await c[who]!.post(`${r}/messages`, { text: 'meelezen?' }), 403, 'forbidden');
    }
    expectError(await c.middenProvider!.get(`${r}/messages`), 404, 'not_found');
    // The procurement team's view of the request says it may not read the thread, and carries no text of it.
    const seen = await c.procurement!.get(list);
    expect(seen.status).toBe(200);
    expect(seen.text).not.toContain('juridische stappen');
    expect(seen.body.find((x: { id: string }) => x.id === id).may.readThread).toBe(false);

    // Closing: the mediator, with an outcome both sides read.
    expectError(await c.procurement!.post(`${r}/close`, { outcome: 'Klaar' }), 403, 'forbidden');
    expectError(await c.practitioner!.post(`${r}/close`, { outcome: 'Klaar' }), 403, 'forbidden');
    expectError(await c.intermediair!.post(`${r}/close`, { outcome: '' }), 400, 'validation_failed');
    const closed = await c.intermediair!.post(`${r}/close`, { outcome: 'De regio past de toelatingseisen aan; de coöperatie schuift aan bij de dialoog.' });
    expect(closed.status, closed.text).toBe(200);
    for (const who of ['procurement', 'practitioner']) {
      const after = (await c[who]!.get(list)).body.find((x: { id: string }) => x.id === id);
      expect(after.status).toBe('closed');
      expect(after.outcome).toContain('toelatingseisen aan');
    }
    expectError(await c.practitioner!.post(`${r}/messages`, { text: 'nog iets' }), 409, 'conflict');
  });
});
