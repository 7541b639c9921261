import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, expectError, signIn, type ApiClient } from '../helpers/api-client';
import { freshDatabaseUri, startServer, type RunningServer } from '../helpers/server';

/**
 * Input on someone's behalf (issue 16, item 4): the facilitator records a comment on a clause for
 * someone without an account. It is marked with the description, the recorder is its author and
 * the actor of its audit event, and nobody else (a provider, an observer) may record one.
 */
describe('input on someone\'s behalf: a comment on a clause', () => {
  let server: RunningServer;
  let trajectory: string;
  const people = new Map<string, ApiClient>();
  const as = (role: keyof typeof demoEmails) => people.get(role)!;
  let clauseId: string;
  let anchor: { variantId: string | null; start: string; end: string; quote: string };
  let facilitatorId: string;

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' }, mongoUri: freshDatabaseUri() });
    for (const role of ['admin', 'facilitator', 'procurement', 'provider', 'observer'] as const) people.set(role, await signIn(server, demoEmails[role]));
    trajectory = `/trajectories/${(await demoTrajectoryIds(as('admin'))).ijmond}`;
    // An anchor on words of the demo's clause text: the one of a demo comment.
    const demo = await as('procurement').get(`${trajectory}/comments`);
    expect(demo.status, demo.text).toBe(200);
    const first = (demo.body as Array<{ clauseId: string; variantId: string | null; anchor: { start: string; end: string; quote: string } }>).find((c) => c.variantId === null)!;
    clauseId = first.clauseId;
    anchor = { variantId: null, ...first.anchor };
    const me = await as('facilitator').get('/me');
    facilitatorId = me.body.user.id;
    expect(facilitatorId).toBeTruthy();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const post = (client: ApiClient, body: unknown) => client.post(`${trajectory}/agreement/clauses/${clauseId}/comments`, body);
  const listAs = async (client: ApiClient) => {
    const res = await client.get(`${trajectory}/comments?clauseId=${clauseId}`);
    expect(res.status, res.text).toBe(200);
    return res.body as Array<{ id: string; body: string; onBehalfOf: string | null; author: { id: string | null; name: string | null; group: string } }>;
  };

  it('the facilitator records a comment on behalf of a young person; everyone sees it marked, the log names the facilitator', async () => {
    const created = await post(as('facilitator'), { anchor, body: 'Wij willen zelf kunnen kiezen bij wie we hulp krijgen.', onBehalfOf: '  een jongere van Team Ed ' });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ onBehalfOf: 'een jongere van Team Ed', author: { id: facilitatorId, group: 'facilitator', anonymous: false } });

    for (const viewer of ['provider', 'observer', 'procurement'] as const) {
      const seen = (await listAs(as(viewer))).find((c) => c.id === created.body.id);
      expect(seen, viewer).toMatchObject({ onBehalfOf: 'een jongere van Team Ed', author: { id: facilitatorId } });
    }
    // One's own comments stay unmarked.
    const own = (await listAs(as('provider'))).filter((c) => c.id !== created.body.id);
    expect(own.every((c) => c.onBehalfOf === null)).toBe(true);

    const audit = await as('procurement').get(`${trajectory}/audit`);
    expect(audit.status, audit.text).toBe(200);
    const event = (audit.body as Array<{ action: string; objectId: string; actor: { id: string } | null; summary: Record<string, unknown> }>).find(
      (e) => e.action === 'comment.create' && e.objectId === created.body.id,
    );
    expect(event).toMatchObject({ actor: { id: facilitatorId }, summary: { clauseId, onBehalfOf: 'een jongere van Team Ed' } });
  });

  it('the procurement team may record one too', async () => {
    const created = await post(as('procurement'), { anchor, body: 'Namens de ouders: graag een vast aanspreekpunt.', onBehalfOf: 'een ouder uit Velsen' });
    expect(created.status, created.text).toBe(201);
    expect(created.body.onBehalfOf).toBe('een ouder uit Velsen');
  });

  it('a provider and an observer are refused (403) and nothing is stored', async () => {
    const before = (await listAs(as('procurement'))).length;
    expectError(await post(as('provider'), { anchor, body: 'Namens een cliënt', onBehalfOf: 'een cliënt van ons' }), 403, 'forbidden');
    expectError(await post(as('observer'), { anchor, body: 'Namens de raad', onBehalfOf: 'de adviesraad' }), 403, 'forbidden');
    expect((await listAs(as('procurement'))).length).toBe(before);
  });

  it('a bad description is refused with 400 and nothing is stored', async () => {
    const before = (await listAs(as('procurement'))).length;
    for (const onBehalfOf of ['', '  x ', 'a'.repeat(121), 42, null]) {
      const res = await post(as('facilitator'), { anchor, body: 'Iets', onBehalfOf });
      expectError(res, 400, 'validation_failed');
    }
    // Recorded on someone's behalf is recorded by name: not anonymous at the same time.
    expectError(await post(as('facilitator'), { anchor, body: 'Iets', onBehalfOf: 'een jongere', anonymous: true }), 400, 'validation_failed');
    expect((await listAs(as('procurement'))).length).toBe(before);
  });
});
