import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, demoEmails, demoTrajectoryIds, expectError, readOutbox, signIn, uniqueEmail, type ApiClient, type ApiResponse, type DemoIds } from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

const representatives: Record<string, string> = {
  Apeldoorn: 'gertjan.hendriks@dialoogtafel.example',
  Brummen: 'lotte.vandijk@dialoogtafel.example',
  Epe: 'martijn.bosch@dialoogtafel.example',
  Hattem: 'esther.kok@dialoogtafel.example',
  Heerde: 'henk.willems@dialoogtafel.example',
  Lochem: 'sofie.vermeulen@dialoogtafel.example',
  Voorst: 'jan.peters@dialoogtafel.example',
  Zutphen: 'ingrid.wolters@dialoogtafel.example',
};
const declarationIds = ['uitsluitingsgronden', 'governance-code', 'vog', 'kwaliteit'];
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A complete application of a provider; `over` replaces parts. */
function application(over: Record<string, unknown> = {}) {
  return {
    organisation: { name: 'Praktijk Het Kompas', kvk: '1234 5678', kind: 'independent', address: 'Stationsplein 4', postcode: '7311 NZ', city: 'Apeldoorn' },
    contact: { name: 'Sanne de Wit', email: uniqueEmail('aanvraag') },
    perceelen: ['P2'],
    declarations: declarationIds,
    motivation: 'Wij bieden systeemtherapie in Apeldoorn en omstreken.',
    ...over,
  };
}

