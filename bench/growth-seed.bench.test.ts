import mongoose from 'mongoose';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseFragment } from '../shared/domain/clause-text';
import { AuditLog } from '../server/audit/audit-log';
import { CollabPersistence } from '../server/collab/persistence';
import { Locks } from '../server/db/locks';
import { voterKey } from '../server/live-table/live-state';
import { createModels, ensureIndexes, type Models } from '../server/models';
import { freshDatabaseUri } from '../test/helpers/server';
import { growthSize, seedGrowth, type GrowthSeedResult } from './growth-seed';

/*
 * Smoke test of the grown database at its smallest: what the seed writes is what the product
 * reads back as its own (chains that verify, ballots under the product's voter keys, clause
 * logs that load into text). `npx vitest run --config vitest.bench.config.ts bench/growth-seed.bench.test.ts`
 */
describe('the growth seed', () => {
  const mongoUri = freshDatabaseUri();
  const secret = 'a-session-secret-of-at-least-32-characters';
  let connection: mongoose.Connection;
  let models: Models;
  let seeded: GrowthSeedResult;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUri).asPromise();
    models = createModels(connection);
    await ensureIndexes(models);
    seeded = await seedGrowth(mongoUri, secret, growthSize(0.001), () => undefined);
  }, 120_000);
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('writes the asked numbers of records', () => {
    const { size, written } = seeded;
    expect(written.auditEvents).toBe(size.auditEvents);
    expect(written.sessions).toBe(size.signIns);
    expect(written.polls).toBe(size.polls);
    expect(written.comments).toBe(size.comments);
    expect(written.questions).toBe(size.questions);
    expect(written.memberships).toBe(2 * size.members);
  });

  it('writes audit chains that verify, the platform chain included', async () => {
    const audit = new AuditLog(models, new Locks(models.locks));
    for (const chain of Object.keys(seeded.auditEventsPerChain)) {
      const result = await audit.verify(chain);
      expect(result, chain).toMatchObject({ valid: true, events: seeded.auditEventsPerChain[chain] });
    }
  });

  it('stores ballots under the product voter keys, named only in named polls', async () => {
    const named = await models.ballots.findOne({ voterId: { $ne: null } }).lean();
    expect(named!.voterKey).toBe(voterKey(secret, String(named!.pollId), String(named!.voterId)));
    const anonymous = await models.ballots.find({ voterId: null }).lean();
    const anonymousPolls = await models.polls.find({ _id: { $in: anonymous.map((b) => b.pollId) } }).lean();
    expect(anonymousPolls.every((p) => p.anonymous)).toBe(true);
  });

  it('stores clause histories that load into text', async () => {
    const { state, logLength } = await new CollabPersistence(models).load(seeded.clauseDocuments[0]!);
    expect(logLength).toBeGreaterThan(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state!);
    expect(clauseFragment(doc).length).toBe(3);
    expect(clauseFragment(doc).toString().length).toBeGreaterThan(100);
  });
});
