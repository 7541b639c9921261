import { createHash, randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  connectDatabase,
  demoEmails,
  demoTrajectoryIds,
  expectError,
  ijmondName,
  mailedToken,
  readOutbox,
  sessionCookie,
  signIn,
  uniqueEmail,
  type ApiClient,
  type DemoIds,
} from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

describe('invitations', () => {
  let server: RunningServer;
  let db: Connection;
  let admin: ApiClient;
  let inkoop: ApiClient;
  let ids: DemoIds;
  let orgs: Map<string, string>;
  const providerOrg = 'Jeugdzorg Kennemerland Plus';

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    db = await connectDatabase(server);
    admin = await signIn(server, demoEmails.admin);
    inkoop = await signIn(server, demoEmails.procurement);
    ids = await demoTrajectoryIds(admin);
    const res = await inkoop.get('/organisations');
    expect(res.status).toBe(200);
    orgs = new Map(res.body.map((o: { name: string; id: string }) => [o.name, o.id]));
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  /** Invites into IJmond as procurement and returns the mailed token. */
  async function invite(email: string, role = 'provider', organisation: unknown = { id: orgs.get(providerOrg) }) {
    const res = await inkoop.post(`/trajectories/${ids.ijmond}/invitations`, { email, role, organisation, name: 'Nieuwe Deelnemer' });
    expect(res.status, res.text).toBe(201);
    const token = await mailedToken(admin, email, 'uitnodiging');
    expect(token).toBeDefined();
    return { invitation: res.body, token: token! };
  }

  const accept = (client: ApiClient, token: string, account?: { name: string; password: string }) =>
    client.post(`/invitations/${token}/accept`, { token, ...account });

  it('procurement invites: 201 with the invitation, and a mail with a single-use link', async () => {
    const email = uniqueEmail('uitgenodigd');
    const res = await inkoop.post(`/trajectories/${ids.ijmond}/invitations`, { email, role: 'provider', organisation: { id: orgs.get(providerOrg) } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email, role: 'provider', organisationName: providerOrg, status: 'open' });
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now() + 7 * 24 * 3600 * 1000);
    // Queued or sent, the outbox names the trajectory.
    expect((await readOutbox(admin)).find((m) => m.to === email)?.subject).toContain(ijmondName);
    const token = (await mailedToken(admin, email, 'uitnodiging'))!;
    const mail = (await readOutbox(admin)).find((m) => m.to === email && m.status === 'sent')!;
    expect(mail.subject).toContain(ijmondName);
    expect(mail.text).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{20,}/);
    const listed = await inkoop.get(`/trajectories/${ids.ijmond}/invitations`);
    expect(listed.body.find((i: { id: string }) => i.id === res.body.id)).toMatchObject({ email, status: 'open' });
    // The token is only in the mail: the database holds its hash.
    const stored = await db.collection('invitations').findOne({ email });
    expect(stored?.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('the preview shows trajectory, organisation and role; accepting as a new person creates the account and signs in', async () => {
    const email = uniqueEmail('nieuw');
    const { token } = await invite(email);

    const preview = await apiClient(server).get(`/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ trajectoryName: ijmondName, organisationName: providerOrg, role: 'provider', email, accountExists: false });

    const browser = apiClient(server);
    const res = await accept(browser, token, { name: 'Nieuwe Deelnemer', password: 'een-goed-wachtwoord' });
    expect(res.status, res.text).toBe(200);
    expect(sessionCookie(res.headers)?.raw).toMatch(/HttpOnly/i);
    expect(res.body.user).toMatchObject({ email, name: 'Nieuwe Deelnemer', platformAdmin: false });
    expect(res.body.memberships).toEqual([expect.objectContaining({ trajectoryId: ids.ijmond, role: 'provider', organisationName: providerOrg })]);

    // Member of that trajectory, and it is the only one they see.
    const trajectories = await browser.get('/trajectories');
    expect(trajectories.status).toBe(200);
    expect(trajectories.body).toHaveLength(1);
    expect(trajectories.body[0]).toMatchObject({ id: ids.ijmond, myRole: 'provider' });
    expectError(await browser.get(`/trajectories/${ids.midden}`), 404, 'not_found');
    const members = await inkoop.get(`/trajectories/${ids.ijmond}/members`);
    expect(members.body.some((m: { email?: string; role: string }) => m.email === email && m.role === 'provider')).toBe(true);
    const invitations = await inkoop.get(`/trajectories/${ids.ijmond}/invitations`);
    expect(invitations.body.find((i: { email: string }) => i.email === email).status).toBe('accepted');

    // The new password works for a later sign-in.
    expect((await apiClient(server).post('/auth/login', { email, password: 'een-goed-wachtwoord' })).status).toBe(200);

    // A reused link is gone, for preview and acceptance alike.
    expectError(await apiClient(server).get(`/invitations/${token}`), 410, 'gone');
    expectError(await accept(apiClient(server), token, { name: 'Iemand Anders', password: 'een-ander-wachtwoord' }), 410, 'gone');
    expectError(await accept(browser, token), 410, 'gone');
  });

  it('a new person must give a name and a password; a refused attempt does not use up the link', async () => {
    const email = uniqueEmail('zonder-naam');
    const { token } = await invite(email);
    const missing = await accept(apiClient(server), token);
    expectError(missing, 400, 'validation_failed');
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(['name', 'password']);
    expectError(await accept(apiClient(server), token, { name: 'Kort Wachtwoord', password: 'kort' }), 400, 'validation_failed');
    expect((await apiClient(server).get(`/invitations/${token}`)).status).toBe(200);
    expect((await accept(apiClient(server), token, { name: 'Alsnog Goed', password: 'een-goed-wachtwoord' })).status).toBe(200);
  });

  it('an expired invitation is gone (410)', async () => {
    const email = uniqueEmail('verlopen');
    const { token } = await invite(email);
    const updated = await db.collection('invitations').updateOne({ tokenHash: sha256(token) }, { $set: { expiresAt: new Date(Date.now() - 60_000) } });
    expect(updated.modifiedCount).toBe(1);
    expectError(await apiClient(server).get(`/invitations/${token}`), 410, 'gone');
    expectError(await accept(apiClient(server), token, { name: 'Te Laat', password: 'een-goed-wachtwoord' }), 410, 'gone');
    const listed = await inkoop.get(`/trajectories/${ids.ijmond}/invitations`);
    expect(listed.body.find((i: { email: string }) => i.email === email).status).toBe('expired');
    expect(await db.collection('users').findOne({ email })).toBeNull();
  });

  it('a revoked invitation is gone (410); revoking twice is a conflict', async () => {
    const email = uniqueEmail('ingetrokken');
    const { token, invitation } = await invite(email);
    const revoked = await inkoop.delete(`/trajectories/${ids.ijmond}/invitations/${invitation.id}`);
    expect(revoked.status).toBe(204);
    expectError(await apiClient(server).get(`/invitations/${token}`), 410, 'gone');
    expectError(await accept(apiClient(server), token, { name: 'Ingetrokken', password: 'een-goed-wachtwoord' }), 410, 'gone');
    const listed = await inkoop.get(`/trajectories/${ids.ijmond}/invitations`);
    expect(listed.body.find((i: { id: string }) => i.id === invitation.id).status).toBe('revoked');
    expectError(await inkoop.delete(`/trajectories/${ids.ijmond}/invitations/${invitation.id}`), 409, 'conflict');
    expect(await db.collection('users').findOne({ email })).toBeNull();
  });

  it('an invitation of another trajectory cannot be revoked through this one', async () => {
    const email = uniqueEmail('midden');
    const res = await inkoop.post(`/trajectories/${ids.midden}/invitations`, { email, role: 'provider', organisation: { id: orgs.get('Praktijk Bosrand (vrijgevestigd psycholoog)') } });
    expect(res.status).toBe(201);
    expectError(await inkoop.delete(`/trajectories/${ids.ijmond}/invitations/${res.body.id}`), 404, 'not_found');
    const listed = await inkoop.get(`/trajectories/${ids.midden}/invitations`);
    expect(listed.body.find((i: { id: string }) => i.id === res.body.id).status).toBe('open');
  });

  it('accepting while signed in with another e-mail address is a conflict (409) and leaves the link usable', async () => {
    const email = uniqueEmail('ander-adres');
    const { token } = await invite(email);
    const gemeente = await signIn(server, demoEmails.municipality);
    const res = await accept(gemeente, token, { name: 'Ruud Kramer', password: 'een-goed-wachtwoord' });
    expectError(res, 409, 'conflict');
    expect((await gemeente.get('/me')).body.memberships).toHaveLength(1);
    expect((await apiClient(server).get(`/invitations/${token}`)).status).toBe(200);
    expect(await db.collection('users').findOne({ email })).toBeNull();
  });

  it('an existing account must sign in first (401); signed in as the invited address it is 200 and the seat is added', async () => {
    // Bas Timmermans is a provider in Midden-IJssel only.
    const email = 'bas.timmermans@dialoogtafel.example';
    const { token } = await invite(email, 'provider', { id: orgs.get('Praktijk De Linde (vrijgevestigd orthopedagoog)') });
    const preview = await apiClient(server).get(`/invitations/${token}`);
    expect(preview.body).toMatchObject({ email, accountExists: true, role: 'provider' });

    const anonymous = await accept(apiClient(server), token, { name: 'Overnemer', password: 'een-goed-wachtwoord' });
    expectError(anonymous, 401, 'unauthenticated');
    expect(sessionCookie(anonymous.headers)).toBeUndefined();
    // The account was not taken over: the demo password still works, the one sent along does not.
    expectError(await apiClient(server).post('/auth/login', { email, password: 'een-goed-wachtwoord' }), 401, 'unauthenticated');

    const bas = await signIn(server, email);
    expect((await bas.get('/trajectories')).body).toHaveLength(1);
    const tokenBefore = bas.token;
    const res = await accept(bas, token);
    expect(res.status, res.text).toBe(200);
    expect(bas.token).toBe(tokenBefore);
    expect(res.body.memberships.map((m: { trajectoryId: string }) => m.trajectoryId).sort()).toEqual([ids.ijmond, ids.midden].sort());
    const trajectories = await bas.get('/trajectories');
    expect(trajectories.body).toHaveLength(2);
    expect(trajectories.body.find((t: { id: string }) => t.id === ids.ijmond).myRole).toBe('provider');
    expect((await bas.get(`/trajectories/${ids.ijmond}/topics`)).status).toBe(200);

    const audit = await inkoop.get(`/trajectories/${ids.ijmond}/audit`);
    const actions = audit.body.slice(0, 2).map((e: { action: string }) => e.action).sort();
    expect(actions).toEqual(['invitation.accept', 'member.add']);
    expect(audit.body[0].actor?.name).toBe('Bas Timmermans');
  });

  it('a role that does not fit the organisation type is refused with 400 on field role, and nothing is sent', async () => {
    const email = uniqueEmail('mismatch');
    const before = (await readOutbox(admin)).length;
    const res = await inkoop.post(`/trajectories/${ids.ijmond}/invitations`, { email, role: 'municipality', organisation: { id: orgs.get(providerOrg) } });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.fields).toHaveProperty('role');
    const byName = await inkoop.post(`/trajectories/${ids.ijmond}/invitations`, { email, role: 'client', organisation: { name: 'Nieuwe Zorgaanbieder BV', type: 'provider' } });
    expectError(byName, 400, 'validation_failed');
    expect(byName.body.error.fields).toHaveProperty('role');
    expect((await readOutbox(admin)).length).toBe(before);
    expect(await db.collection('invitations').countDocuments({ email })).toBe(0);
  });

  it('an organisation that does not exist is refused with 400 on field organisation', async () => {
    const res = await inkoop.post(`/trajectories/${ids.ijmond}/invitations`, { email: uniqueEmail(), role: 'provider', organisation: { id: 'aaaaaaaaaaaaaaaaaaaaaaaa' } });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.fields).toHaveProperty('organisation');
  });

  it('inviting someone who is already a member is a conflict (409)', async () => {
    const before = (await readOutbox(admin)).length;
    const res = await inkoop.post(`/trajectories/${ids.ijmond}/invitations`, { email: demoEmails.municipality, role: 'municipality', organisation: { id: orgs.get('Gemeente Haarlem') } });
    expectError(res, 409, 'conflict');
    // Also when the address is written differently.
    const upper = await inkoop.post(`/trajectories/${ids.ijmond}/invitations`, { email: 'GEMEENTE@dialoogtafel.example', role: 'observer', organisation: { id: orgs.get('Gemeente Haarlem') } });
    expectError(upper, 409, 'conflict');
    expect((await readOutbox(admin)).length).toBe(before);
  });

  it('two people accepting one link at the same moment: one account, the other gets 410', async () => {
    const email = uniqueEmail('gelijktijdig');
    const { token } = await invite(email);
    const results = await Promise.all([
      accept(apiClient(server), token, { name: 'Eerste', password: 'een-goed-wachtwoord-1' }),
      accept(apiClient(server), token, { name: 'Tweede', password: 'een-goed-wachtwoord-2' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(await db.collection('users').countDocuments({ email })).toBe(1);
    const members = (await inkoop.get(`/trajectories/${ids.ijmond}/members`)).body as Array<{ email?: string }>;
    expect(members.filter((m) => m.email === email)).toHaveLength(1);
  });

  it('an unknown or malformed link is not found', async () => {
    expectError(await apiClient(server).get(`/invitations/${randomBytes(32).toString('base64url')}`), 404, 'not_found');
    expectError(await apiClient(server).get('/invitations/kort'), 404, 'not_found');
  });
});
