import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutcomeDto, TopicChainDto } from '../../shared/schemas/outcomes';
import { connectDatabase, demoEmails, demoTrajectoryIds, expectError, signIn, type ApiClient } from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

interface Topic {
  id: string;
  title: string;
  status: string;
}
interface Member {
  userId: string;
  name: string;
  role: string;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('agreements (afspraken) per topic and the chain from input to outcome', () => {
  let server: RunningServer;
  let inkoop: ApiClient;
  let gemeente: ApiClient;
  let aanbieder: ApiClient;
  let client: ApiClient;
  let facilitator: ApiClient;
  let ijmond: string;
  let midden: string;
  let topics: Topic[];
  let members: Member[];
  let continuity: Topic;
  let budget: Topic;
  let clauses: Array<{ id: string; title: string; number: number; topics: Array<{ id: string }> }>;

  const base = () => `/trajectories/${ijmond}/outcomes`;
  const userOf = (role: string) => members.find((m) => m.role === role)!;
  const valid = () => ({
    topicId: budget.id,
    text: 'Er komt een signaleringsafspraak bij 80% van de verwachte omzet.',
    category: 'financial',
    horizon: 'long_term',
    status: 'agreed',
  });

  beforeAll(async () => {
    // A generous start-up time: the machine running the tests may be busy.
    server = await startServer({ env: { DEMO: '1' }, timeoutMs: 120_000 });
    const admin = await signIn(server, demoEmails.admin);
    ({ ijmond, midden } = await demoTrajectoryIds(admin));
    [inkoop, gemeente, aanbieder, client, facilitator] = await Promise.all([
      signIn(server, demoEmails.procurement),
      signIn(server, demoEmails.municipality),
      signIn(server, demoEmails.provider),
      signIn(server, demoEmails.client),
      signIn(server, demoEmails.facilitator),
    ]);
    topics = (await inkoop.get(`/trajectories/${ijmond}/topics`)).body;
    members = (await inkoop.get(`/trajectories/${ijmond}/members`)).body;
    continuity = topics.find((t) => t.title === 'Zorgcontinuïteit')!;
    budget = topics.find((t) => t.title === 'Bekostiging en budgetplafond')!;
    const agreement = (await inkoop.get(`/trajectories/${ijmond}/agreement`)).body as { chapters: Array<{ clauses: typeof clauses }> };
    clauses = agreement.chapters.flatMap((c) => c.clauses);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('the demo table has agreements: one agreed, one difference of opinion, one with an open action', async () => {
    const res = await aanbieder.get(base());
    expect(res.status, res.text).toBe(200);
    const list = res.body as OutcomeDto[];
    expect(list.map((o) => o.number)).toEqual([1, 2, 3]);
    expect(list.map((o) => o.status).sort()).toEqual(['agreed', 'disagreement', 'open']);
    const disagreement = list.find((o) => o.status === 'disagreement')!;
    expect(disagreement.positions.map((p) => p.party)).toEqual(['Gemeenten', 'Zorgaanbieders']);
    expect(list.some((o) => o.actions.some((a) => a.status === 'open' && a.dueDate > inDays(0)))).toBe(true);
    const agreed = list.find((o) => o.status === 'agreed')!;
    expect(agreed.topic.title).toBe('Zorgcontinuïteit');
    expect(agreed.links.pollIds).toHaveLength(1);
    expect(agreed.session?.title).toMatch(/Dialoogsessie 1/);
    // ?topicId= narrows the list to one topic.
    const one = await aanbieder.get(`${base()}?topicId=${continuity.id}`);
    expect(one.body.map((o: OutcomeDto) => o.id)).toEqual([agreed.id]);
    expectError(await aanbieder.get(`${base()}?topic=${continuity.id}`), 400, 'validation_failed');
  });

  it('the procurement team records an agreement with a difference of opinion, an action and links; it is audited', async () => {
    const budgetClause = clauses.find((c) => c.title === 'Tarieven en budgetplafond')!;
    const owner = userOf('municipality');
    const res = await inkoop.post(base(), {
      ...valid(),
      status: 'disagreement',
      positions: [
        { party: 'Gemeenten', position: 'Een plafond per aanbieder.' },
        { party: 'Zorgaanbieders', position: 'Geen plafond, wel signaleren.' },
      ],
      actions: [{ description: 'Doorrekenen voor 2027', ownerUserId: owner.userId, dueDate: inDays(30) }],
      links: { clauseIds: [budgetClause.id, budgetClause.id] },
    });
    expect(res.status, res.text).toBe(201);
    const outcome = res.body as OutcomeDto;
    expect(outcome).toMatchObject({ number: 4, status: 'disagreement', category: 'financial', horizon: 'long_term', topic: { id: budget.id, title: budget.title }, recordedBy: { name: 'Annelies Brouwer' } });
    expect(outcome.actions).toEqual([{ id: expect.any(String), description: 'Doorrekenen voor 2027', owner: { id: owner.userId, name: owner.name, organisationName: expect.any(String) }, dueDate: inDays(30), status: 'open' }]);
    // A clause named twice is linked once.
    expect(outcome.links.clauseIds).toEqual([budgetClause.id]);

    const audit = (await inkoop.get(`/trajectories/${ijmond}/audit`)).body as Array<{ action: string; objectId: string; summary: Record<string, unknown>; actor: { name: string } | null }>;
    expect(audit.find((e) => e.objectId === outcome.id)).toMatchObject({ action: 'outcome.record', actor: { name: 'Annelies Brouwer' }, summary: { number: 4, status: 'disagreement', topicId: budget.id } });
  });

  it('each recorded agreement gets its own number, also when recorded at the same moment', async () => {
    const results = await Promise.all([0, 1, 2, 3, 4].map((i) => inkoop.post(base(), { ...valid(), text: `Gelijktijdig ${i}` })));
    for (const r of results) expect(r.status, r.text).toBe(201);
    const numbers = results.map((r) => r.body.number as number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(5);
    const all = (await inkoop.get(base())).body as OutcomeDto[];
    expect(all.map((o) => o.number)).toEqual(all.map((_o, i) => i + 1));
  });

  it('numbers on from the records when the counter is missing (an older database) or behind them (a repaired one)', async () => {
    const db = await connectDatabase(server);
    try {
      const counters = db.collection<{ _id: string; last: number }>('sequences');
      const highest = async () => Math.max(...((await inkoop.get(base())).body as OutcomeDto[]).map((o) => o.number));
      const record = async (text: string) => {
        const res = await inkoop.post(base(), { ...valid(), text });
        expect(res.status, res.text).toBe(201);
        return res.body.number as number;
      };
      expect((await counters.findOne({ _id: `outcome:${ijmond}` }))?.last).toBe(await highest());
      await counters.deleteOne({ _id: `outcome:${ijmond}` });
      const before = await highest();
      expect(await record('Na een database zonder teller')).toBe(before + 1);
      await counters.updateOne({ _id: `outcome:${ijmond}` }, { $set: { last: 1 } });
      expect(await record('Na een teller die achterloopt')).toBe(before + 2);
      expect((await counters.findOne({ _id: `outcome:${ijmond}` }))?.last).toBe(before + 2);
    } finally {
      await db.close();
    }
  });

  it('an edit changes status, text and actions; marking an action done is an edit; what changed is audited', async () => {
    const owner = userOf('provider');
    const created = (await inkoop.post(base(), { ...valid(), status: 'open', actions: [{ description: 'Cijfers aanleveren', ownerUserId: owner.userId, dueDate: inDays(10) }] })).body as OutcomeDto;
    const action = created.actions[0]!;
    const body = {
      ...valid(),
      status: 'disagreement',
      positions: [
        { party: 'Gemeenten', position: 'Voor.' },
        { party: 'Zorgaanbieders', position: 'Tegen.' },
      ],
      actions: [{ id: action.id, description: action.description, ownerUserId: owner.userId, dueDate: action.dueDate, status: 'done' }],
    };
    const res = await inkoop.put(`${base()}/${created.id}`, body);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: created.id, number: created.number, status: 'disagreement', actions: [{ id: action.id, status: 'done' }] });

    const audit = (await inkoop.get(`/trajectories/${ijmond}/audit`)).body as Array<{ action: string; objectId: string; summary: Record<string, unknown> }>;
    const event = audit.find((e) => e.objectId === created.id && e.action === 'outcome.update')!;
    expect(event.summary).toMatchObject({ number: created.number, statusFrom: 'open', statusTo: 'disagreement', actionsDone: 1, actionsAdded: 0, actionsRemoved: 0 });
    expect(event.summary.changed).toEqual(['status', 'positions', 'actions']);

    // The same again changes nothing and writes nothing.
    const before = audit.length;
    expect((await inkoop.put(`${base()}/${created.id}`, body)).status).toBe(200);
    expect(((await inkoop.get(`/trajectories/${ijmond}/audit`)).body as unknown[]).length).toBe(before);
  });

  it('refuses what does not fit: other roles, other trajectories, foreign ids, missing positions, unknown fields', async () => {
    const count = async () => ((await inkoop.get(base())).body as unknown[]).length;
    const before = await count();
    expectError(await gemeente.post(base(), valid()), 403, 'forbidden');
    expectError(await aanbieder.post(base(), valid()), 403, 'forbidden');

    const withoutPositions = await inkoop.post(base(), { ...valid(), status: 'disagreement' });
    expectError(withoutPositions, 400, 'validation_failed');
    expect(withoutPositions.body.error.fields).toHaveProperty('positions');
    const oneSide = await inkoop.post(base(), { ...valid(), status: 'disagreement', positions: [{ party: 'Gemeenten', position: 'Voor.' }] });
    expectError(oneSide, 400, 'validation_failed');
    const positionsWhenAgreed = await inkoop.post(base(), { ...valid(), positions: [{ party: 'A', position: 'B' }, { party: 'C', position: 'D' }] });
    expectError(positionsWhenAgreed, 400, 'validation_failed');
    const unknown = await inkoop.post(base(), { ...valid(), kind: 'financial' });
    expectError(unknown, 400, 'validation_failed');
    expect(unknown.body.error.fields).toEqual({ kind: 'is not a known field' });
    expectError(await inkoop.post(base(), { ...valid(), links: { pollIds: [], extra: [] } }), 400, 'validation_failed');
    expectError(await inkoop.post(base(), { ...valid(), actions: [{ description: 'x', ownerUserId: userOf('provider').userId, dueDate: '31-12-2026' }] }), 400, 'validation_failed');

    // Ids of the other trajectory (the procurement team sits at both tables).
    const middenTopics = (await inkoop.get(`/trajectories/${midden}/topics`)).body as Topic[];
    const middenMembers = (await inkoop.get(`/trajectories/${midden}/members`)).body as Member[];
    const stranger = middenMembers.find((m) => !members.some((x) => x.userId === m.userId))!;
    const foreignTopic = await inkoop.post(base(), { ...valid(), topicId: middenTopics.find((t) => t.status === 'accepted')!.id });
    expectError(foreignTopic, 400, 'validation_failed');
    expect(foreignTopic.body.error.fields).toHaveProperty('topicId');
    const proposed = topics.find((t) => t.status === 'proposed');
    if (proposed) expect((await inkoop.post(base(), { ...valid(), topicId: proposed.id })).body.error.fields).toHaveProperty('topicId');
    const owner = await inkoop.post(base(), { ...valid(), actions: [{ description: 'x', ownerUserId: stranger.userId, dueDate: inDays(3) }] });
    expectError(owner, 400, 'validation_failed');
    expect(owner.body.error.fields).toHaveProperty(['actions.0.ownerUserId']);
    const missing = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    for (const field of ['pollIds', 'amendmentIds', 'versionIds', 'clauseIds']) {
      const res = await inkoop.post(base(), { ...valid(), links: { [field]: [missing] } });
      expectError(res, 400, 'validation_failed');
      expect(res.body.error.fields).toHaveProperty([`links.${field}`]);
    }
    const session = await inkoop.post(base(), { ...valid(), sessionId: missing });
    expect(session.body.error.fields).toHaveProperty('sessionId');

    // Another trajectory's outcome through this trajectory, and this one's for a stranger: not found.
    const mine = ((await inkoop.get(base())).body as OutcomeDto[])[0]!;
    expectError(await inkoop.put(`/trajectories/${midden}/outcomes/${mine.id}`, { ...valid(), topicId: middenTopics[0]!.id }), 404, 'not_found');
    expectError(await aanbieder.get(`/trajectories/${midden}/outcomes`), 404, 'not_found');
    expectError(await aanbieder.get(`/trajectories/${midden}/topics/${middenTopics[0]!.id}/chain`), 404, 'not_found');
    expectError(await inkoop.get(`/trajectories/${midden}/topics/${continuity.id}/chain`), 404, 'not_found');
    expectError(await inkoop.put(`${base()}/${missing}`, valid()), 404, 'not_found');
    // An action id of another outcome is not this outcome's action.
    const withAction = ((await inkoop.get(base())).body as OutcomeDto[]).find((o) => o.actions.length > 0 && o.id !== mine.id)!;
    const theft = await inkoop.put(`${base()}/${mine.id}`, { ...valid(), actions: [{ ...withAction.actions[0]!, ownerUserId: withAction.actions[0]!.owner.id, owner: undefined }] });
    expectError(theft, 400, 'validation_failed');

    expect(await count()).toBe(before);
    // There is no way to delete an outcome.
    expect((await inkoop.delete(`${base()}/${mine.id}`)).status).toBe(404);
    expect(await count()).toBe(before);
  });

  it('the chain shows comments (anonymity kept), amendments, polls with results per group, outcomes and changed clauses', async () => {
    const path = `/trajectories/${ijmond}/topics/${continuity.id}/chain`;
    const forProvider = (await aanbieder.get(path)).body as TopicChainDto;
    expect(forProvider.topic.title).toBe('Zorgcontinuïteit');
    expect(forProvider.clauses.map((c) => c.title)).toContain('Zorgcontinuïteit bij wisseling van aanbieder');
    expect(forProvider.mayRecord).toBe(false);

    // The client representative's anonymous comment: only the group for the provider, the name for the facilitator and for herself.
    const anonymous = forProvider.comments.find((c) => c.body.startsWith('Zes maanden is voor een kind'))!;
    expect(anonymous.author).toEqual({ id: null, name: null, organisationName: null, group: 'client', anonymous: true });
    expect(JSON.stringify(forProvider)).not.toContain('Joke de Ruiter');
    const forFacilitator = (await facilitator.get(path)).body as TopicChainDto;
    expect(forFacilitator.comments.find((c) => c.id === anonymous.id)!.author.name).toBe('Joke de Ruiter');
    const forClient = (await client.get(path)).body as TopicChainDto;
    expect(forClient.comments.find((c) => c.id === anonymous.id)!.author.name).toBe('Joke de Ruiter');

    // The closed demo poll with its stored result, broken down per stakeholder group.
    const consent = forProvider.polls.find((p) => p.kind === 'consent' && p.status === 'closed')!;
    expect(consent.session?.title).toMatch(/Dialoogsessie 1/);
    expect(consent.result).not.toBeNull();
    const agree = consent.result!.options.find((o) => o.optionId === 'agree')!;
    expect(Object.keys(agree.byGroup)).toEqual(expect.arrayContaining(['municipality', 'provider', 'client', 'procurement']));
    expect(consent.result!.turnout.provider!.voted).toBeGreaterThan(0);

    // The demo agreement on the topic, and the clause it changed with its number.
    const agreed = forProvider.outcomes.find((o) => o.status === 'agreed')!;
    expect(agreed.links.pollIds).toEqual([consent.id]);
    const clause = clauses.find((c) => c.title === 'Zorgcontinuïteit bij wisseling van aanbieder')!;
    expect(forProvider.changedClauses).toEqual([{ id: clause.id, number: clause.number, title: clause.title, status: expect.any(String), outcomeNumbers: [agreed.number] }]);
    expect((await inkoop.get(path)).body.mayRecord).toBe(true);
  });

  it('open polls show their result only when it is shown live; amendments of the topic and their polls are in the chain', async () => {
    const sessions = (await inkoop.get(`/trajectories/${ijmond}/sessions`)).body as Array<{ id: string; status: string }>;
    const planned = sessions.find((s) => s.status === 'planned')!;
    const open = async (question: string, extra: Record<string, unknown>) => {
      const res = await inkoop.post(`/sessions/${planned.id}/polls`, { settings: { kind: 'consent', question, ...extra } });
      expect(res.status, res.text).toBe(201);
      return res.body.pollId as string;
    };
    const live = await open('Live zichtbaar?', { topicId: continuity.id, resultsVisibility: 'live' });
    const hidden = await open('Pas na sluiten?', { topicId: continuity.id, resultsVisibility: 'after_close' });
    expect((await aanbieder.post(`/polls/${live}/ballot`, { choice: { kind: 'consent', option: 'object', reason: 'Te kort.' } })).status).toBe(200);
    expect((await aanbieder.post(`/polls/${hidden}/ballot`, { choice: { kind: 'consent', option: 'agree' } })).status).toBe(200);

    const path = `/trajectories/${ijmond}/topics/${continuity.id}/chain`;
    let chain = (await gemeente.get(path)).body as TopicChainDto;
    const livePoll = chain.polls.find((p) => p.id === live)!;
    expect(livePoll.status).toBe('open');
    expect(livePoll.result!.options.find((o) => o.optionId === 'object')!.byGroup.provider).toBe(1);
    expect(chain.polls.find((p) => p.id === hidden)!.result).toBeNull();
    expect((await inkoop.post(`/polls/${hidden}/close`, {})).status).toBe(200);
    chain = (await gemeente.get(path)).body as TopicChainDto;
    expect(chain.polls.find((p) => p.id === hidden)!.result!.options.find((o) => o.optionId === 'agree')!.byGroup.provider).toBe(1);

    // An amendment on a clause of the topic, and a poll on that amendment (without a topic of its own).
    const clause = clauses.find((c) => c.title === 'Zorgcontinuïteit bij wisseling van aanbieder')!;
    const amendment = await aanbieder.post(`/trajectories/${ijmond}/agreement/clauses/${clause.id}/amendments`, { proposedText: 'twaalf maanden', motivation: 'Langer is beter voor het kind.' });
    expect(amendment.status, amendment.text).toBe(201);
    const onAmendment = await open('Wijzigingsvoorstel overnemen?', { amendmentId: amendment.body.id });
    chain = (await gemeente.get(path)).body as TopicChainDto;
    expect(chain.amendments.find((a) => a.id === amendment.body.id)).toMatchObject({ proposedText: 'twaalf maanden', clauseNumber: clause.number, author: { name: 'Fatima El Amrani' } });
    expect(chain.polls.find((p) => p.id === onAmendment)).toMatchObject({ amendmentId: amendment.body.id });

    // Recording the agreement with these links puts it in the chain.
    const recorded = await inkoop.post(base(), {
      topicId: continuity.id,
      sessionId: planned.id,
      text: 'Twaalf maanden overgangstermijn.',
      category: 'substantive',
      horizon: 'before_start',
      status: 'agreed',
      links: { pollIds: [onAmendment, hidden], amendmentIds: [amendment.body.id], clauseIds: [clause.id], versionIds: chain.versions.slice(0, 1).map((v) => v.id) },
    });
    expect(recorded.status, recorded.text).toBe(201);
    chain = (await gemeente.get(path)).body as TopicChainDto;
    expect(chain.outcomes.map((o) => o.id)).toContain(recorded.body.id);
    expect(chain.changedClauses.find((c) => c.id === clause.id)!.outcomeNumbers).toContain(recorded.body.number);
    // A topic of another trajectory's id is not found here; a topic without clauses has an empty chain.
    const quiet = topics.find((t) => t.status === 'accepted' && !clauses.some((c) => c.topics.some((x) => x.id === t.id)))!;
    const empty = (await gemeente.get(`/trajectories/${ijmond}/topics/${quiet.id}/chain`)).body as TopicChainDto;
    expect(empty).toMatchObject({ clauses: [], comments: [], amendments: [], changedClauses: [] });
  });
});
