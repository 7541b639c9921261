import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, demoEmails, demoTrajectoryIds, signIn, type ApiClient, type DemoIds } from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

interface StoredEvent {
  chain: string;
  seq: number;
  actorId: unknown;
  action: string;
  objectId: string;
  summary: Record<string, unknown>;
}

/** The system's own actors (server/policies/actor.ts); their events name them in `summary.system`. */
/** An Open House applicant has no account: what they do through their secret link names no person. */
const applicantActions = ['admission.apply', 'admission.answer', 'admission.accede'];
const systemActors = ['poll-deadline', 'session-end'];

/**
 * The demo seed takes the operations' road: a fresh demo database holds only events that an
 * operation wrote, each with the demo person who acted or a named system actor. Only what the
 * product itself records without an actor may lack one: a ballot in an anonymous poll, an
 * anonymous comment, and an Open House applicant (who has no account).
 */
describe('the demo seed writes real audit events', () => {
  let server: RunningServer;
  let db: Connection;
  let admin: ApiClient;
  let inkoop: ApiClient;
  let ids: DemoIds;
  /** The events as the seed left them, before anyone signs in. */
  let seeded: StoredEvent[];

  beforeAll(async () => {
    // DEMO_CONTRACT=1: the Open House trajectory's running contract (sealed 1.0, change round 1.1) too.
    server = await startServer({ env: { DEMO: '1', DEMO_CONTRACT: '1' } });
    db = await connectDatabase(server);
    seeded = (await db.collection('audit_events').find({}).toArray()) as unknown as StoredEvent[];
    admin = await signIn(server, demoEmails.admin);
    inkoop = await signIn(server, demoEmails.procurement);
    ids = await demoTrajectoryIds(admin);
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('every demo chain and the platform chain verify', async () => {
    for (const id of [ids.ijmond, ids.midden]) {
      const res = await inkoop.get(`/trajectories/${id}/audit/verify`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ valid: true, brokenAt: null });
      expect(res.body.events).toBeGreaterThan(50);
    }
    expect((await admin.get('/admin/audit/verify')).body).toMatchObject({ valid: true, brokenAt: null });
  });

  it('every event has a real actor: a demo person, or a named system actor', async () => {
    const users = new Set((await db.collection('users').find({}, { projection: { _id: 1 } }).toArray()).map((u) => String(u._id)));
    const anonymousPolls = new Set((await db.collection('polls').find({ anonymous: true }, { projection: { _id: 1 } }).toArray()).map((p) => String(p._id)));
    const anonymousComments = new Set((await db.collection('clause_comments').find({ anonymous: true }, { projection: { _id: 1 } }).toArray()).map((c) => String(c._id)));
    const events = seeded;
    expect(events.length).toBeGreaterThan(100);
    const withoutActor = events.filter((e) => {
      if (e.actorId !== null && e.actorId !== undefined) return !users.has(String(e.actorId));
      if (typeof e.summary.system === 'string') return !systemActors.includes(e.summary.system);
      if (e.action === 'poll.ballot') return !anonymousPolls.has(e.objectId);
      if (applicantActions.includes(e.action)) return false;
      return !(e.action === 'comment.create' && anonymousComments.has(e.objectId));
    });
    expect(withoutActor.map((e) => `${e.chain}#${e.seq} ${e.action}`)).toEqual([]);
    // The mark of an event the seed wrote itself, not an operation.
    expect(events.filter((e) => e.summary.demo !== undefined).map((e) => `${e.chain}#${e.seq} ${e.action}`)).toEqual([]);
  });

  it('the acting people are the ones who would do it', async () => {
    const byEmail = async (email: string) => String((await db.collection('users').findOne({ email }))!._id);
    const events = seeded.filter((e) => e.chain === ids.midden);
    const procurement = await byEmail(demoEmails.procurement);
    expect(events.find((e) => e.action === 'topic.propose' && e.summary.status === 'accepted')?.actorId?.toString()).toBe(procurement);
    const proposedBy = await byEmail('wim.scholten@dialoogtafel.example');
    expect(events.some((e) => e.action === 'topic.propose' && e.summary.status === 'proposed' && String(e.actorId) === proposedBy)).toBe(true);
  });

  it("a held demo session's report tells the minutes per agenda item, from the moves it kept", async () => {
    const sessions = (await inkoop.get(`/trajectories/${ids.ijmond}/sessions`)).body as Array<{ id: string; title: string; status: string }>;
    const held = sessions.find((x) => x.status === 'ended')!;
    expect(held.title).toMatch(/^Dialoogsessie 1/);
    const report = await inkoop.post(`/trajectories/${ids.ijmond}/sessions/${held.id}/report`, {});
    expect(report.status, report.text).toBe(201);
    // 12:02 → 12:55 → 13:50 → 14:55 (seed-sessions.ts).
    expect(report.body.content.agenda.map((a: { held: string; actualMinutes: number | null }) => [a.held, a.actualMinutes])).toEqual([
      ['discussed', 53],
      ['discussed', 55],
      ['discussed', 65],
    ]);
  });
});
