import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, expectError, signIn, type ApiClient, type DemoIds } from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

interface Topic {
  id: string;
  title: string;
  description: string;
  order: number;
  status: string;
  owner: { id: string; name: string } | null;
  proposedBy: { id: string; name: string } | null;
  decisionReason: string | null;
}

describe('topics', () => {
  let server: RunningServer;
  let inkoop: ApiClient;
  let aanbieder: ApiClient;
  let ids: DemoIds;
  let base: string;

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    const admin = await signIn(server, demoEmails.admin);
    ids = await demoTrajectoryIds(admin);
    inkoop = await signIn(server, demoEmails.procurement);
    aanbieder = await signIn(server, demoEmails.provider);
    base = `/trajectories/${ids.ijmond}/topics`;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const list = async (client = inkoop, path = base): Promise<Topic[]> => {
    const res = await client.get(path);
    expect(res.status).toBe(200);
    return res.body;
  };
  const propose = async (client: ApiClient, title: string, description?: string): Promise<Topic> => {
    const res = await client.post(base, { title, ...(description === undefined ? {} : { description }) });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };

  it('lists the 20 topics of the strategy in order', async () => {
    const topics = await list(aanbieder);
    expect(topics).toHaveLength(20);
    expect(topics[0]!.title).toBe('Zorgcontinuïteit');
    expect(topics[19]!.title).toBe('Zorg en onderwijs breed');
    expect(topics.map((t) => t.order)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('a provider proposes: status proposed, at the end of the list, with the proposer’s name', async () => {
    const topic = await propose(aanbieder, '  Administratieve lasten  ', 'Minder dubbele registratie.');
    expect(topic).toMatchObject({ title: 'Administratieve lasten', description: 'Minder dubbele registratie.', status: 'proposed', proposedBy: { name: 'Fatima El Amrani' }, owner: null, decisionReason: null });
    const topics = await list(aanbieder);
    expect(topics.at(-1)).toMatchObject({ id: topic.id, order: 21, status: 'proposed' });
  });

  it('the procurement team’s own proposal is accepted at once', async () => {
    const topic = await propose(inkoop, 'Evaluatie na jaar 3');
    expect(topic.status).toBe('accepted');
    expect(topic.description).toBe('');
  });

  it('procurement accepts a proposal; deciding twice is a conflict', async () => {
    const topic = await propose(aanbieder, 'Inzet van ervaringsdeskundigen');
    const accepted = await inkoop.post(`${base}/${topic.id}/decision`, { decision: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: topic.id, status: 'accepted', decisionReason: null });
    expectError(await inkoop.post(`${base}/${topic.id}/decision`, { decision: 'accept' }), 409, 'conflict');
    expectError(await inkoop.post(`${base}/${topic.id}/decision`, { decision: 'decline', reason: 'Toch niet' }), 409, 'conflict');
    expect((await list()).find((t) => t.id === topic.id)).toMatchObject({ status: 'accepted', decisionReason: null });
  });

  it('declining needs a reason (400 without); with one it is declined and the reason is shown', async () => {
    const topic = await propose(aanbieder, 'Parkeerbeleid bij zorglocaties');
    const without = await inkoop.post(`${base}/${topic.id}/decision`, { decision: 'decline' });
    expectError(without, 400, 'validation_failed');
    expect(without.body.error.fields).toHaveProperty('reason');
    const blank = await inkoop.post(`${base}/${topic.id}/decision`, { decision: 'decline', reason: '   ' });
    expectError(blank, 400, 'validation_failed');
    expect(blank.body.error.fields).toHaveProperty('reason');
    expect((await list()).find((t) => t.id === topic.id)?.status).toBe('proposed');

    const declined = await inkoop.post(`${base}/${topic.id}/decision`, { decision: 'decline', reason: 'Dit is gemeentelijk beleid, geen onderdeel van de inkoop.' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', decisionReason: 'Dit is gemeentelijk beleid, geen onderdeel van de inkoop.' });
    // Everyone at the table can read why.
    expect((await list(aanbieder)).find((t) => t.id === topic.id)).toMatchObject({ status: 'declined', decisionReason: 'Dit is gemeentelijk beleid, geen onderdeel van de inkoop.' });
    expectError(await inkoop.post(`${base}/${topic.id}/decision`, { decision: 'accept' }), 409, 'conflict');
  });

  it('two decisions at the same moment: exactly one wins', async () => {
    const topic = await propose(aanbieder, 'Gelijktijdig besluiten');
    const results = await Promise.all([
      inkoop.post(`${base}/${topic.id}/decision`, { decision: 'accept' }),
      inkoop.post(`${base}/${topic.id}/decision`, { decision: 'decline', reason: 'Tegelijk' }),
      inkoop.post(`${base}/${topic.id}/decision`, { decision: 'accept' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.body as Topic;
    expect((await list()).find((t) => t.id === topic.id)?.status).toBe(winner.status);
  });

  it('a topic of another trajectory cannot be decided or changed through this one', async () => {
    const midden = await list(inkoop, `/trajectories/${ids.midden}/topics`);
    const proposed = midden.find((t) => t.status === 'proposed')!;
    expect(proposed).toBeDefined();
    expectError(await inkoop.post(`${base}/${proposed.id}/decision`, { decision: 'accept' }), 404, 'not_found');
    expectError(await inkoop.patch(`${base}/${proposed.id}`, { title: 'Overgenomen' }), 404, 'not_found');
    expect((await list(inkoop, `/trajectories/${ids.midden}/topics`)).find((t) => t.id === proposed.id)).toMatchObject({ status: 'proposed', title: proposed.title });
  });

  it('changing a topic: status only after a decision, owner must be a member', async () => {
    const proposal = await propose(aanbieder, 'Nog niet besloten');
    expectError(await inkoop.patch(`${base}/${proposal.id}`, { status: 'in_discussion' }), 409, 'conflict');

    const topic = (await list()).find((t) => t.title === 'Acceptatieplicht')!;
    const members = (await inkoop.get(`/trajectories/${ids.ijmond}/members`)).body as Array<{ userId: string; name: string }>;
    const facilitator = members.find((m) => m.name === 'Pieter Hoogland')!;
    const changed = await inkoop.patch(`${base}/${topic.id}`, { status: 'in_discussion', ownerId: facilitator.userId });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'in_discussion', owner: { id: facilitator.userId, name: 'Pieter Hoogland' } });

    // Someone who is not at this table (Bas Timmermans sits in Midden-IJssel only).
    const midden = (await inkoop.get(`/trajectories/${ids.midden}/members`)).body as Array<{ userId: string; name: string }>;
    const outsider = midden.find((m) => m.name === 'Bas Timmermans')!;
    const refused = await inkoop.patch(`${base}/${topic.id}`, { ownerId: outsider.userId });
    expectError(refused, 400, 'validation_failed');
    expect(refused.body.error.fields).toHaveProperty('ownerId');
    expect((await list()).find((t) => t.id === topic.id)?.owner?.id).toBe(facilitator.userId);

    const cleared = await inkoop.patch(`${base}/${topic.id}`, { ownerId: null });
    expect(cleared.body.owner).toBeNull();
  });

  it('reordering must name every topic once: a missing, doubled or foreign id is 400 and changes nothing', async () => {
    const before = await list();
    const ids_ = before.map((t) => t.id);
    const missing = await inkoop.put(`${base}/order`, { order: ids_.slice(1) });
    expectError(missing, 400, 'validation_failed');
    expect(missing.body.error.fields).toHaveProperty('order');
    expectError(await inkoop.put(`${base}/order`, { order: [...ids_.slice(1), ids_[1]!] }), 400, 'validation_failed');
    const foreign = (await list(inkoop, `/trajectories/${ids.midden}/topics`))[0]!.id;
    expectError(await inkoop.put(`${base}/order`, { order: [...ids_.slice(1), foreign] }), 400, 'validation_failed');
    expectError(await inkoop.put(`${base}/order`, { order: [] }), 400, 'validation_failed');
    expect((await list()).map((t) => t.id)).toEqual(ids_);
  });

  it('a valid reorder changes the order for everyone', async () => {
    const before = await list();
    const reversed = before.map((t) => t.id).reverse();
    const res = await inkoop.put(`${base}/order`, { order: reversed });
    expect(res.status).toBe(200);
    expect(res.body.map((t: Topic) => t.id)).toEqual(reversed);
    const after = await list(aanbieder);
    expect(after.map((t) => t.id)).toEqual(reversed);
    expect(after.map((t) => t.order)).toEqual(reversed.map((_, i) => i + 1));
    expect(after[0]!.title).toBe(before.at(-1)!.title);
    // The other trajectory's order is untouched.
    const midden = await list(inkoop, `/trajectories/${ids.midden}/topics`);
    expect(midden.map((t) => t.order)).toEqual(midden.map((_, i) => i + 1));
  });
});
