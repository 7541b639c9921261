import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, demoEmails, demoPassword, demoTrajectoryIds, expectError, signIn, type ApiClient, type ApiResponse, type DemoIds } from '../helpers/api-client';
import { accountFeatureTags, apiRoutes, bodyFields, fillPath, hasBody, pathParams, routeKey, type ApiRoute } from '../helpers/routes';
import { startServer, type RunningServer } from '../helpers/server';

const routes = apiRoutes();
const bodyRoutes = routes.filter(hasBody);
const writeRoutes = routes.filter((r) => r.method !== 'get');

interface Fixture {
  ids: DemoIds;
  params: Record<string, string>;
  regionId: string;
  organisationId: string;
}

/** A body each route would accept, so that a refusal can only come from what a test changes. */
const validBodies: Record<string, (f: Fixture) => unknown> = {
  'POST /auth/login': () => ({ email: demoEmails.procurement, password: demoPassword }),
  'POST /auth/logout': () => undefined,
  'PUT /trajectories/:trajectoryId/me/anonymity': () => ({ anonymous: true }),
  'PUT /trajectories/:trajectoryId/visit': () => undefined,
  'POST /auth/password-reset': () => ({ email: demoEmails.client }),
  'POST /auth/password-reset/confirm': (f) => ({ token: f.params.token, password: 'een-nieuw-wachtwoord' }),
  'POST /invitations/:token/accept': (f) => ({ token: f.params.token, name: 'Nieuwe Naam', password: 'een-nieuw-wachtwoord' }),
  'POST /regions': () => ({ name: 'Regio Nergens', municipalities: ['Nergenshuizen'] }),
  'POST /trajectories': (f) => ({ regionId: f.regionId, name: 'Nieuw traject', model: 'open_house', municipalities: ['Haarlem'] }),
  'PATCH /trajectories/:trajectoryId': () => ({ description: 'Nieuwe omschrijving' }),
  'PATCH /trajectories/:trajectoryId/members/:memberId': () => ({ role: 'procurement' }),
  'POST /trajectories/:trajectoryId/invitations': (f) => ({ email: 'iemand@voorbeeld.example', role: 'observer', organisation: { id: f.organisationId } }),
  'POST /trajectories/:trajectoryId/topics': () => ({ title: 'Een geldig onderwerp' }),
  'PUT /trajectories/:trajectoryId/topics/order': (f) => ({ order: [f.params.topicId] }),
  'POST /trajectories/:trajectoryId/topics/:topicId/decision': () => ({ decision: 'decline', reason: 'Geen tijd voor' }),
  'PATCH /trajectories/:trajectoryId/topics/:topicId': () => ({ title: 'Een andere titel' }),
  'PUT /trajectories/:trajectoryId/topics/:topicId/summary': () => ({ summary: 'Een samenvatting in gewone taal' }),
  'POST /trajectories/:trajectoryId/invitations/bulk/preview': () => ({ fileName: 'uitnodigingen.csv', content: Buffer.from('organisatie;kvk;contact;e-mail;rol\n').toString('base64') }),
  'POST /trajectories/:trajectoryId/invitations/bulk': () => ({ fileName: 'uitnodigingen.csv', content: Buffer.from('organisatie;kvk;contact;e-mail;rol\n').toString('base64') }),
  'POST /trajectories/:trajectoryId/admission/applications/:applicationId/review': () => ({ step: 'markComplete' }),
  'POST /trajectories/:trajectoryId/agreement/chapters': () => ({ title: 'Een hoofdstuk' }),
  'PATCH /trajectories/:trajectoryId/agreement/chapters/:chapterId': () => ({ title: 'Een hoofdstuk' }),
  'POST /trajectories/:trajectoryId/agreement/clauses': () => ({ chapterId: 'bbbbbbbbbbbbbbbbbbbbbbbb', title: 'Een artikel' }),
  'PATCH /trajectories/:trajectoryId/agreement/clauses/:clauseId': () => ({ title: 'Een artikel' }),
  'PUT /trajectories/:trajectoryId/agreement/clauses/:clauseId/summary': () => ({ summary: 'Een samenvatting in gewone taal' }),
  'POST /trajectories/:trajectoryId/agreement/clauses/:clauseId/variants': () => ({ label: 'Een variant', municipalities: ['Haarlem'] }),
  'PATCH /trajectories/:trajectoryId/agreement/clauses/:clauseId/variants/:variantId': () => ({ label: 'Een variant', municipalities: ['Haarlem'] }),
  'POST /trajectories/:trajectoryId/agreement/clauses/:clauseId/comments': () => ({ anchor: { start: 'AAEA', end: 'AAIA', quote: 'woorden' }, body: 'Een reactie' }),
  'POST /trajectories/:trajectoryId/comments/:commentId/replies': () => ({ body: 'Een antwoord' }),
  'PUT /trajectories/:trajectoryId/comments/:commentId/status': () => ({ status: 'resolved' }),
  'POST /trajectories/:trajectoryId/agreement/clauses/:clauseId/amendments': () => ({ proposedText: 'Andere woorden', motivation: 'Duidelijker' }),
  'POST /trajectories/:trajectoryId/amendments/:amendmentId/replies': () => ({ body: 'Een antwoord' }),
  'POST /trajectories/:trajectoryId/amendments/:amendmentId/decision': () => ({ decision: 'decline', reason: 'Niet nodig' }),
  'POST /trajectories/:trajectoryId/versions': () => ({ name: 'Een versie', clauseId: null }),
  'POST /trajectories/:trajectoryId/versions/:versionId/restore': () => ({ clauseId: 'bbbbbbbbbbbbbbbbbbbbbbbb' }),
  'POST /trajectories/:trajectoryId/questions': () => ({ text: 'Een geldige vraag?' }),
  'PUT /trajectories/:trajectoryId/questions/:questionId/answer': () => ({ answer: 'Een geldig antwoord' }),
  'POST /trajectories/:trajectoryId/consultations': () => ({ title: 'Een consultatie', versionId: 'bbbbbbbbbbbbbbbbbbbbbbbb', closesOn: '2099-12-31' }),
  'POST /trajectories/:trajectoryId/consultations/:consultationId/reactions': () => ({ clauseId: 'bbbbbbbbbbbbbbbbbbbbbbbb', text: 'Een reactie' }),
  'POST /trajectories/:trajectoryId/consultations/:consultationId/reactions/on-behalf': () => ({ clauseId: 'bbbbbbbbbbbbbbbbbbbbbbbb', text: 'Een reactie', onBehalfOf: 'een jongere van Team Ed' }),
  'POST /polls/:pollId/ballot/on-behalf': () => ({ recordingId: randomUUID(), onBehalfOf: 'een jongere van Team Ed', choice: { kind: 'consent', option: 'agree' } }),
  'PATCH /trajectories/:trajectoryId/consultations/:consultationId/reactions/:reactionId': () => ({ text: 'Een andere reactie' }),
  'PUT /trajectories/:trajectoryId/consultations/:consultationId/reactions/:reactionId/response': () => ({ text: 'Een antwoord', outcome: 'noted' }),
  'POST /trajectories/:trajectoryId/outcomes': (f) => ({ topicId: f.params.topicId, text: 'Een afspraak', category: 'substantive', horizon: 'long_term', status: 'open' }),
  'PUT /trajectories/:trajectoryId/outcomes/:outcomeId': (f) => ({ topicId: f.params.topicId, text: 'Een afspraak', category: 'substantive', horizon: 'long_term', status: 'open' }),
  'POST /trajectories/:trajectoryId/final/signoffs': () => ({ municipality: 'Haarlem', decision: 'reject', reason: 'Een reden' }),
};

