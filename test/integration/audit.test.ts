import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, demoEmails, demoTrajectoryIds, expectError, signIn, uniqueEmail, type ApiClient, type DemoIds } from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

interface AuditEvent {
  seq: number;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  objectType: string;
  objectId: string;
  summary: Record<string, unknown>;
  hash: string;
}

describe('audit log', () => {
  let server: RunningServer;
  let db: Connection;
  let admin: ApiClient;
  let inkoop: ApiClient;
  let aanbieder: ApiClient;
  let ids: DemoIds;

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    db = await connectDatabase(server);
    admin = await signIn(server, demoEmails.admin);
    inkoop = await signIn(server, demoEmails.procurement);
    aanbieder = await signIn(server, demoEmails.provider);
    ids = await demoTrajectoryIds(admin);
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  const audit = async (trajectoryId: string): Promise<AuditEvent[]> => {
    const res = await inkoop.get(`/trajectories/${trajectoryId}/audit`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const verify = async (trajectoryId: string) => {
    const res = await inkoop.get(`/trajectories/${trajectoryId}/audit/verify`);
    expect(res.status).toBe(200);
    return res.body as { valid: boolean; events: number; lastHash: string | null; brokenAt: { seq: number; reason: string } | null };
  };
  const events = () => db.collection('audit_events');

  it('the seeded demo chains verify', async () => {
    for (const id of [ids.ijmond, ids.midden]) {
      const result = await verify(id);
      expect(result).toMatchObject({ valid: true, brokenAt: null });
      expect(result.events).toBeGreaterThan(10);
      expect(result.lastHash).toMatch(/^[a-f0-9]{64}$/);
    }
    expect((await admin.get('/admin/audit/verify')).body).toMatchObject({ valid: true, brokenAt: null });
  });

  it('a change appends an event with the actor’s name, newest first, linked to the one before', async () => {
    const before = await verify(ids.ijmond);
    const res = await aanbieder.post(`/trajectories/${ids.ijmond}/topics`, { title: 'Reistijd naar de dialoogtafel' });
    expect(res.status).toBe(201);
    const list = await audit(ids.ijmond);
    expect(list[0]).toMatchObject({
      seq: before.events + 1,
      action: 'topic.propose',
      objectType: 'topic',
      objectId: res.body.id,
      actor: { name: 'Fatima El Amrani' },
      summary: { title: 'Reistijd naar de dialoogtafel', status: 'proposed' },
    });
    expect(list[1]!.seq).toBe(before.events);
    expect(list[1]!.hash).toBe(before.lastHash);
    const stored = await events().findOne({ chain: ids.ijmond, seq: list[0]!.seq });
    expect(stored?.prevHash).toBe(before.lastHash);
    const after = await verify(ids.ijmond);
    expect(after).toEqual({ valid: true, events: before.events + 1, lastHash: list[0]!.hash, brokenAt: null });
  });

  it('decisions, invitations and revocations are logged too, without e-mail addresses', async () => {
    const proposal = await aanbieder.post(`/trajectories/${ids.ijmond}/topics`, { title: 'Vervoer van jeugdigen' });
    const decline = await inkoop.post(`/trajectories/${ids.ijmond}/topics/${proposal.body.id}/decision`, { decision: 'decline', reason: 'Valt buiten deze aanbesteding' });
    expect(decline.status).toBe(200);
    const orgs = (await inkoop.get('/organisations')).body as Array<{ id: string; name: string }>;
    const email = uniqueEmail('audit');
    const invitation = await inkoop.post(`/trajectories/${ids.ijmond}/invitations`, { email, role: 'observer', organisation: { id: orgs.find((o) => o.name === 'Gemeente Velsen')!.id } });
    expect(invitation.status).toBe(201);
    expect((await inkoop.delete(`/trajectories/${ids.ijmond}/invitations/${invitation.body.id}`)).status).toBe(204);
    const list = await audit(ids.ijmond);
    expect(list.slice(0, 4).map((e) => [e.action, e.actor?.name])).toEqual([
      ['invitation.revoke', 'Annelies Brouwer'],
      ['invitation.create', 'Annelies Brouwer'],
      ['topic.decline', 'Annelies Brouwer'],
      ['topic.propose', 'Fatima El Amrani'],
    ]);
    expect(list[2]!.summary).toEqual({ reason: 'Valt buiten deze aanbesteding' });
    const stored = JSON.stringify(await events().find({ chain: ids.ijmond }).toArray());
    expect(stored).not.toContain(email);
    expect(stored).not.toContain('@');
    expect((await verify(ids.ijmond)).valid).toBe(true);
  });

  it('refused requests append nothing', async () => {
    const before = await verify(ids.ijmond);
    expectError(await aanbieder.post(`/trajectories/${ids.ijmond}/topics`, { title: '' }), 400, 'validation_failed');
    expectError(await aanbieder.patch(`/trajectories/${ids.ijmond}`, { name: 'Overgenomen' }), 403, 'forbidden');
    expect((await verify(ids.ijmond)).events).toBe(before.events);
  });

  it('20 topics proposed at the same moment: every one is logged, the chain verifies, seq has no gaps', async () => {
    const before = await verify(ids.midden);
    const titles = Array.from({ length: 20 }, (_, i) => `Gelijktijdig voorstel ${i + 1}`);
    const results = await Promise.all(titles.map((title) => inkoop.post(`/trajectories/${ids.midden}/topics`, { title })));
    expect(results.map((r) => r.status)).toEqual(titles.map(() => 201));

    const after = await verify(ids.midden);
    expect(after).toMatchObject({ valid: true, brokenAt: null, events: before.events + 20 });
    const list = await audit(ids.midden);
    const seqs = list.map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: after.events }, (_, i) => i + 1));
    const logged = list.filter((e) => e.action === 'topic.propose' && titles.includes(e.summary.title as string));
    expect(logged.map((e) => e.summary.title).sort()).toEqual([...titles].sort());
    expect(new Set(list.map((e) => e.hash)).size).toBe(list.length);
  });

  it('topics proposed at the same moment each get a place of their own on the agenda', async () => {
    const topics = (await inkoop.get(`/trajectories/${ids.midden}/topics`)).body as Array<{ order: number; title: string }>;
    const orders = topics.map((t) => t.order);
    expect(new Set(orders).size, `orders: ${orders.join(',')}`).toBe(topics.length);
  });

  it('a stored event whose content was changed is found: hash_mismatch at that event', async () => {
    const list = await audit(ids.ijmond);
    const target = list.find((e) => e.action === 'topic.propose' && e.summary.title === 'Reistijd naar de dialoogtafel')!;
    expect(list[0]!.seq).toBeGreaterThan(target.seq);
    const original = await events().findOne({ chain: ids.ijmond, seq: target.seq });
    expect(original?.summary.title).toBe('Reistijd naar de dialoogtafel');

    await events().updateOne({ _id: original!._id }, { $set: { 'summary.title': 'Iets heel anders' } });
    expect(await verify(ids.ijmond)).toMatchObject({ valid: false, brokenAt: { seq: target.seq, reason: 'hash_mismatch' } });

    // Putting the content back makes the chain whole again: the check is exact, not a flag that sticks.
    await events().updateOne({ _id: original!._id }, { $set: { summary: original!.summary } });
    expect((await verify(ids.ijmond)).valid).toBe(true);

    // Other fields are covered by the hash as well.
    await events().updateOne({ _id: original!._id }, { $set: { actorId: null } });
    expect(await verify(ids.ijmond)).toMatchObject({ valid: false, brokenAt: { seq: target.seq, reason: 'hash_mismatch' } });
    await events().updateOne({ _id: original!._id }, { $set: { actorId: original!.actorId } });
    await events().updateOne({ _id: original!._id }, { $set: { at: new Date(original!.at.getTime() - 3600_000) } });
    expect(await verify(ids.ijmond)).toMatchObject({ valid: false, brokenAt: { seq: target.seq, reason: 'hash_mismatch' } });
    await events().updateOne({ _id: original!._id }, { $set: { at: original!.at } });
    expect((await verify(ids.ijmond)).valid).toBe(true);
  });

  it('a deleted event is found: sequence_gap (or link_mismatch) right after it', async () => {
    const list = await audit(ids.ijmond);
    const target = list[3]!;
    const original = await events().findOne({ chain: ids.ijmond, seq: target.seq });
    await events().deleteOne({ _id: original!._id });
    const result = await verify(ids.ijmond);
    expect(result.valid).toBe(false);
    expect(result.brokenAt?.seq).toBe(target.seq + 1);
    expect(['sequence_gap', 'link_mismatch']).toContain(result.brokenAt?.reason);

    await events().insertOne(original!);
    expect((await verify(ids.ijmond)).valid).toBe(true);
  });

  it('other chains are not affected by tampering with one', async () => {
    const list = await audit(ids.ijmond);
    await events().updateOne({ chain: ids.ijmond, seq: list[0]!.seq }, { $set: { 'summary.extra': true } });
    expect((await verify(ids.ijmond)).valid).toBe(false);
    expect((await verify(ids.midden)).valid).toBe(true);
    expect((await admin.get('/admin/audit/verify')).body.valid).toBe(true);
  });
});
