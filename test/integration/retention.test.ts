import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { createModels, type Models } from '../../server/models';
import { defaultRetention, RetentionSweeper } from '../../server/privacy/retention';
import { connectDatabase, objectId } from '../helpers/api-client';
import { freshDatabaseUri, startServer, waitFor, type RunningServer } from '../helpers/server';

const day = 24 * 3600 * 1000;
const ago = (days: number) => new Date(Date.now() - days * day);
const soon = (days: number) => new Date(Date.now() + days * day);
const token = () => randomBytes(16).toString('hex');

/** Records on either side of each retention limit (defaults: sign-ins at expiry, links and mail 30 days, attendance 730). */
async function seed(models: Models) {
  const userId = objectId('0'.repeat(23) + '1');
  const trajectoryId = objectId('0'.repeat(23) + '2');
  const organisationId = objectId('0'.repeat(23) + '3');
  const invitation = (fields: Record<string, unknown>) => ({ trajectoryId, email: 'x@voorbeeld.example', organisationId, role: 'observer', tokenHash: token(), createdAt: ago(60), ...fields });
  const [expiredSignIn, liveSignIn] = await models.sessions.insertMany([
    { _id: token(), userId, createdAt: ago(3), lastSeenAt: ago(2), expiresAt: ago(1) },
    { _id: token(), userId, createdAt: ago(1), lastSeenAt: ago(0), expiresAt: soon(1) },
  ]);
  const [oldReset, usedLongAgo, usedYesterday] = await models.passwordResets.insertMany([
    { userId, tokenHash: token(), createdAt: ago(40), expiresAt: ago(39), usedAt: null },
    { userId, tokenHash: token(), createdAt: ago(40), expiresAt: soon(1), usedAt: ago(35) },
    { userId, tokenHash: token(), createdAt: ago(1), expiresAt: soon(1), usedAt: ago(1) },
  ]);
  const [acceptedLongAgo, revokedLongAgo, expiredLongAgo, open, acceptedRecently] = await models.invitations.insertMany([
    invitation({ expiresAt: soon(5), acceptedAt: ago(31), acceptedBy: userId }),
    invitation({ expiresAt: soon(5), revokedAt: ago(31) }),
    invitation({ expiresAt: ago(31) }),
    invitation({ expiresAt: soon(5) }),
    invitation({ expiresAt: soon(5), acceptedAt: ago(2), acceptedBy: userId }),
  ]);
  const [oldMail, newMail] = await models.outbox.insertMany([
    { to: 'x@voorbeeld.example', subject: 'Oud', text: 'oud', createdAt: ago(31) },
    { to: 'x@voorbeeld.example', subject: 'Nieuw', text: 'nieuw', createdAt: ago(1) },
  ]);
  const attendance = (sessionId: string, lastSeenAt: Date) => ({ trajectoryId, sessionId: objectId(sessionId), userId, role: 'observer', organisationId, firstSeenAt: lastSeenAt, lastSeenAt });
  const [oldAttendance, newAttendance] = await models.sessionAttendance.insertMany([attendance('a'.repeat(24), ago(731)), attendance('b'.repeat(24), ago(100))]);
  return {
    gone: { sessions: [expiredSignIn!._id], passwordResets: [oldReset!._id, usedLongAgo!._id], invitations: [acceptedLongAgo!._id, revokedLongAgo!._id, expiredLongAgo!._id], outbox: [oldMail!._id], sessionAttendance: [oldAttendance!._id] },
    kept: { sessions: [liveSignIn!._id], passwordResets: [usedYesterday!._id], invitations: [open!._id, acceptedRecently!._id], outbox: [newMail!._id], sessionAttendance: [newAttendance!._id] },
  };
}

async function present(models: Models, ids: Record<string, unknown[]>): Promise<number> {
  let n = 0;
  for (const [name, list] of Object.entries(ids)) n += await (models[name as keyof Models] as unknown as { countDocuments(f: object): Promise<number> }).countDocuments({ _id: { $in: list } });
  return n;
}

describe('retention: personal data past its time is removed on a schedule', () => {
  let server: RunningServer;
  let db: Connection;
  let models: Models;

  beforeAll(async () => {
    server = await startServer({ env: { RETENTION_SWEEP_MINUTES: '1' } });
    db = await connectDatabase(server);
    models = createModels(db);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('the server’s own schedule removes expired sign-ins, spent links, old mail and old attendance, and keeps the rest', async () => {
    const { gone, kept } = await seed(models);
    const keptCount = await present(models, kept);
    expect(keptCount).toBe(6);
    // The first sweep runs shortly after start, then every RETENTION_SWEEP_MINUTES: wait for it, not for a time.
    await waitFor(async () => (await present(models, gone)) === 0, 150_000, 'the retention sweep to remove the expired records');
    expect(await present(models, kept)).toBe(keptCount);
    await waitFor(() => server.logs().some((l) => l.event === 'retention_sweep'), 10_000, 'the sweep to be logged');
  }, 180_000);

  it('walks the collections in _id-ordered batches: more records than one batch are all swept', async () => {
    const many = Array.from({ length: 1203 }, (_, i) => ({ to: 'x@voorbeeld.example', subject: `Oud ${i}`, text: 'oud', createdAt: ago(40) }));
    const inserted = await models.outbox.insertMany(many);
    const fresh = await models.outbox.create({ to: 'x@voorbeeld.example', subject: 'Vers', text: 'vers', createdAt: new Date() });
    const sweeper = new RetentionSweeper(models, defaultRetention, createLogger('silent'));
    const counts = await sweeper.sweepOnce();
    // Null only if the server's own timer held the lock at this moment; then its sweep removes them.
    if (counts) expect(counts.outboxMail).toBeGreaterThanOrEqual(inserted.length);
    await waitFor(async () => (await models.outbox.countDocuments({ _id: { $in: inserted.map((m) => m._id) } })) === 0, 150_000, 'every old message removed');
    expect(await models.outbox.countDocuments({ _id: fresh._id })).toBe(1);
  }, 180_000);

  it('sweeps on one node at a time: a held sweep lock makes another node skip, and of two at once only one sweeps', async () => {
    // A database of its own, so the server's timer is not a third contender.
    const own = await mongoose.createConnection(freshDatabaseUri()).asPromise();
    try {
      const m = createModels(own);
      await m.outbox.insertMany(Array.from({ length: 600 }, (_, i) => ({ to: 'x@voorbeeld.example', subject: `Oud ${i}`, text: 'oud', createdAt: ago(40) })));
      const log = createLogger('silent');
      const a = new RetentionSweeper(m, defaultRetention, log);
      const b = new RetentionSweeper(m, defaultRetention, log);
      // Held by another node: the sweeper skips at once instead of waiting.
      await m.locks.create({ _id: 'retention-sweep', owner: 'other-node', expiresAt: new Date(Date.now() + 60_000) });
      expect(await a.sweepOnce()).toBeNull();
      expect(await m.outbox.countDocuments()).toBe(600);
      await m.locks.deleteMany({});
      const results = await Promise.all([a.sweepOnce(), b.sweepOnce()]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(results.find((r) => r !== null)!.outboxMail).toBe(600);
      expect(await m.outbox.countDocuments()).toBe(0);
      expect(await m.locks.countDocuments()).toBe(0);
    } finally {
      await own.dropDatabase().catch(() => undefined);
      await own.close();
    }
  }, 120_000);
});
