import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../server/audit/audit-log';
import { Locks } from '../../server/db/locks';
import { createLogger } from '../../server/logger';
import { createModels, type Models } from '../../server/models';
import { defaultRetention, RetentionSweeper } from '../../server/privacy/retention';
import { apiClient, connectDatabase, demoEmails, demoTrajectoryIds, expectError, readOutbox, signIn, uniqueEmail, type ApiClient } from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const declarations = ['uitsluitingsgronden', 'governance-code', 'vog', 'kwaliteit'];
const month = 31 * 24 * 3600 * 1000;

/**
 * Applicants' personal data (issue 19 item 1, privacy): mails in Dutch and English, and a refused
 * applicant's contact data and documents erased N months after the decision by the retention sweep
 * (called with its `now`: no waiting on time), or at once on request by a platform administrator.
 * An anonymised, audited record of the decision stays.
 */
describe('refused applicants: bilingual mail, retention and erasure on request', () => {
  let server: RunningServer;
  let db: Connection;
  let models: Models;
  let admin: ApiClient;
  let inkoop: ApiClient;
  let anonymous: ApiClient;
  let m: string;
  let pub: string;

  const apply = async (name: string, kvk: string) => {
    const email = uniqueEmail('weigering');
    const res = await anonymous.post(`${pub}/applications`, {
      organisation: { name, kvk, kind: 'independent', address: 'Marktplein 1', postcode: '7201 AA', city: 'Zutphen' },
      contact: { name: 'Kees Verbeek', email, phone: '0612345678' },
      perceelen: ['P2'],
      declarations,
      motivation: 'Ik werk als orthopedagoog in Zutphen.',
    });
    expect(res.status, res.text).toBe(201);
    const token = res.body.token as string;
    const id = token.split('.')[0]!;
    const attached = await anonymous.request('POST', `/admission/applications/${token}/documents?name=${encodeURIComponent('cv-kees.pdf')}`, { raw: pdf, headers: { 'content-type': 'application/octet-stream' } });
    expect(attached.status, attached.text).toBe(201);
    return { token, id, email };
  };
  const refuse = async (id: string) => {
    const res = await inkoop.post(`${m}/admission/applications/${id}/review`, { step: 'refuse', reason: 'De vereiste SKJ-registratie ontbreekt.' });
    expect(res.status, res.text).toBe(200);
  };
  const stored = (id: string) => models.admissionApplications.findById(id).lean();
  const documents = (id: string) => models.attachments.countDocuments({ parentKind: 'application', parentId: id });

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' }, timeoutMs: 90_000 });
    db = await connectDatabase(server);
    models = createModels(db);
    admin = await signIn(server, demoEmails.admin);
    inkoop = await signIn(server, demoEmails.procurement);
    anonymous = apiClient(server);
    const ids = await demoTrajectoryIds(admin);
    m = `/trajectories/${ids.midden}`;
    pub = `/open-house/${ids.midden}`;
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('mails the applicant in Dutch first, then in English', async () => {
    const { id, email } = await apply('Praktijk Tweetalig', '22334455');
    await refuse(id);
    const mails = (await readOutbox(admin)).filter((mail) => mail.to === email);
    const received = mails.find((mail) => mail.subject.startsWith('Aanvraag tot toetreding ontvangen'))!;
    expect(received.subject).toContain(' / Application for admission received');
    expect(received.text.indexOf('Beste Kees Verbeek')).toBeLessThan(received.text.indexOf('Dear Kees Verbeek'));
    expect(received.text).toContain('The procurement team decides by');
    const refused = mails.find((mail) => mail.subject.startsWith('Aanvraag tot toetreding afgewezen'))!;
    expect(refused.subject).toContain('Application for admission refused');
    expect(refused.text).toContain('has been refused');
    expect(refused.text.match(/SKJ-registratie ontbreekt/g)).toHaveLength(2);
  });

  it('the sweep erases a refused applicant’s data N months after the decision, keeps an anonymised audited decision, and leaves a recent refusal', async () => {
    const old = await apply('Praktijk Kees Verbeek', '33445566');
    await refuse(old.id);
    const recent = await apply('Praktijk Recent', '44556677');
    // Nothing happens to an application still in review.
    const inReview = await apply('Praktijk In Behandeling', '55667788');
    const decidedAt = Date.now();
    await refuse(recent.id);
    // The old refusal is moved back in time by seven months in the stored history (the clock of the decision).
    const record = (await stored(old.id))!;
    await models.admissionApplications.updateOne({ _id: record._id }, { $set: { history: record.history.map((h) => ({ ...h, at: new Date(h.at.getTime() - 7 * month) })) } });

    const audit = new AuditLog(models, new Locks(models.locks, { waitMs: 15_000 }));
    const sweeper = new RetentionSweeper(models, { ...defaultRetention, refusedApplicationsMonths: 6 }, createLogger('silent'), audit);
    // Now: the old refusal (seven months back) is past six months; the recent one is not.
    const counts = await sweeper.sweepOnce(new Date(decidedAt));
    expect(counts?.refusedApplicants).toBeGreaterThanOrEqual(1);

    const erased = (await stored(old.id))!;
    expect(erased.erasedAt).toBeTruthy();
    expect(erased.status).toBe('refused');
    expect(erased.refusalReason).toBe('De vereiste SKJ-registratie ontbreekt.');
    expect(erased.organisation).toMatchObject({ name: `Aanvraag ${erased.number} (gegevens gewist)`, kvk: '', address: '', postcode: '', city: '', kind: 'independent' });
    expect(erased.contact).toEqual({ name: 'gewist', email: `erased-application-${old.id}@erased.invalid`, phone: null });
    expect(erased.motivation).toBe('');
    expect(erased.history.map((h) => h.step)).toEqual(record.history.map((h) => h.step));
    expect(JSON.stringify(erased)).not.toMatch(/Kees|Verbeek|Marktplein|33445566|orthopedagoog/);
    expect(await documents(old.id)).toBe(0);
    // The applicant's link no longer opens anything.
    expectError(await anonymous.get(`/admission/applications/${old.token}`), 404, 'not_found');
    // The review list shows the anonymised decision.
    const overview = (await inkoop.get(`${m}/admission`)).body as { applications: Array<{ id: string; organisationName: string; status: string }> };
    expect(overview.applications.find((a) => a.id === old.id)).toMatchObject({ organisationName: `Aanvraag ${erased.number} (gegevens gewist)`, status: 'refused' });
    expect(JSON.stringify(overview)).not.toContain('Kees Verbeek');
    // Audited on the trajectory's chain: ids and counts, no person.
    const events = (await inkoop.get(`${m}/audit`)).body as Array<{ action: string; objectId: string; summary: Record<string, unknown> }>;
    const event = events.find((e) => e.action === 'admission.erase' && e.objectId === old.id)!;
    expect(event.summary).toMatchObject({ reason: 'retention', status: 'refused', documents: 1, files: 1 });
    expect(JSON.stringify(event)).not.toMatch(/Kees|Verbeek/);
    expect((await inkoop.get(`${m}/audit/verify`)).body).toMatchObject({ valid: true });

    // The recent refusal and the one in review keep everything.
    for (const kept of [recent, inReview]) {
      const r = (await stored(kept.id))!;
      expect(r.erasedAt ?? null).toBeNull();
      expect(r.contact.name).toBe('Kees Verbeek');
      expect(await documents(kept.id)).toBe(1);
    }
    // A second sweep at the same moment erases nothing more; one six months later takes the recent refusal.
    expect((await sweeper.sweepOnce(new Date(decidedAt)))?.refusedApplicants).toBe(0);
    expect((await sweeper.sweepOnce(new Date(decidedAt + 6 * month)))?.refusedApplicants).toBeGreaterThanOrEqual(1);
    expect((await stored(recent.id))!.erasedAt).toBeTruthy();
    expect((await stored(inReview.id))!.erasedAt ?? null).toBeNull();
  });

  it('a platform administrator erases a refused applicant on request at once; nobody else may, and nothing in review', async () => {
    // The sweep above ran half a year ahead, so every sign-in had expired by its clock: sign in again.
    admin = await signIn(server, demoEmails.admin);
    inkoop = await signIn(server, demoEmails.procurement);
    const { id, token } = await apply('Praktijk Op Verzoek', '66778899');
    const path = `/admin/admission-applications/${id}/erase`;
    // Not yet refused: in review it is decided first.
    expectError(await admin.post(path, {}), 409, 'conflict');
    await refuse(id);
    expectError(await inkoop.post(path, {}), 403, 'forbidden');
    expectError(await anonymous.post(path, {}), 401, 'unauthenticated');
    expectError(await admin.post(`/admin/admission-applications/${'a'.repeat(24)}/erase`, {}), 404, 'not_found');
    expectError(await admin.post('/admin/admission-applications/nope/erase', {}), 404, 'not_found');
    const erased = await admin.post(path, {});
    expect(erased.status, erased.text).toBe(200);
    expect(erased.body).toMatchObject({ id, documents: 1, files: 1 });
    expect((await stored(id))!.contact.name).toBe('gewist');
    expect(await documents(id)).toBe(0);
    expectError(await anonymous.get(`/admission/applications/${token}`), 404, 'not_found');
    expectError(await admin.post(path, {}), 409, 'conflict');
    const events = (await inkoop.get(`${m}/audit`)).body as Array<{ action: string; objectId: string; summary: Record<string, unknown> }>;
    expect(events.find((e) => e.action === 'admission.erase' && e.objectId === id)?.summary).toMatchObject({ reason: 'request' });
  });
});