describe('admission under Open House (toetreding)', () => {
  let server: RunningServer;
  let ids: DemoIds;
  let admin: ApiClient;
  let inkoop: ApiClient;
  let anonymous: ApiClient;
  /** Members of Midden-IJssel who may not review: provider, client representative, municipality, facilitator. */
  let notAllowed: Map<string, ApiClient>;
  /** Members of IJmond only: the Midden-IJssel trajectory does not exist for them. */
  let otherTrajectory: ApiClient[];
  let m: string;
  let pub: string;

  const overview = async () => {
    const res = await inkoop.get(`${m}/admission`);
    expect(res.status, res.text).toBe(200);
    return res.body as { applications: Array<{ id: string; status: string; organisationName: string; number: number }>; settings: { reviewWeeks: number } };
  };
  const applyAs = (client: ApiClient, body: unknown) => client.post(`${pub}/applications`, body);
  const link = (token: string) => `/admission/applications/${token}`;
  const review = (client: ApiClient, id: string, body: unknown) => client.post(`${m}/admission/applications/${id}/review`, body);
  const upload = (token: string, name: string, bytes: Buffer, headers: Record<string, string> = {}) =>
    anonymous.request('POST', `${link(token)}/documents?name=${encodeURIComponent(name)}`, { raw: bytes, headers: { 'content-type': 'application/octet-stream', ...headers } });
  const accession = { signerName: 'Sanne de Wit', signerFunction: 'Eigenaar', municipalities: ['Apeldoorn', 'Epe'], accept: true };

  beforeAll(async () => {
    // A small file limit, so a file over it is quick to send.
    server = await startServer({ env: { DEMO: '1', MAX_ATTACHMENT_BYTES: String(64 * 1024) } });
    admin = await signIn(server, demoEmails.admin);
    ids = await demoTrajectoryIds(admin);
    m = `/trajectories/${ids.midden}`;
    pub = `/open-house/${ids.midden}`;
    anonymous = apiClient(server);
    inkoop = await signIn(server, demoEmails.procurement);
    const seated = { provider: 'noor.jansen@dialoogtafel.example', client: 'demi.koster@dialoogtafel.example', municipality: 'gertjan.hendriks@dialoogtafel.example', facilitator: 'hanneke.prins@dialoogtafel.example' };
    notAllowed = new Map(await Promise.all(Object.entries(seated).map(async ([role, email]) => [role, await signIn(server, email)] as const)));
    otherTrajectory = await Promise.all([demoEmails.provider, demoEmails.municipality, demoEmails.client].map((e) => signIn(server, e)));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('the demo runs a contract: 12 providers in the register and 2 applications in review', async () => {
    const register = await anonymous.get(`${pub}/register`);
    expect(register.status, register.text).toBe(200);
    expect(register.body.providers).toHaveLength(12);
    expect(register.body.providers.map((p: { kind: string }) => p.kind)).toEqual(expect.arrayContaining(['institution', 'independent', 'cooperative', 'intermediary']));
    const inReview = (await overview()).applications.filter((a) => ['submitted', 'incomplete', 'complete'].includes(a.status));
    expect(inReview).toHaveLength(2);
  });

  it('end to end: apply, a question back, the answer, complete, admit, accession to the sealed version, register page and CSV', async () => {
    const form = await anonymous.get(`${pub}/admission`);
    expect(form.status, form.text).toBe(200);
    expect(form.body.settings).toMatchObject({ reviewWeeks: 8, declarations: expect.arrayContaining([expect.objectContaining({ id: 'vog' })]) });

    // The name tries to run as a formula in a spreadsheet; the CSV must defuse it.
    const name = '=HYPERLINK("https://kwaad.example","Kompas")';
    const body = application({ organisation: { ...application().organisation, name } });
    const applied = await applyAs(anonymous, body);
    expect(applied.status, applied.text).toBe(201);
    const token = applied.body.token as string;
    const applicationId = token.split('.')[0]!;
    expect(applied.body.reviewDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The applicant is mailed the secret link at their address.
    const received = (await readOutbox(admin)).find((mail) => mail.to === body.contact.email);
    expect(received?.text).toContain(`/toetreding/aanvraag/${token}`);
    expect(received?.text).toContain('uiterlijk');

    // Documents: typed by content, on the application as their parent.
    const attached = await upload(token, 'kwaliteitsverklaring.pdf', pdf);
    expect(attached.status, attached.text).toBe(201);
    expect(attached.body.files).toEqual([expect.objectContaining({ name: 'kwaliteitsverklaring.pdf', contentType: 'application/pdf' })]);
    const files = await inkoop.get(`${m}/attachments?parentKind=application&parentId=${applicationId}`);
    expect(files.status, files.text).toBe(200);
    expect(files.body.attachments).toHaveLength(1);

    // The procurement team sees it, with the deadline, and asks a question back.
    const listed = (await overview()).applications.find((a) => a.id === applicationId);
    expect(listed).toMatchObject({ status: 'submitted', organisationName: name });
    const asked = await review(inkoop, applicationId, { step: 'askQuestion', question: 'Stuur uw SKJ-registratie mee.' });
    expect(asked.status, asked.text).toBe(200);
    expect(asked.body).toMatchObject({ status: 'incomplete', openQuestion: 'Stuur uw SKJ-registratie mee.' });
    expect((await readOutbox(admin)).some((mail) => mail.to === body.contact.email && mail.text.includes('Stuur uw SKJ-registratie mee.'))).toBe(true);

    // The applicant reads it through the link, completes and answers.
    const seen = await anonymous.get(link(token));
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body.application).toMatchObject({ status: 'incomplete', openQuestion: 'Stuur uw SKJ-registratie mee.', steps: ['answer'], mayAttach: true });
    expect((await upload(token, 'skj-registratie.pdf', pdf)).status).toBe(201);
    const answered = await anonymous.post(`${link(token)}/answer`, { answer: 'Bijgevoegd: skj-registratie.pdf.' });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body.application).toMatchObject({ status: 'submitted', openQuestion: null });
    expect(answered.body.files).toHaveLength(2);

    // Complete, then admitted with a date for the accession.
    expect((await review(inkoop, applicationId, { step: 'markComplete' })).body.status).toBe('complete');
    const admitted = await review(inkoop, applicationId, { step: 'admit' });
    expect(admitted.status, admitted.text).toBe(200);
    expect(admitted.body).toMatchObject({ status: 'admitted', accessionDeadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(admitted.body.history.map((h: { step: string }) => h.step)).toEqual(['apply', 'askQuestion', 'answer', 'markComplete', 'admit']);
    // After the decision the file list is closed to the applicant.
    expectError(await upload(token, 'laat.pdf', pdf), 409, 'conflict');

    // Accession needs a sealed version of the definitive agreement.
    const early = await anonymous.post(`${link(token)}/accession`, accession);
    expectError(early, 409, 'conflict');
    expect(early.body.error.fields.reason).toBe('not_sealed');
    expect((await inkoop.post(`${m}/final/assemble`, {})).status).toBe(200);
    for (const [municipality, email] of Object.entries(representatives)) {
      const signed = await (await signIn(server, email)).post(`${m}/final/signoffs`, { municipality, decision: 'approve' });
      expect(signed.status, signed.text).toBe(200);
    }
    const final = (await inkoop.get(`${m}/final`)).body;
    const acceded = await anonymous.post(`${link(token)}/accession`, accession);
    expect(acceded.status, acceded.text).toBe(200);
    expect(acceded.body.application).toMatchObject({ status: 'contracted', accession: { agreementVersion: '1.0', municipalities: ['Apeldoorn', 'Epe'], sealHash: final.assembled.contentHash } });
    expectError(await anonymous.post(`${link(token)}/accession`, accession), 409, 'conflict');

    // The public register: the page's data and the CSV, with the formula defused.
    const register = await anonymous.get(`${pub}/register`);
    expect(register.body.providers).toHaveLength(13);
    expect(register.body.providers).toContainEqual(expect.objectContaining({ organisationName: name, kvk: '12345678', municipalities: ['Apeldoorn', 'Epe'], agreementVersion: '1.0' }));
    const csv = await anonymous.get(`${pub}/register.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(14);
    expect(csv.text).toContain(`"'=HYPERLINK(""https://kwaad.example"",""Kompas"")"`);
    for (const line of csv.text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)) {
      for (const cell of line.split(';')) expect(cell, line).toMatch(/^"[^=+\-@\t\r]/);
    }

    // Every step is in the log; the log names no person and no address.
    const audit = (await inkoop.get(`${m}/audit`)).body as Array<{ action: string; objectId: string }>;
    const steps = audit.filter((e) => e.objectId === applicationId).map((e) => e.action);
    expect(steps).toEqual(expect.arrayContaining(['admission.apply', 'admission.askQuestion', 'admission.answer', 'admission.markComplete', 'admission.admit', 'admission.accede']));
    const auditText = JSON.stringify(audit);
    expect(auditText).not.toContain(body.contact.email);
    expect(auditText).not.toContain('Sanne de Wit');
  });

  it('a refusal with a reason: the applicant reads it, nothing else follows, and the register does not show them', async () => {
    const body = application({ organisation: { ...application().organisation, name: 'Jeugdhulp Zonder Papieren', kvk: '87654321' } });
    const applied = await applyAs(anonymous, body);
    expect(applied.status, applied.text).toBe(201);
    const token = applied.body.token as string;
    const id = token.split('.')[0]!;
    expectError(await review(inkoop, id, { step: 'refuse' }), 400, 'validation_failed');
    expectError(await review(inkoop, id, { step: 'refuse', reason: '   ' }), 400, 'validation_failed');
    // Admission needs a complete application first: the shared rule says so.
    const tooSoon = await review(inkoop, id, { step: 'admit' });
    expectError(tooSoon, 409, 'conflict');
    const refused = await review(inkoop, id, { step: 'refuse', reason: 'De verklaring omtrent het gedrag ontbreekt voor alle medewerkers.' });
    expect(refused.status, refused.text).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', refusalReason: 'De verklaring omtrent het gedrag ontbreekt voor alle medewerkers.', steps: [] });
    const seen = (await anonymous.get(link(token))).body;
    expect(seen.application).toMatchObject({ status: 'refused', refusalReason: expect.stringContaining('verklaring omtrent het gedrag'), steps: [], mayAttach: false });
    expect((await readOutbox(admin)).some((mail) => mail.to === body.contact.email && mail.text.includes('ontbreekt voor alle medewerkers'))).toBe(true);
    for (const step of [{ step: 'markComplete' }, { step: 'admit' }, { step: 'askQuestion', question: 'Toch?' }]) expectError(await review(inkoop, id, step), 409, 'conflict');
    expectError(await anonymous.post(`${link(token)}/answer`, { answer: 'Toch nog' }), 409, 'conflict');
    expectError(await anonymous.post(`${link(token)}/accession`, accession), 409, 'conflict');
    expect((await anonymous.get(`${pub}/register`)).text).not.toContain('Zonder Papieren');
  });

  it('refuses everyone not allowed, at each step: provider, client representative, others at the table, signed out, another trajectory', async () => {
    const applied = await applyAs(anonymous, application({ organisation: { ...application().organisation, name: 'Toegangstest', kvk: '11223344' } }));
    expect(applied.status, applied.text).toBe(201);
    const token = applied.body.token as string;
    const id = token.split('.')[0]!;
    const settings = (await overview()).settings;
    const reviewSteps = [{ step: 'askQuestion', question: 'Vraag' }, { step: 'markComplete' }, { step: 'admit' }, { step: 'refuse', reason: 'Reden' }];
    const probes = (client: ApiClient): Array<Promise<ApiResponse>> => [
      client.get(`${m}/admission`),
      client.get(`${m}/admission/applications/${id}`),
      client.put(`${m}/admission/settings`, settings),
      client.get(`${m}/attachments?parentKind=application&parentId=${id}`),
      ...reviewSteps.map((step) => review(client, id, step)),
    ];
    for (const [role, client] of notAllowed) for (const res of await Promise.all(probes(client))) expect(`${role} ${res.status} ${res.body?.error?.code}`).toBe(`${role} 403 forbidden`);
    for (const res of await Promise.all(probes(anonymous))) expectError(res, 401, 'unauthenticated');
    for (const client of otherTrajectory) for (const res of await Promise.all(probes(client))) expectError(res, 404, 'not_found');
    // The procurement team of IJmond reaches a Midden-IJssel application through its own trajectory: not found.
    expectError(await inkoop.get(`/trajectories/${ids.ijmond}/admission/applications/${id}`), 404, 'not_found');
    expectError(await review(inkoop, id.replace(/.$/, (c) => (c === '0' ? '1' : '0')), { step: 'markComplete' }), 404, 'not_found');

    // The applicant's steps are the applicant's: the procurement team cannot answer or accede, and a wrong secret is no link.
    const wrong = `${id}.${'A'.repeat(43)}`;
    for (const res of [await anonymous.get(link(wrong)), await inkoop.post(`${link(wrong)}/answer`, { answer: 'x' }), await upload(wrong, 'a.pdf', pdf), await anonymous.post(`${link(wrong)}/accession`, accession)]) {
      expectError(res, 404, 'not_found');
    }
    // A trajectory that is not an Open House has no public form or register: answered as one that does not exist.
    for (const path of [`/open-house/${ids.ijmond}/admission`, `/open-house/${ids.ijmond}/register`, `/open-house/${'0'.repeat(24)}/register`]) expectError(await anonymous.get(path), 404, 'not_found');
    expectError(await anonymous.post(`/open-house/${ids.ijmond}/applications`, application()), 404, 'not_found');
    // Nothing changed.
    expect((await inkoop.get(`${m}/admission/applications/${id}`)).body.status).toBe('submitted');
  });

  it('bad input: a clear error with a code, and nothing stored', async () => {
    const before = (await overview()).applications.length;
    const bad: Array<[unknown, string]> = [
      [application({ organisation: { ...application().organisation, kvk: '1234567' } }), 'organisation.kvk'],
      [application({ organisation: { ...application().organisation, kvk: '1234567a' } }), 'organisation.kvk'],
      [application({ perceelen: ['P9'] }), 'perceelen'],
      [application({ perceelen: [] }), 'perceelen'],
      [application({ declarations: ['vog'] }), 'declarations'],
      [application({ contact: { name: 'X', email: 'geen-adres' } }), 'contact.email'],
      [{ ...application(), admin: true }, ''],
      [application({ organisation: { ...application().organisation, kind: 'multinational' } }), 'organisation.kind'],
    ];
    for (const [body, field] of bad) {
      const res = await applyAs(anonymous, body);
      expectError(res, 400, 'validation_failed');
      if (field) expect(Object.keys(res.body.error.fields ?? {}), res.text).toContain(field);
    }
    // A form post, another site, and an oversized body.
    expectError(await anonymous.request('POST', `${pub}/applications`, { raw: 'organisation=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
    expectError(await anonymous.request('POST', `${pub}/applications`, { body: application(), headers: { origin: 'https://kwaad.example' } }), 403, 'forbidden');
    expectError(await applyAs(anonymous, application({ motivation: 'x'.repeat(300_000) })), 413, 'payload_too_large');
    expect((await overview()).applications.length).toBe(before);

    // Documents: type by content, size by MAX_ATTACHMENT_BYTES; the review's bad input too.
    const applied = await applyAs(anonymous, application({ organisation: { ...application().organisation, name: 'Invoertest', kvk: '55667788' } }));
    const token = applied.body.token as string;
    expectError(await upload(token, 'verklaring.pdf', Buffer.from('<html><script>alert(1)</script></html>')), 415, 'unsupported_media_type');
    expectError(await upload(token, 'leeg.pdf', Buffer.alloc(0)), 400, 'validation_failed');
    expectError(await upload(token, '../../etc/passwd', pdf), 400, 'validation_failed');
    expectError(await upload(token, 'groot.pdf', Buffer.concat([pdf, Buffer.alloc(64 * 1024)])), 413, 'payload_too_large');
    expect((await anonymous.get(link(token))).body.files).toEqual([]);
    const id = token.split('.')[0]!;
    expectError(await review(inkoop, id, { step: 'teleport' }), 400, 'validation_failed');
    expectError(await review(inkoop, id, { step: 'askQuestion' }), 400, 'validation_failed');
    expectError(await inkoop.put(`${m}/admission/settings`, { perceelen: [], declarations: [], reviewWeeks: 8, accessionWeeks: 4 }), 400, 'validation_failed');
    expectError(await inkoop.put(`${m}/admission/settings`, { perceelen: [{ code: 'P1', name: 'A' }], declarations: [], reviewWeeks: 0, accessionWeeks: 4 }), 400, 'validation_failed');
    expectError(await anonymous.post(`${link(token)}/accession`, { ...accession, municipalities: ['Haarlem'] }), 400, 'validation_failed');
    expectError(await anonymous.post(`${link(token)}/accession`, { ...accession, accept: false }), 400, 'validation_failed');
    expect((await anonymous.get(link(token))).body.application.status).toBe('submitted');
  });

  it('the review period is a trajectory setting, and applying is rate-limited per address like signing in', async () => {
    const settings = (await overview()).settings;
    const changed = await inkoop.put(`${m}/admission/settings`, { ...settings, reviewWeeks: 6 });
    expect(changed.status, changed.text).toBe(200);
    expect((await anonymous.get(`${pub}/admission`)).body.settings.reviewWeeks).toBe(6);
    let limited: ApiResponse | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await applyAs(anonymous, { bad: true });
      if (res.status === 429) limited = res;
    }
    expect(limited, 'no 429 within 40 applications').toBeDefined();
    expectError(limited!, 429, 'rate_limited');
  });
});
