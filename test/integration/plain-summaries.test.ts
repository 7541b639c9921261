import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainSummaryMaxLength } from '../../shared/schemas/summaries';
import { apiClient, demoEmails, demoTrajectoryIds, expectError, signIn, type ApiClient } from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

interface AuditEvent {
  action: string;
  objectType: string;
  objectId: string;
  actor: { id: string; name: string } | null;
  summary: Record<string, unknown>;
}
interface Clause {
  id: string;
  title: string;
  summary: string;
}

/** Issue 16, item 5: a topic's and a clause's summary in plain language (B1), written by the procurement team. */
describe('summaries in plain language', () => {
  let server: RunningServer;
  const people = {} as Record<keyof typeof demoEmails, ApiClient>;
  let t: string;
  let topicId: string;
  let clause: Clause;

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    for (const who of Object.keys(demoEmails) as Array<keyof typeof demoEmails>) people[who] = await signIn(server, demoEmails[who]);
    t = (await demoTrajectoryIds(people.admin)).ijmond;
    topicId = ((await people.procurement.get(`/trajectories/${t}/topics`)).body as Array<{ id: string }>)[0]!.id;
    const agreement = (await people.procurement.get(`/trajectories/${t}/agreement`)).body as { chapters: Array<{ clauses: Clause[] }> };
    clause = agreement.chapters.flatMap((c) => c.clauses)[0]!;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const topicSummaryPath = () => `/trajectories/${t}/topics/${topicId}/summary`;
  const clauseSummaryPath = () => `/trajectories/${t}/agreement/clauses/${clause.id}/summary`;
  const topicSummary = async (who: ApiClient = people.client) =>
    ((await who.get(`/trajectories/${t}/topics`)).body as Array<{ id: string; summary: string }>).find((x) => x.id === topicId)!.summary;
  const clauseSummary = async (who: ApiClient = people.client) =>
    ((await who.get(`/trajectories/${t}/agreement`)).body as { chapters: Array<{ clauses: Clause[] }> }).chapters.flatMap((c) => c.clauses).find((c) => c.id === clause.id)!.summary;
  const auditOf = async (action: string, objectId: string) =>
    ((await people.procurement.get(`/trajectories/${t}/audit`)).body as AuditEvent[]).filter((e) => e.action === action && e.objectId === objectId);

  it('topics and clauses start without a summary', async () => {
    expect(await topicSummary()).toBe('');
    expect(clause.summary).toBe('');
  });

  it('the procurement team writes a topic’s summary: everyone reads it, and it is audited with its writer', async () => {
    const text = 'Hier praten we over hoe kinderen hulp blijven krijgen, ook als een zorgaanbieder stopt.';
    const res = await people.procurement.put(topicSummaryPath(), { summary: `  ${text}  ` });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: topicId, summary: text });
    for (const who of ['client', 'provider', 'observer'] as const) expect(await topicSummary(people[who])).toBe(text);
    const chain = await people.client.get(`/trajectories/${t}/topics/${topicId}/chain`);
    expect(chain.status, chain.text).toBe(200);
    expect(chain.body.topic.summary).toBe(text);
    const events = await auditOf('topic.summary', topicId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ objectType: 'topic', actor: { name: expect.any(String) }, summary: { length: text.length } });
  });

  it('the procurement team writes a clause’s summary; the agreement shows it to everyone', async () => {
    const text = 'Dit artikel zegt wie de zorg betaalt als een kind verhuist.';
    const res = await people.procurement.put(clauseSummaryPath(), { summary: text });
    expect(res.status, res.text).toBe(200);
    expect((res.body as { chapters: Array<{ clauses: Clause[] }> }).chapters.flatMap((c) => c.clauses).find((c) => c.id === clause.id)!.summary).toBe(text);
    expect(await clauseSummary(people.client)).toBe(text);
    expect(await clauseSummary(people.provider)).toBe(text);
    const events = await auditOf('agreement.clause.summary', clause.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ objectType: 'clause', summary: { length: text.length } });
  });

  it('every other role is refused, and nothing changes', async () => {
    const before = { topic: await topicSummary(), clause: await clauseSummary() };
    for (const who of ['municipality', 'provider', 'client', 'facilitator', 'observer'] as const) {
      expectError(await people[who].put(topicSummaryPath(), { summary: 'Door iemand anders geschreven.' }), 403, 'forbidden');
      expectError(await people[who].put(clauseSummaryPath(), { summary: 'Door iemand anders geschreven.' }), 403, 'forbidden');
    }
    expectError(await apiClient(server).put(topicSummaryPath(), { summary: 'Zonder in te loggen.' }), 401, 'unauthenticated');
    expect({ topic: await topicSummary(), clause: await clauseSummary() }).toEqual(before);
    expect(await auditOf('topic.summary', topicId)).toHaveLength(1);
  });

  it('bad input is a 400 naming the field, and nothing changes', async () => {
    const before = { topic: await topicSummary(), clause: await clauseSummary() };
    const tooLong = 'a'.repeat(plainSummaryMaxLength + 1);
    for (const path of [topicSummaryPath(), clauseSummaryPath()]) {
      const long = await people.procurement.put(path, { summary: tooLong });
      expectError(long, 400, 'validation_failed');
      expect(Object.keys(long.body.error.fields ?? {})).toContain('summary');
      expectError(await people.procurement.put(path, { summary: 42 }), 400, 'validation_failed');
      expectError(await people.procurement.put(path, {}), 400, 'validation_failed');
      expectError(await people.procurement.put(path, { summary: 'Goed', extra: true }), 400, 'validation_failed');
    }
    expectError(await people.procurement.put(`/trajectories/${t}/topics/not-an-id/summary`, { summary: 'x' }), 404, 'not_found');
    expect({ topic: await topicSummary(), clause: await clauseSummary() }).toEqual(before);
  });

  it('an empty summary removes it', async () => {
    const res = await people.procurement.put(topicSummaryPath(), { summary: '   ' });
    expect(res.status, res.text).toBe(200);
    expect(await topicSummary()).toBe('');
    expect(await auditOf('topic.summary', topicId)).toHaveLength(2);
  });
});
