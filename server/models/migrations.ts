import type { Models } from './index';
import { isDuplicateKey } from '../db/duplicate-key';

/**
 * Changes to how records are stored, applied once at start-up before the server takes traffic, so
 * an existing database keeps working. Each is idempotent and crash-safe (a crash halfway is
 * finished by the next start), and records in a small `migrations` collection that it is done.
 */
export async function migrate(models: Models): Promise<void> {
  await ballotIdIsVoterKey(models);
  await pollDeadlinesListed(models);
}

const batchSize = 500;

/**
 * Ballots used to have an ObjectId `_id` and a unique (pollId, voterKey) index; now `_id` is the
 * voter key. Each old ballot is copied under its new `_id`, then the old one is deleted. The old
 * unique index is dropped first (the copy would collide with it); the `_id` keeps the same rule.
 * Nothing else reads the old index, and no request is served until this has finished.
 */
async function ballotIdIsVoterKey(models: Models): Promise<void> {
  const name = 'ballot-id-is-voter-key';
  const done = models.ballots.db.collection<{ _id: string; at: Date }>('migrations');
  if (await done.findOne({ _id: name })) return;
  const ballots = models.ballots.collection;
  // An empty database (a fresh one, or one a backup is about to be restored into) has nothing to
  // change and is not marked: ballots restored from an older archive are then moved at the next start.
  if ((await ballots.estimatedDocumentCount()) === 0) return;
  const indexes = await ballots.indexes().catch(() => []);
  for (const index of indexes) {
    if (index.name && index.unique && index.key && 'voterKey' in index.key) await ballots.dropIndex(index.name);
  }
  let batch: Array<Record<string, unknown>> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const copies = batch.map((b) => ({ ...b, _id: b.voterKey as string }));
    await ballots.insertMany(copies as never[], { ordered: false }).catch((error: unknown) => {
      // Copied already by a run that was interrupted before it deleted the old one.
      if (!isDuplicateKey(error)) throw error;
    });
    await ballots.deleteMany({ _id: { $in: batch.map((b) => b._id) } } as never);
    batch = [];
  };
  for await (const ballot of ballots.find({})) {
    if (typeof ballot._id === 'string') continue;
    batch.push(ballot as Record<string, unknown>);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await done.updateOne({ _id: name }, { $set: { at: new Date() } }, { upsert: true });
}

/**
 * Open polls with a closing time used to be found by querying the polls; now the sweeper reads
 * their deadlines (poll-deadline.ts). The polls open with a deadline when this version first
 * starts get theirs. Like the ballots above, an empty database is not marked.
 */
async function pollDeadlinesListed(models: Models): Promise<void> {
  const name = 'poll-deadlines-listed';
  const done = models.polls.db.collection<{ _id: string; at: Date }>('migrations');
  if (await done.findOne({ _id: name })) return;
  if ((await models.polls.estimatedDocumentCount()) === 0) return;
  const open = await models.polls.find({ status: 'open', closesAt: { $ne: null } }, { trajectoryId: 1, closesAt: 1 }).lean();
  if (open.length > 0) {
    await models.pollDeadlines.bulkWrite(
      open.map((p) => ({ updateOne: { filter: { _id: p._id }, update: { $set: { trajectoryId: p.trajectoryId, closesAt: p.closesAt! } }, upsert: true } })),
      { ordered: false },
    );
  }
  await done.updateOne({ _id: name }, { $set: { at: new Date() } }, { upsert: true });
}
