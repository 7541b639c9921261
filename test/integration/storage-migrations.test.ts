import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../helpers/api-client';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

/**
 * A database written by an earlier version keeps working after an update: the storage changes of
 * server/models/migrations.ts are applied when the new version starts. Each test makes the old
 * shape in a real database, as the earlier version left it, and starts the server on it again.
 */
describe('storage changes applied at start-up', () => {
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  it('a poll left open with a closing time by a version without the deadline list still closes at its deadline', async () => {
    const first = await startServer({ env: { DEMO: '1' } });
    servers.push(first);
    const db = await connectDatabase(first);
    try {
      // As the earlier version left it: an open poll with a closing time, and no deadline listed for it.
      const poll = await db.collection('polls').findOne({ status: 'closed', sessionId: { $ne: null } });
      expect(poll).not.toBeNull();
      const closesAt = new Date(Date.now() - 60_000);
      await db.collection('polls').updateOne({ _id: poll!._id }, { $set: { status: 'open', closesAt, closedAt: null, result: null, electorate: null } });
      await db.collection('pollDeadlines').deleteOne({ _id: poll!._id });
      await db.collection('migrations').deleteOne({ _id: 'poll-deadlines-listed' as never });
      expect(await first.stop()).toBe(0);

      const second = await startServer({ mongoUri: first.mongoUri, dataDir: first.dataDir });
      servers.push(second);
      const stored = async () => db.collection('polls').findOne({ _id: poll!._id });
      // Closing stores the status, then the frozen result.
      await waitFor(async () => (await stored())?.result != null, 30_000, 'the sweeper to close the poll whose deadline passed');
      expect((await stored())?.status).toBe('closed');
      expect(await db.collection('pollDeadlines').countDocuments({ _id: poll!._id })).toBe(0);
      expect(await db.collection('migrations').countDocuments({ _id: 'poll-deadlines-listed' as never })).toBe(1);
    } finally {
      await db.close();
    }
  });
});
