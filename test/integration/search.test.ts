import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { todayInAmsterdam } from '../../shared/domain/calendar';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { documentText, encodePosition } from '../../shared/domain/clause-text';
import type { SearchHit, SearchResult } from '../../shared/schemas/search';
import { apiClient, demoEmails, demoTrajectoryIds, expectError, signIn, type ApiClient } from '../helpers/api-client';
import { collabClient, type CollabClient } from '../helpers/collab-client';
import { startRedis, type RunningRedis } from '../helpers/redis';
import { freshDatabaseUri, startServer, waitFor, type RunningServer } from '../helpers/server';

/*
 * Search across a trajectory, on two nodes that share one database and one Redis: results per
 * role as the items' own views decide, Dutch words, and an index that follows changes made
 * through REST, through the collaboration endpoint and on the other node.
 */

type Person = keyof typeof demoEmails | 'secondProvider';
const emails: Record<Person, string> = { ...demoEmails, secondProvider: 'marieke.dekker@dialoogtafel.example' };
const clientName = 'Joke de Ruiter';
const continuityTitle = 'Zorgcontinuïteit bij wisseling van aanbieder';
const tableRoles = ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer'] as const;
/** A word nobody else uses, so a test's results are its own. */
const unique = (stem: string) => `${stem}${randomBytes(3).toString('hex').replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]!)}`;

