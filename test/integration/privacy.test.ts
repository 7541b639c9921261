import JSZip from 'jszip';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../../shared/schemas/reports';
import { apiClient, connectDatabase, demoEmails, demoTrajectoryIds, expectError, objectId, sessionCookieName, signIn, type ApiClient } from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

async function download(server: RunningServer, client: ApiClient, path: string) {
  const res = await fetch(`${server.url}/api${path}`, { headers: { cookie: `${sessionCookieName}=${client.token}` } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('privacy (AVG): one’s own data, erasure on request', () => {
  let server: RunningServer;
  let db: Connection;
  let admin: ApiClient;
  let inkoop: ApiClient;
  let t: string;

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    db = await connectDatabase(server);
    admin = await signIn(server, demoEmails.admin);
    inkoop = await signIn(server, demoEmails.procurement);
    ({ ijmond: t } = await demoTrajectoryIds(admin));
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('a person downloads everything stored about them, as JSON and as a document, and only their own', async () => {
    const gemeente = await signIn(server, demoEmails.municipality);
    const json = await download(server, gemeente, '/me/data.json');
    expect(json.status).toBe(200);
    expect(json.disposition).toContain('attachment');
    const data = JSON.parse(json.bytes.toString('utf8'));
    expect(data.account).toMatchObject({ name: 'Ruud Kramer', email: demoEmails.municipality });
    expect(data.signIns.length).toBeGreaterThan(0);
    expect(data.memberships.length).toBeGreaterThan(0);
    expect(data.attendance.length).toBeGreaterThan(0);
    expect(data.auditEvents.some((e: { action: string }) => e.action === 'auth.sign_in')).toBe(true);
    // No secrets: the download cannot be used to sign in.
    const text = json.bytes.toString('utf8');
    expect(text).not.toContain('passwordHash');
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain(gemeente.token!);

    const docx = await download(server, gemeente, '/me/data.docx');
    expect(docx.status).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Mijn gegevens: Ruud Kramer');
    expect(xml).toContain(demoEmails.municipality);
    const pdf = await download(server, gemeente, '/me/data.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    expectError(await apiClient(server).get('/me/data.json'), 401, 'unauthenticated');
  }, 120_000);

  it('only a platform administrator lists and erases accounts', async () => {
    expectError(await inkoop.get('/admin/accounts'), 403, 'forbidden');
    const someone = String((await db.collection('users').findOne({ email: demoEmails.observer }))!._id);
    expectError(await inkoop.post(`/admin/accounts/${someone}/erase`), 403, 'forbidden');
    expectError(await apiClient(server).post(`/admin/accounts/${someone}/erase`), 401, 'unauthenticated');
    expectError(await admin.post(`/admin/accounts/${'a'.repeat(24)}/erase`), 404, 'not_found');
    const self = String((await db.collection('users').findOne({ email: demoEmails.admin }))!._id);
    expectError(await admin.post(`/admin/accounts/${self}/erase`), 409, 'conflict');
    const accounts = await admin.get('/admin/accounts');
    expect(accounts.status).toBe(200);
    expect(accounts.body.some((a: { email: string }) => a.email === demoEmails.observer)).toBe(true);
  }, 60_000);

  it('erasure removes the personal data, keeps the contributions as “oud-deelnemer (gemeente)”, and every chain still verifies', async () => {
    const sessions = (await inkoop.get(`/trajectories/${t}/sessions`)).body as Array<{ id: string; status: string; title: string }>;
    const ended = sessions.find((s) => s.status === 'ended' && s.title.startsWith('Dialoogsessie 1'))!;
    const generated = await inkoop.post(`/trajectories/${t}/sessions/${ended.id}/report`, {});
    expect(generated.status, generated.text).toBe(201);
    const report = generated.body as ReportDto;
    expect(report.content.attendance.flatMap((g) => g.people.map((p) => p.name))).toContain('Ruud Kramer');

    const gemeente = await signIn(server, demoEmails.municipality);
    const user = (await db.collection('users').findOne({ email: demoEmails.municipality }))!;
    const userId = String(user._id);
    await db.collection('password_resets').insertOne({ userId: user._id, tokenHash: `test-${userId}`, createdAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000), usedAt: null });
    const platformBefore = (await admin.get('/admin/audit/verify')).body.events as number;

    const erased = await admin.post(`/admin/accounts/${userId}/erase`);
    expect(erased.status, erased.text).toBe(200);
    expect(erased.body).toMatchObject({ id: userId, name: 'oud-deelnemer (gemeente)' });
    expect(erased.body.removed.signIns).toBeGreaterThan(0);
    expect(erased.body.removed.passwordResetLinks).toBe(1);

    // The account holds nothing personal any more, and nobody signs in with it.
    const after = (await db.collection('users').findOne({ _id: objectId(userId) }))!;
    expect(after.name).toBe('oud-deelnemer (gemeente)');
    expect(after.email).not.toContain('dialoogtafel.example');
    expect(after.passwordHash).not.toContain('$argon2');
    expect(await db.collection('sessions').countDocuments({ userId: objectId(userId) })).toBe(0);
    expect(await db.collection('password_resets').countDocuments({ userId: objectId(userId) })).toBe(0);
    expect(await db.collection('invitations').countDocuments({ email: demoEmails.municipality })).toBe(0);
    expect(await db.collection('outbox').countDocuments({ to: demoEmails.municipality })).toBe(0);
    expectError(await gemeente.get('/me'), 401, 'unauthenticated');
    expectError(await apiClient(server).post('/auth/login', { email: demoEmails.municipality, password: 'dialoog-demo' }), 401, 'unauthenticated');
    expectError(await admin.post(`/admin/accounts/${userId}/erase`), 409, 'conflict');

    // The contributions stay, under the pseudonym: the stored report, a fresh report, the members, the audit log.
    const page = await inkoop.get(`/trajectories/${t}/sessions/${ended.id}/report`);
    const names = (page.body.report as ReportDto).content.attendance.flatMap((g) => g.people.map((p) => p.name));
    expect(names).toContain('oud-deelnemer (gemeente)');
    expect(names).not.toContain('Ruud Kramer');
    const regenerated = await inkoop.post(`/trajectories/${t}/reports/${report.id}/regenerate`, {});
    expect(regenerated.status, regenerated.text).toBe(200);
    expect(JSON.stringify(regenerated.body)).not.toContain('Ruud Kramer');
    const docx = await download(server, inkoop, `/trajectories/${t}/reports/${report.id}/verslag.docx`);
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('oud-deelnemer (gemeente)');
    expect(xml).not.toContain('Ruud Kramer');
    const audit = await inkoop.get(`/trajectories/${t}/audit`);
    expect(JSON.stringify(audit.body)).not.toContain('Ruud Kramer');

    // Both chains still verify; the erasure is on the platform chain, with ids only.
    expect((await inkoop.get(`/trajectories/${t}/audit/verify`)).body).toMatchObject({ valid: true });
    const platform = await admin.get('/admin/audit/verify');
    expect(platform.body).toMatchObject({ valid: true });
    expect(platform.body.events).toBeGreaterThan(platformBefore);
    const event = await db.collection('audit_events').findOne({ chain: 'platform', action: 'account.erase', objectId: userId });
    expect(event).not.toBeNull();
    expect(JSON.stringify(event)).not.toMatch(/Ruud|Kramer|dialoogtafel\.example/);
  }, 180_000);

  it('no stored audit event names a person: every event refers to people by id', async () => {
    const people = await db.collection('users').find({}, { projection: { name: 1, email: 1 } }).toArray();
    const events = await db.collection('audit_events').find({}, { projection: { summary: 1 } }).toArray();
    const summaries = events.map((e) => JSON.stringify(e.summary ?? {}));
    for (const p of people) {
      if (String(p.name).startsWith('oud-deelnemer')) continue;
      for (const s of summaries) {
        expect(s).not.toContain(p.email);
        expect(s).not.toContain(p.name);
      }
    }
  }, 60_000);
});
