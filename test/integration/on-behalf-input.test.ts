import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollResult } from '../../shared/live-table/polls';
import type { ConsultationDto, ReactionDto } from '../../shared/schemas/consultations';
import type { PollView } from '../../shared/schemas/sessions';
import { todayInAmsterdam } from '../../shared/domain/calendar';
import { demoEmails, demoTrajectoryIds, expectError, sessionCookieName, signIn, type ApiClient } from '../helpers/api-client';
import { freshDatabaseUri, startServer, waitFor, type RunningServer } from '../helpers/server';

/**
 * Input on someone's behalf (issue 16, item 4), beyond comments: a vote in a consultative poll and
 * a reaction in a consultation, recorded by the facilitator for someone without an account. The
 * vote is counted apart ("inbreng namens"), never in a stakeholder group, the outcome or the
 * turnout of members; it is refused for polls that propose or decide, for everyone but the
 * facilitator, for closed polls and for bad input; the log names the facilitator.
 */
describe('input on someone’s behalf: votes and reactions', () => {
  let server: RunningServer;
  let trajectory: string;
  let facilitatorId: string;
  const people = new Map<string, ApiClient>();
  const as = (role: keyof typeof demoEmails) => people.get(role)!;
  const sockets: Socket[] = [];
  let advice: string;
  let decision: string;
  /** Every poll:tally the facilitator's live table received. */
  const tallies: PollView[] = [];

  const options = [
    { id: 'wijk', label: 'Hulp in de wijk' },
    { id: 'school', label: 'Hulp op school' },
  ];
  const openPoll = async (sessionId: string, settings: Record<string, unknown>) => {
    const res = await as('facilitator').post(`/sessions/${sessionId}/polls`, { settings: { kind: 'single_choice', options, ...settings } });
    expect(res.status, res.text).toBe(201);
    return res.body.pollId as string;
  };
  /** Each call a new recording (its own key), unless the body names one. */
  const onBehalf = (client: ApiClient, pollId: string, body: Record<string, unknown>) => client.post(`/polls/${pollId}/ballot/on-behalf`, { recordingId: randomUUID(), ...body });
  /** The first recording as the form sent it, and the ballot it made. */
  let firstRecording: { recordingId: string; onBehalfOf: string; choice: Record<string, unknown> };
  let firstBallotId: string;
  const latest = (pollId: string) => tallies.filter((p) => p.id === pollId).at(-1)?.result ?? null;
  const auditEvents = async () => {
    const res = await as('procurement').get(`${trajectory}/audit`);
    expect(res.status, res.text).toBe(200);
    return res.body as Array<{ action: string; objectId: string; actor: { id: string } | null; summary: Record<string, unknown> }>;
  };

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' }, mongoUri: freshDatabaseUri(), timeoutMs: 90_000 });
    for (const role of ['admin', 'facilitator', 'procurement', 'provider', 'municipality', 'client', 'observer'] as const) people.set(role, await signIn(server, demoEmails[role]));
    trajectory = `/trajectories/${(await demoTrajectoryIds(as('admin'))).ijmond}`;
    facilitatorId = (await as('facilitator').get('/me')).body.user.id;
    const plan = async (title: string, outcomeKind: string) => {
      const res = await as('procurement').post(`${trajectory}/sessions`, { title, startsAt: new Date().toISOString(), location: 'Stadhuis', agenda: [], declaration: { outcomeKind, decidedBy: 'de colleges van B&W' } });
      expect(res.status, res.text).toBe(201);
      return res.body.id as string;
    };
    advice = await plan('Advies van de tafel', 'advice');
    decision = await plan('Besluit aan de tafel', 'decision');
    // The facilitator's live table of the consultative session: it gets the tallies as they change.
    const socket = io(server.url, { transports: ['websocket'], extraHeaders: { cookie: `${sessionCookieName}=${as('facilitator').token}` }, reconnection: false });
    sockets.push(socket);
    socket.on('poll:tally', (poll: PollView) => tallies.push(poll));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    expect((await socket.timeout(10_000).emitWithAck('session:join', { sessionId: advice })).ok).toBe(true);
    expect((await socket.timeout(10_000).emitWithAck('session:start', { sessionId: advice })).ok).toBe(true);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
  });

  let pollId: string;

  it('the facilitator records votes for young people in a consultative poll: counted apart, live, never in a group or the turnout', async () => {
    pollId = await openPoll(advice, { question: 'Waar hoort jeugdhulp thuis?' });
    const member = await as('provider').post(`/polls/${pollId}/ballot`, { choice: { kind: 'single_choice', option: 'wijk' } });
    expect(member.status, member.text).toBe(200);

    const recordingId = randomUUID();
    const first = await onBehalf(as('facilitator'), pollId, { recordingId, onBehalfOf: '  een jongere van Team Ed ', choice: { kind: 'single_choice', option: 'school' } });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ pollId, onBehalfOf: 'een jongere van Team Ed', choice: { option: 'school' } });
    firstRecording = { recordingId, onBehalfOf: 'een jongere van Team Ed', choice: { kind: 'single_choice', option: 'school' } };
    firstBallotId = first.body.ballotId;
    // The answer got lost and the form sends the same recording again: stored once, the same answer.
    const retry = await onBehalf(as('facilitator'), pollId, firstRecording);
    expect(retry.status, retry.text).toBe(201);
    expect(retry.body).toEqual(first.body);
    // The same key with other input is no retry: refused.
    const reused = await onBehalf(as('facilitator'), pollId, { ...firstRecording, choice: { kind: 'single_choice', option: 'wijk' } });
    expectError(reused, 409, 'conflict');
    expect(reused.body.error.fields).toEqual({ recordingId: 'was already used' });
    // Each one is a voice of its own: the same description twice is two votes.
    for (const description of ['een jongere van Team Ed', 'een ouder uit Velsen']) {
      const res = await onBehalf(as('facilitator'), pollId, { onBehalfOf: description, choice: { kind: 'single_choice', option: 'school' } });
      expect(res.status, res.text).toBe(201);
    }

    // The live table follows through the tally, like any ballot.
    await waitFor(() => latest(pollId)?.onBehalf?.ballots === 3, 10_000, 'three votes on behalf in the live tally');
    const live = latest(pollId)!;
    expectApart(live, { members: 1, memberWijk: 1, onBehalfSchool: 3 });
    expect(live.onBehalf!.inputs).toEqual([
      { description: 'een jongere van Team Ed', choice: { kind: 'single_choice', option: 'school' } },
      { description: 'een jongere van Team Ed', choice: { kind: 'single_choice', option: 'school' } },
      { description: 'een ouder uit Velsen', choice: { kind: 'single_choice', option: 'school' } },
    ]);
    // The named ballots list members only.
    const view = tallies.filter((p) => p.id === pollId).at(-1)!;
    expect(view.namedBallots?.map((b) => b.group)).toEqual(['provider']);
  });

  /** The member's ballot decides the outcome alone; the votes on behalf sit only in `onBehalf`. */
  function expectApart(result: PollResult, expected: { members: number; memberWijk: number; onBehalfSchool: number }) {
    expect(result.ballots).toBe(expected.members);
    expect(result.leaders).toEqual(['wijk']);
    expect(result.options.find((o) => o.optionId === 'school')).toMatchObject({ score: 0, voters: 0 });
    expect(result.options.find((o) => o.optionId === 'wijk')).toMatchObject({ score: expected.memberWijk });
    for (const option of result.options) expect(Object.keys(option.byGroup)).not.toContain('on_behalf');
    expect(Object.keys(result.turnout)).not.toContain('on_behalf');
    expect(Object.values(result.turnout).reduce((sum, t) => sum + (t?.voted ?? 0), 0)).toBe(expected.members);
    expect(result.onBehalf).toMatchObject({ ballots: expected.onBehalfSchool, options: [{ optionId: 'wijk', score: 0 }, { optionId: 'school', score: expected.onBehalfSchool, voters: expected.onBehalfSchool }] });
  }

  it('is refused for everyone but the facilitator, for polls that propose or decide, and for bad input; nothing changes', async () => {
    const choice = { kind: 'single_choice', option: 'wijk' };
    for (const role of ['procurement', 'provider', 'municipality', 'client', 'observer'] as const) {
      expectError(await onBehalf(as(role), pollId, { onBehalfOf: 'een jongere van Team Ed', choice }), 403, 'forbidden');
    }
    const decisionPoll = await openPoll(decision, { question: 'Kiezen we voor de wijk?' });
    const refused = await onBehalf(as('facilitator'), decisionPoll, { onBehalfOf: 'een jongere van Team Ed', choice });
    expectError(refused, 409, 'conflict');
    expect(refused.body.error.fields).toEqual({ poll: 'not_consultative' });
    const proposal = await as('procurement').post(`${trajectory}/sessions`, { title: 'Voorstel', startsAt: new Date().toISOString(), location: 'Online', agenda: [], declaration: { outcomeKind: 'proposal', decidedBy: 'het inkoopteam' } });
    expect(proposal.status, proposal.text).toBe(201);
    const proposalPoll = await openPoll(proposal.body.id, { question: 'Stellen we de wijk voor?' });
    expectError(await onBehalf(as('facilitator'), proposalPoll, { onBehalfOf: 'een jongere van Team Ed', choice }), 409, 'conflict');

    for (const [body, field] of [
      [{ choice }, 'onBehalfOf'],
      [{ onBehalfOf: 'x ', choice }, 'onBehalfOf'],
      [{ onBehalfOf: 'a'.repeat(121), choice }, 'onBehalfOf'],
      [{ onBehalfOf: 42, choice }, 'onBehalfOf'],
      [{ onBehalfOf: 'een jongere' }, 'choice'],
      [{ onBehalfOf: 'een jongere', choice: { kind: 'consent', option: 'agree' } }, 'choice'],
      [{ onBehalfOf: 'een jongere', choice: { kind: 'single_choice', option: 'zee' } }, 'choice'],
      [{ onBehalfOf: 'een jongere', choice, anonymous: true }, 'anonymous'],
      [{ recordingId: 'twee keer', onBehalfOf: 'een jongere', choice }, 'recordingId'],
      [{ recordingId: undefined, onBehalfOf: 'een jongere', choice }, 'recordingId'],
    ] as const) {
      const res = await onBehalf(as('facilitator'), pollId, body);
      expectError(res, 400, 'validation_failed');
      expect(res.body.error.fields, JSON.stringify(body)).toHaveProperty(field);
    }
    expectError(await onBehalf(as('facilitator'), 'a'.repeat(24), { onBehalfOf: 'een jongere', choice }), 404, 'not_found');
    expectError(await as('facilitator').post('/polls/niet-een-id/ballot/on-behalf', { onBehalfOf: 'een jongere', choice }), 404, 'not_found');

    // Nothing was counted: closing freezes the same result as before.
    const closed = await as('facilitator').post(`/polls/${pollId}/close`, {});
    expect(closed.status, closed.text).toBe(200);
    expectApart(closed.body.result as PollResult, { members: 1, memberWijk: 1, onBehalfSchool: 3 });
  });

  it('a closed poll takes no vote on behalf', async () => {
    const late = await onBehalf(as('facilitator'), pollId, { onBehalfOf: 'een jongere die te laat was', choice: { kind: 'single_choice', option: 'wijk' } });
    expectError(late, 409, 'conflict');
    // A retry of a vote stored while it was open still gets its answer.
    const again = await onBehalf(as('facilitator'), pollId, firstRecording);
    expect(again.status, again.text).toBe(201);
    expect(again.body.ballotId).toBe(firstBallotId);
  });

  it('the log names the facilitator as the one who recorded each vote, with on whose behalf', async () => {
    const events = (await auditEvents()).filter((e) => e.action === 'poll.ballot.onBehalf' && e.objectId === pollId);
    expect(events).toHaveLength(3);
    for (const event of events) expect(event.actor?.id).toBe(facilitatorId);
    expect(events.map((e) => e.summary.onBehalfOf).sort()).toEqual(['een jongere van Team Ed', 'een jongere van Team Ed', 'een ouder uit Velsen']);
    expect(events[0]!.summary).toMatchObject({ group: 'on_behalf', choice: { option: 'school' } });
  });

  it('in an anonymous poll the descriptions show, the choice of each one does not', async () => {
    const anonymousPoll = await openPoll(advice, { question: 'Anoniem: waar hoort jeugdhulp thuis?', anonymous: true });
    const res = await onBehalf(as('facilitator'), anonymousPoll, { onBehalfOf: 'een jongere van Team Ed', choice: { kind: 'single_choice', option: 'wijk' } });
    expect(res.status, res.text).toBe(201);
    await waitFor(() => latest(anonymousPoll)?.onBehalf?.ballots === 1, 10_000, 'the anonymous poll’s vote on behalf');
    expect(latest(anonymousPoll)!.onBehalf!.inputs).toEqual([{ description: 'een jongere van Team Ed' }]);
    expect(latest(anonymousPoll)!.ballots).toBe(0);
    const event = (await auditEvents()).find((e) => e.action === 'poll.ballot.onBehalf' && e.objectId === anonymousPoll)!;
    expect(event.actor?.id).toBe(facilitatorId);
    expect(event.summary).toEqual({ group: 'on_behalf', onBehalfOf: 'een jongere van Team Ed' });
    expect((await as('facilitator').post(`/polls/${anonymousPoll}/close`, {})).status).toBe(200);
  });

  it('the session report shows the votes on behalf apart, in the draft and in its DOCX', async () => {
    const generated = await as('procurement').post(`${trajectory}/sessions/${advice}/report`, {});
    expect(generated.status, generated.text).toBe(201);
    const polls = (generated.body.content.topics as Array<{ polls: Array<{ id: string; result: PollResult }> }>).flatMap((t) => t.polls);
    const reported = polls.find((p) => p.id === pollId)!;
    expectApart(reported.result, { members: 1, memberWijk: 1, onBehalfSchool: 3 });
    const docx = await fetch(`${server.url}/api${trajectory}/reports/${generated.body.id}/verslag.docx`, { headers: { cookie: `${sessionCookieName}=${as('procurement').token}` } });
    expect(docx.status).toBe(200);
    const xml = await (await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Inbreng namens (apart geteld');
    expect(xml).toContain('ingebracht namens een ouder uit Velsen (Hulp op school)');
  });

  describe('a reaction in a consultation', () => {
    let base: string;
    let clauseId: string;
    let recorded: ReactionDto;

    beforeAll(async () => {
      const version = await as('procurement').post(`${trajectory}/versions`, { name: 'Concept voor consultatie', clauseId: null });
      expect(version.status, version.text).toBe(201);
      const closesOn = todayInAmsterdam(new Date(Date.now() + 7 * 86_400_000));
      const opened = await as('procurement').post(`${trajectory}/consultations`, { title: 'Consultatie met Team Ed', explanation: null, versionId: version.body.id, closesOn });
      expect(opened.status, opened.text).toBe(201);
      base = `${trajectory}/consultations/${opened.body.id}`;
      clauseId = (opened.body as ConsultationDto).clauses[0]!.clauseId;
    });

    it('the facilitator and the procurement team record a reaction on behalf; it is marked, and the log names who recorded it', async () => {
      const res = await as('facilitator').post(`${base}/reactions/on-behalf`, { clauseId, text: 'Wij willen één vaste hulpverlener.', onBehalfOf: ' een jongere van Team Ed ' });
      expect(res.status, res.text).toBe(201);
      recorded = res.body;
      expect(recorded).toMatchObject({ clauseId, onBehalfOf: 'een jongere van Team Ed', mine: true, mayEdit: false, author: { group: 'facilitator', anonymous: false } });
      const byTeam = await as('procurement').post(`${base}/reactions/on-behalf`, { clauseId, text: 'Graag een vast aanspreekpunt voor ouders.', onBehalfOf: 'een ouder uit Velsen' });
      expect(byTeam.status, byTeam.text).toBe(201);
      // A member's own reaction is not on anyone's behalf.
      const own = await as('provider').post(`${base}/reactions`, { clauseId, text: 'Wij sluiten ons aan.' });
      expect(own.status, own.text).toBe(201);
      expect(own.body.onBehalfOf).toBeNull();

      const event = (await auditEvents()).find((e) => e.action === 'consultation.react' && e.objectId === recorded.id)!;
      expect(event).toMatchObject({ actor: { id: facilitatorId }, summary: { clauseId, onBehalfOf: 'een jongere van Team Ed' } });
    });

    it('is refused for members who react for themselves only, and for bad input', async () => {
      for (const role of ['provider', 'municipality', 'client', 'observer'] as const) {
        expectError(await as(role).post(`${base}/reactions/on-behalf`, { clauseId, text: 'Namens iemand', onBehalfOf: 'een cliënt' }), 403, 'forbidden');
      }
      for (const [body, field] of [
        [{ clauseId, text: 'Iets' }, 'onBehalfOf'],
        [{ clauseId, text: 'Iets', onBehalfOf: 'ab' }, 'onBehalfOf'],
        [{ clauseId, text: '', onBehalfOf: 'een jongere' }, 'text'],
        [{ clauseId, text: 'Iets', onBehalfOf: 'een jongere', anonymous: true }, 'anonymous'],
        [{ clauseId: 'a'.repeat(24), text: 'Iets', onBehalfOf: 'een jongere' }, 'clauseId'],
      ] as const) {
        const res = await as('facilitator').post(`${base}/reactions/on-behalf`, body);
        expectError(res, 400, 'validation_failed');
        expect(res.body.error.fields, JSON.stringify(body)).toHaveProperty(field);
      }
    });

    it('the published reactienota marks it “ingebracht namens …” with its response', async () => {
      const all = (await as('procurement').get(base)).body as ConsultationDto;
      expect(all.reactions).toHaveLength(3);
      expect(all.reactions.filter((r) => r.onBehalfOf).map((r) => r.onBehalfOf).sort()).toEqual(['een jongere van Team Ed', 'een ouder uit Velsen']);
      for (const r of all.reactions) {
        const res = await as('procurement').put(`${base}/reactions/${r.id}/response`, { text: `Antwoord op: ${r.text}`, outcome: 'noted' });
        expect(res.status, res.text).toBe(200);
      }
      const published = await as('procurement').post(`${base}/publish`, {});
      expect(published.status, published.text).toBe(200);
      const seen = (await as('provider').get(base)).body as ConsultationDto;
      expect(seen.reactions.find((r) => r.id === recorded.id)).toMatchObject({ onBehalfOf: 'een jongere van Team Ed', response: { text: 'Antwoord op: Wij willen één vaste hulpverlener.' } });

      const docx = await fetch(`${server.url}/api${base}/reactienota.docx`, { headers: { cookie: `${sessionCookieName}=${as('provider').token}` } });
      expect(docx.status).toBe(200);
      const xml = await (await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))).file('word/document.xml')!.async('string');
      expect(xml).toContain('Ingebracht namens een jongere van Team Ed');
      expect(xml).toContain('Ingebracht namens een ouder uit Velsen');
      expect(xml).toContain('Antwoord op: Wij willen één vaste hulpverlener.');
      const pdf = await fetch(`${server.url}/api${base}/reactienota.pdf`, { headers: { cookie: `${sessionCookieName}=${as('provider').token}` } });
      expect(pdf.status).toBe(200);
    });
  });
});