describe('bad input on every route', () => {
  let server: RunningServer;
  let inkoop: ApiClient;
  let admin: ApiClient;
  const f = {} as Fixture;
  const statuses: Array<{ key: string; status: number }> = [];
  let topicCount: number;
  let auditCount: number;

  const record = (route: ApiRoute, res: ApiResponse) => {
    statuses.push({ key: routeKey(route), status: res.status });
    return res;
  };
  /** Sends as the procurement team (sign-out as a throwaway session, so inkoop stays signed in). */
  const clientFor = async (route: ApiRoute) => (route.path === '/auth/logout' ? signIn(server, demoEmails.observer) : inkoop);
  /** Ids of this feature's fixture; any other id parameter (of a newer route) gets an id that exists nowhere. */
  // An applicant's secret link has a shape of its own (application id and secret): one that cannot exist but parses.
  const applicantToken = `${'b'.repeat(24)}.${'c'.repeat(43)}`;
  const pathOf = (route: ApiRoute, overrides: Record<string, string> = {}) =>
    fillPath(route.path, {
      ...Object.fromEntries(pathParams(route.path).map((p) => [p, 'bbbbbbbbbbbbbbbbbbbbbbbb'])),
      ...f.params,
      ...(route.path.startsWith('/admission/applications/:token') ? { token: applicantToken } : {}),
      ...overrides,
    });
  /** A body the route accepts; `{}` for routes this file does not know (their bad-input checks stay generic). */
  const validBody = (route: ApiRoute) => (validBodies[routeKey(route)] ?? (() => ({})))(f);

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    admin = await signIn(server, demoEmails.admin);
    inkoop = await signIn(server, demoEmails.procurement);
    f.ids = await demoTrajectoryIds(admin);
    const topics = (await inkoop.get(`/trajectories/${f.ids.ijmond}/topics`)).body;
    const members = (await inkoop.get(`/trajectories/${f.ids.ijmond}/members`)).body;
    const orgs = (await inkoop.get('/organisations')).body;
    f.organisationId = orgs.find((o: { name: string }) => o.name === 'Gemeente Haarlem').id;
    f.regionId = (await admin.get('/regions')).body.find((r: { name: string }) => r.name === 'IJmond en Zuid-Kennemerland').id;
    const invitation = await inkoop.post(`/trajectories/${f.ids.ijmond}/invitations`, { email: 'open@voorbeeld.example', role: 'observer', organisation: { id: f.organisationId } });
    expect(invitation.status).toBe(201);
    f.params = {
      trajectoryId: f.ids.ijmond,
      memberId: members.find((m: { email: string }) => m.email === demoEmails.procurement).id,
      topicId: topics[0].id,
      invitationId: invitation.body.id,
      token: randomBytes(32).toString('base64url'),
    };
    topicCount = topics.length;
    auditCount = (await inkoop.get(`/trajectories/${f.ids.ijmond}/audit/verify`)).body.events;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('knows a valid body for every route of this feature that takes one', () => {
    const feature = bodyRoutes.filter((r) => accountFeatureTags.includes(r.tag)).map(routeKey);
    expect(feature.length).toBeGreaterThanOrEqual(14);
    for (const key of feature) expect(validBodies, key).toHaveProperty([key]);
  });

  describe.each(bodyRoutes.map((r) => [routeKey(r), r] as const))('%s', (_key, route) => {
    it('malformed JSON → 400 bad_request', async () => {
      for (const raw of ['{"title":', '{title: "x"}', "{'a':1}", 'undefined', '{"a":1}}']) {
        const res = record(route, await (await clientFor(route)).request(route.method, pathOf(route), { raw, headers: { 'content-type': 'application/json' } }));
        expectError(res, 400, 'bad_request');
      }
    });

    it('a JSON array, a string or a number instead of an object → 400', async () => {
      // Few attempts: the sign-in and reset routes count every request against their rate limits.
      for (const body of [[], [validBody(route)], 'tekst']) {
        const res = record(route, await (await clientFor(route)).request(route.method, pathOf(route), { raw: JSON.stringify(body), headers: { 'content-type': 'application/json' } }));
        if (route.takesBody) expectError(res, 400, res.body?.error?.code === 'bad_request' ? 'bad_request' : 'validation_failed');
        else expect(res.status).toBeLessThan(500);
      }
    });

    it('unknown fields and wrong types → 400 validation_failed naming the field', async () => {
      const valid = validBody(route) as Record<string, unknown> | undefined;
      const client = await clientFor(route);
      const unknown = record(route, await client.request(route.method, pathOf(route), { body: { ...valid, onbekendVeld: true } }));
      const pollution = record(route, await client.request(route.method, pathOf(route), { raw: JSON.stringify(valid ?? {}).replace(/^\{/, '{"__proto__":{"platformAdmin":true},').replace(',}', '}'), headers: { 'content-type': 'application/json' } }));
      if (!route.takesBody) {
        expect(unknown.status).toBeLessThan(500);
        expect(pollution.status).toBeLessThan(500);
        return;
      }
      expectError(unknown, 400, 'validation_failed');
      expectError(pollution, 400, 'validation_failed');
      // Fields filled from the path (routes that merge path parameters into the body) cannot be sent wrong in the body.
      const fields = bodyFields(route.body).filter((field) => !(route.mergeParams && pathParams(route.path).includes(field)));
      expect(bodyFields(route.body).length, 'the body schema names its fields').toBeGreaterThan(0);
      for (const field of fields) {
        for (const wrong of [{ genest: true }, [true]]) {
          const res = record(route, await client.request(route.method, pathOf(route), { body: { ...valid, [field]: wrong } }));
          expectError(res, 400, 'validation_failed');
          expect(Object.keys(res.body.error.fields ?? {}).some((k) => k === field || k.startsWith(`${field}.`)), `${field}=${JSON.stringify(wrong)}: ${res.text}`).toBe(true);
        }
      }
    });

    it('a body that is not JSON → 415 unsupported_media_type', async () => {
      const client = await clientFor(route);
      const attempts: Array<[string, string]> = [
        ['text/plain', JSON.stringify(validBody(route) ?? {})],
        ['application/x-www-form-urlencoded', 'email=inkoop%40dialoogtafel.example&title=Formulier'],
        ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nFormulier\r\n--x--\r\n'],
      ];
      for (const [type, raw] of attempts) {
        const res = record(route, await client.request(route.method, pathOf(route), { raw, headers: { 'content-type': type } }));
        expectError(res, 415, 'unsupported_media_type');
      }
    });
  });

  const routesWithIds = routes.filter((r) => pathParams(r.path).length > 0);
  it.each(routesWithIds.map((r) => [routeKey(r), r] as const))('%s: a path id that is not an id → 404', async (_key, route) => {
    for (const param of pathParams(route.path)) {
      for (const bad of param === 'token' ? ['kort', 'met spaties en tekens!!!!!!!!!!'] : ['not-an-id', '123', 'AAAAAAAAAAAAAAAAAAAAAAAA', 'aaaaaaaaaaaaaaaaaaaaaaaaa']) {
        const body = hasBody(route) ? validBody(route) : undefined;
        const res = record(route, await inkoop.request(route.method, pathOf(route, { [param]: bad }), body === undefined ? {} : { body }));
        expectError(res, 404, 'not_found');
      }
    }
  });

  it.each(writeRoutes.map((r) => [routeKey(r), r] as const))('%s: a request from another site (Origin header) → 403', async (_key, route) => {
    const body = hasBody(route) ? validBody(route) : undefined;
    for (const origin of ['https://evil.example', 'null', server.url.replace('127.0.0.1', 'localhost')]) {
      const res = record(route, await inkoop.request(route.method, pathOf(route), { ...(body === undefined ? {} : { body }), headers: { origin } }));
      expectError(res, 403, 'forbidden');
    }
  });

  it('none of the bad requests changed anything', async () => {
    expect((await inkoop.get('/me')).status).toBe(200);
    const topics = (await inkoop.get(`/trajectories/${f.ids.ijmond}/topics`)).body as Array<{ title: string; status: string }>;
    expect(topics.length).toBe(topicCount);
    expect(topics.some((t) => /Formulier|geldig|andere titel/.test(t.title))).toBe(false);
    const trajectory = (await inkoop.get(`/trajectories/${f.ids.ijmond}`)).body;
    expect(trajectory.description).not.toBe('Nieuwe omschrijving');
    expect((await inkoop.get(`/trajectories/${f.ids.ijmond}/invitations`)).body.some((i: { email: string }) => i.email === 'iemand@voorbeeld.example')).toBe(false);
    expect((await admin.get('/regions')).body.some((r: { name: string }) => r.name === 'Regio Nergens')).toBe(false);
    const verify = (await inkoop.get(`/trajectories/${f.ids.ijmond}/audit/verify`)).body;
    expect(verify).toMatchObject({ valid: true, events: auditCount });
    expect((await admin.get('/admin/outbox')).body.some((m: { to: string }) => m.to === 'iemand@voorbeeld.example')).toBe(false);
  });

  it('never answered 500, and logged no request failures', () => {
    expect(statuses.length).toBeGreaterThan(200);
    expect(statuses.filter((s) => s.status >= 500)).toEqual([]);
    expect(server.logs().filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it('a request from our own origin is accepted', async () => {
    const res = await inkoop.post(`/trajectories/${f.ids.ijmond}/topics`, { title: 'Van onze eigen site' }, { headers: { origin: server.url } });
    expect(res.status).toBe(201);
  });

  it('a body over the size limit on a real route → 413, and values out of range → 400', async () => {
    expectError(await inkoop.post(`/trajectories/${f.ids.ijmond}/topics`, { title: 'Groot', description: 'x'.repeat(300 * 1024) }), 413, 'payload_too_large');
    const long = await inkoop.post(`/trajectories/${f.ids.ijmond}/topics`, { title: 'x'.repeat(201), description: 'y'.repeat(5001) });
    expectError(long, 400, 'validation_failed');
    expect(Object.keys(long.body.error.fields).sort()).toEqual(['description', 'title']);
    expectError(await inkoop.post(`/trajectories/${f.ids.ijmond}/topics`, { title: '   ' }), 400, 'validation_failed');
  });

  it('GET /api/openapi.json lists every route of the route table', async () => {
    const res = await apiClient(server).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const documented = Object.entries(res.body.paths as Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; requestBody?: unknown; summary?: string }>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const expected = routes.map((r) => `${r.method.toUpperCase()} /api${r.path.replace(/:(\w+)/g, '{$1}')}`).sort();
    expect(documented).toEqual(expected);
    for (const route of routes) {
      const entry = res.body.paths[`/api${route.path.replace(/:(\w+)/g, '{$1}')}`][route.method];
      expect(entry.summary, routeKey(route)).toEqual(expect.any(String));
      expect((entry.parameters ?? []).filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name)).toEqual(pathParams(route.path));
      if (hasBody(route)) expect(entry.requestBody, routeKey(route)).toBeDefined();
    }
  });
});