describe('search across a trajectory', () => {
  const mongoUri = freshDatabaseUri();
  const sessionSecret = randomBytes(32).toString('hex');
  let redis: RunningRedis;
  let a: RunningServer;
  let b: RunningServer;
  let t: string;
  const tokens = new Map<Person, string>();
  const collabs: CollabClient[] = [];

  const api = (person: Person, node: RunningServer = a): ApiClient => apiClient(node, tokens.get(person));
  const search = async (person: Person, q: string, node: RunningServer = a): Promise<SearchResult> => {
    const res = await api(person, node).get(`/trajectories/${t}/search?q=${encodeURIComponent(q)}`);
    expect(res.status, res.text).toBe(200);
    return res.body as SearchResult;
  };
  const hits = (result: SearchResult): SearchHit[] => result.groups.flatMap((g) => g.hits);
  const finds = async (person: Person, q: string, node: RunningServer = a) => hits(await search(person, q, node)).length > 0;
  const marked = (h: { text: string; ranges: Array<[number, number]> }) => h.ranges.map(([s, e]) => h.text.slice(s, e));

  beforeAll(async () => {
    redis = await startRedis();
    a = await startServer({ mongoUri, env: { DEMO: '1', REDIS_URL: redis.url, SESSION_SECRET: sessionSecret } });
    b = await startServer({ mongoUri, env: { DEMO: '0', REDIS_URL: redis.url, SESSION_SECRET: sessionSecret } });
    for (const person of Object.keys(emails) as Person[]) tokens.set(person, (await signIn(a, emails[person])).token!);
    t = (await demoTrajectoryIds(await signIn(a, demoEmails.admin))).ijmond;
    // Questions are open: the demo's deadline has passed.
    const trajectory = await api('procurement').get(`/trajectories/${t}`);
    const milestones = trajectory.body.milestones.map(({ kind, title, date }: { kind: string; title: string; date: string }) => ({ kind, title, date }));
    const nextWeek = todayInAmsterdam(new Date(Date.now() + 7 * 86_400_000));
    const patched = await api('procurement').patch(`/trajectories/${t}`, {
      milestones: [...milestones.filter((m: { kind: string }) => m.kind !== 'questions_deadline'), { kind: 'questions_deadline', title: 'Deadline vragen', date: nextWeek }],
    });
    expect(patched.status, patched.text).toBe(200);
  }, 240_000);
  afterEach(() => {
    for (const c of collabs.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await redis?.stop();
  });

  const clauseOf = async () => {
    const agreement = await api('procurement').get(`/trajectories/${t}/agreement`);
    return (agreement.body.chapters as Array<{ clauses: Array<{ id: string; title: string }> }>).flatMap((c) => c.clauses).find((c) => c.title === continuityTitle)!;
  };
  const openClause = async (person: Person, node: RunningServer = a) => {
    const clause = await clauseOf();
    const client = collabClient(node.url, clauseDocumentName(t, clause.id), { token: tokens.get(person)! });
    collabs.push(client);
    await client.synced;
    return { clause, client };
  };
  const firstParagraph = (client: CollabClient) => (client.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;

  it('finds clauses by their text and title with or without accents, and words by their stem, for every role', async () => {
    // The first search builds the index; clause texts follow the records a moment later, and the answer says when all are in.
    await waitFor(async () => (await search('procurement', 'overeenkomst')).complete, 60_000, 'every clause text in the index');
    for (const role of tableRoles) {
      const result = await search(role, 'zorgcontinuiteit');
      const clause = hits(result).find((h) => h.kind === 'clause' && h.title.text.includes(continuityTitle));
      expect(clause, role).toBeDefined();
      // Highlights are ranges of the plain title: the accented word itself is marked.
      expect(marked(clause!.title)).toContain('Zorgcontinuïteit');
      expect(clause!.path).toBe(`/trajecten/${t}/overeenkomst/artikelen/${(await clauseOf()).id}`);
    }
    // The text of the clause: "overgangstermijn" is found as "overgangstermijnen" (a stem) and by a prefix.
    for (const q of ['overgangstermijnen', 'overgangsterm']) {
      const clause = hits(await search('observer', q)).find((h) => h.kind === 'clause' && h.title.text.includes(continuityTitle));
      expect(clause?.snippet, q).toBeTruthy();
      expect(marked(clause!.snippet!)).toContain('overgangstermijn');
    }
    // Results are grouped by kind, in the shared order.
    const kinds = (await search('procurement', 'zorgcontinuïteit')).groups.map((g) => g.kind);
    expect(kinds).toEqual([...kinds].sort((x, y) => ['topic', 'clause', 'comment', 'amendment', 'question', 'outcome', 'report'].indexOf(x) - ['topic', 'clause', 'comment', 'amendment', 'question', 'outcome', 'report'].indexOf(y)));
    expect(kinds).toContain('topic');
  });

  it('never finds an anonymous comment by its author’s name, and never sends the name', async () => {
    const word = unique('lantaarn');
    const { clause, client } = await openClause('observer');
    const text = firstParagraph(client);
    const quote = 'overgangstermijn van zes maanden';
    const at = text.toString().indexOf(quote);
    const anchor = { start: encodePosition(Y.createRelativePositionFromTypeIndex(text, at)), end: encodePosition(Y.createRelativePositionFromTypeIndex(text, at + quote.length)), quote };
    const created = await api('client').post(`/trajectories/${t}/agreement/clauses/${clause.id}/comments`, { anchor, body: `Wordt het kind gehoord bij de ${word}?`, anonymous: true });
    expect(created.status, created.text).toBe(201);
    const reply = await api('client').post(`/trajectories/${t}/comments/${created.body.id}/replies`, { body: `Nog een ${word} van mij`, anonymous: true });
    expect(reply.status, reply.text).toBe(201);

    for (const role of tableRoles) {
      const found = await search(role, word);
      expect(hits(found).filter((h) => h.id.startsWith(`comment:${created.body.id}`)), role).toHaveLength(2);
      expect(JSON.stringify(found), role).not.toContain('Ruiter');
      // The facilitator may see who wrote it on the clause page; search still never links the name to it.
      for (const q of [clientName, 'Ruiter']) {
        expect(hits(await search(role, q)).filter((h) => h.id.startsWith(`comment:${created.body.id}`)), `${role} ${q}`).toEqual([]);
      }
    }
  });

  it('another provider’s unpublished question is never found; once published, everyone finds it with its answer', async () => {
    const word = unique('zwaluw');
    const answerWord = unique('kraanvogel');
    const asked = await api('provider').post(`/trajectories/${t}/questions`, { text: `Hoe gaat het met de ${word} in de regio?` });
    expect(asked.status, asked.text).toBe(201);

    expect(await finds('provider', word)).toBe(true);
    expect(await finds('procurement', word)).toBe(true);
    for (const person of ['secondProvider', 'municipality', 'client', 'facilitator', 'observer', 'admin'] as Person[]) expect(await finds(person, word), person).toBe(false);

    const answered = await api('procurement').put(`/trajectories/${t}/questions/${asked.body.id}/answer`, { answer: `De ${answerWord} vliegt voorbij.` });
    expect(answered.status, answered.text).toBe(200);
    // A drafted answer: the team only, not yet its asker.
    expect(await finds('procurement', answerWord)).toBe(true);
    expect(await finds('provider', answerWord)).toBe(false);
    expect(await finds('secondProvider', answerWord)).toBe(false);

    const published = await api('procurement').post(`/trajectories/${t}/questions/publish`, {});
    expect(published.status, published.text).toBe(200);
    for (const person of ['secondProvider', 'provider', 'municipality', 'client', 'facilitator', 'observer', 'admin'] as Person[]) {
      const found = hits(await search(person, `${word} ${answerWord}`));
      expect(found.map((h) => h.id), person).toEqual([`question:${asked.body.id}`]);
      expect(found[0]!.path).toBe(`/trajecten/${t}/vragen`);
      expect(JSON.stringify(found)).not.toContain('Fatima');
    }
  });

  it('finds attachment names where their parent may be read: a topic’s file by everyone, a file of an unpublished question only by its asker and the team', async () => {
    const attach = (person: Person, query: string) =>
      api(person).request('POST', `/trajectories/${t}/attachments?${query}`, { raw: 'Een bijlage.\n', headers: { 'content-type': 'application/octet-stream' } });
    const topicWord = unique('tarievenblad');
    const topics = await api('procurement').get(`/trajectories/${t}/topics`);
    const topicId = (topics.body as Array<{ id: string }>)[0]!.id;
    const onTopic = await attach('procurement', `parentKind=topic&parentId=${topicId}&name=${topicWord}.txt`);
    expect(onTopic.status, onTopic.text).toBe(201);
    for (const person of tableRoles) {
      const found = hits(await search(person, topicWord));
      expect(found.map((h) => [h.id, h.kind, h.path]), person).toEqual([[`attachment:${onTopic.body.id}`, 'attachment', `/trajecten/${t}/onderwerpen/${topicId}`]]);
    }

    const questionWord = unique('onderbouwing');
    const asked = await api('provider').post(`/trajectories/${t}/questions`, { text: 'Mag ik een onderbouwing meesturen?' });
    expect(asked.status, asked.text).toBe(201);
    const onQuestion = await attach('provider', `parentKind=question&parentId=${asked.body.id}&name=${questionWord}.txt`);
    expect(onQuestion.status, onQuestion.text).toBe(201);
    expect(await finds('provider', questionWord)).toBe(true);
    expect(await finds('procurement', questionWord)).toBe(true);
    for (const person of ['secondProvider', 'municipality', 'client', 'observer'] as Person[]) expect(await finds(person, questionWord), person).toBe(false);
  });

  it('is current right after a change through REST: a new topic, a changed title, an outcome', async () => {
    const word = unique('zeppelin');
    expect(await finds('municipality', word)).toBe(false);
    const topic = await api('procurement').post(`/trajectories/${t}/topics`, { title: `Afspraken over de ${word}` });
    expect(topic.status, topic.text).toBe(201);
    // No waiting: the answer to the change is sent after the index heard of it.
    const found = hits(await search('municipality', word));
    expect(found.map((h) => [h.kind, h.path])).toEqual([['topic', `/trajecten/${t}/onderwerpen/${topic.body.id}`]]);
    // Stemming: "afspraak" finds "Afspraken".
    expect(hits(await search('municipality', `afspraak ${word}`)).map((h) => h.id)).toEqual([`topic:${topic.body.id}`]);

    const renamed = unique('luchtschip');
    expect((await api('procurement').patch(`/trajectories/${t}/topics/${topic.body.id}`, { title: `Afspraken over het ${renamed}` })).status).toBe(200);
    expect(await finds('municipality', word)).toBe(false);
    expect(await finds('municipality', renamed)).toBe(true);

    const outcomeWord = unique('vuurtoren');
    const outcome = await api('procurement').post(`/trajectories/${t}/outcomes`, { topicId: topic.body.id, text: `De ${outcomeWord} blijft branden.`, category: 'substantive', horizon: 'long_term', status: 'agreed' });
    expect(outcome.status, outcome.text).toBe(201);
    const outcomeHits = hits(await search('client', outcomeWord));
    expect(outcomeHits.map((h) => [h.kind, h.path])).toEqual([['outcome', `/trajecten/${t}/onderwerpen/${topic.body.id}`]]);
  });

  it('follows a clause edit made over the collaboration endpoint', async () => {
    const word = unique('korenmolen');
    expect(await finds('provider', word)).toBe(false);
    const { client } = await openClause('procurement');
    firstParagraph(client).insert(0, `Bij de ${word}: `);
    await waitFor(() => finds('provider', word), 10_000, 'the edit in the search results');
    const hit = hits(await search('provider', word))[0]!;
    expect(hit.kind).toBe('clause');
    expect(marked(hit.snippet!)).toEqual([word]);
    expect(documentText(client.doc)).toContain(word);
  });

  it('follows changes made on another node: a REST change and a clause edit', async () => {
    // Node b builds its own index first, so what follows must reach it as a change.
    const word = unique('kolibrie');
    expect(await finds('observer', word, b)).toBe(false);
    const topic = await api('procurement', a).post(`/trajectories/${t}/topics`, { title: `De ${word} als voorbeeld` });
    expect(topic.status, topic.text).toBe(201);
    await waitFor(() => finds('observer', word, b), 10_000, 'the topic in node b’s results');

    const edit = unique('pelikaan');
    expect(await finds('observer', edit, b)).toBe(false);
    const { client } = await openClause('procurement', a);
    firstParagraph(client).insert(0, `De ${edit} zegt: `);
    await waitFor(() => finds('observer', edit, b), 10_000, 'the clause edit in node b’s results');
  });

  it('refuses bad queries with a clear error, and strangers as if the trajectory did not exist', async () => {
    const path = `/trajectories/${t}/search`;
    expectError(await api('provider').get(path), 400, 'validation_failed');
    expectError(await api('provider').get(`${path}?q=`), 400, 'validation_failed');
    expectError(await api('provider').get(`${path}?q=${'a'.repeat(201)}`), 400, 'validation_failed');
    expectError(await api('provider').get(`${path}?q=a&limit=0`), 400, 'validation_failed');
    expectError(await api('provider').get(`${path}?q=a&limit=1000`), 400, 'validation_failed');
    expectError(await api('provider').get(`${path}?q=a&q=b`), 400, 'validation_failed');
    expectError(await api('provider').get(`${path}?q=a&onbekend=1`), 400, 'validation_failed');
    expectError(await apiClient(a).get(`${path}?q=afspraak`), 401, 'unauthenticated');
    expectError(await api('provider').get(`/trajectories/${'a'.repeat(24)}/search?q=afspraak`), 404, 'not_found');
    // Odd but valid input is just a search.
    for (const q of ['<script>alert(1)</script>', '"', '***', 'é', '(a OR b)']) {
      const res = await api('provider').get(`${path}?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect((await search('provider', 'a', a)).total).toBeGreaterThanOrEqual(0);
    const limited = await api('procurement').get(`${path}?q=de&limit=3`);
    expect(limited.body.groups.flatMap((g: { hits: unknown[] }) => g.hits).length).toBeLessThanOrEqual(3);
  });
});
