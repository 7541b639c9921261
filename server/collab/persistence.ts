import type { Types } from 'mongoose';
import * as Y from 'yjs';
import { bytes } from '../db/binary';
import { Locks } from '../db/locks';
import type { Models } from '../models';

/**
 * Stores collaboration documents as an update log plus a snapshot. Only single-document
 * writes are used (no transactions), so the order of operations makes every crash safe:
 * a snapshot is written before the updates it contains are deleted, and applying an update
 * twice is harmless in Yjs. Several nodes may append to one document's log and compact it, so
 * compaction holds the document's lock, merges what is stored with what the node holds, and
 * deletes exactly the log entries it merged.
 */
export class CollabPersistence {
  private readonly updates: Models['collabUpdates'];
  private readonly snapshots: Models['collabSnapshots'];
  private readonly locks: Locks;

  constructor(models: Pick<Models, 'collabUpdates' | 'collabSnapshots' | 'locks'>) {
    this.updates = models.collabUpdates;
    this.snapshots = models.collabSnapshots;
    this.locks = new Locks(models.locks);
  }

  /** All stored state of the document, merged into one update, and how long its log is. */
  async load(doc: string): Promise<{ state: Uint8Array | null; logLength: number }> {
    // The log before the snapshot: a compaction elsewhere writes its snapshot before deleting the
    // entries in it, so in this order every entry is seen in one or the other.
    const log = await this.updates.find({ doc }).sort({ _id: 1 }).lean();
    const snapshot = await this.snapshots.findById(doc).lean();
    const parts: Uint8Array[] = [];
    if (snapshot) parts.push(bytes(snapshot.state));
    for (const entry of log) parts.push(bytes(entry.update));
    return { state: parts.length ? Y.mergeUpdates(parts) : null, logLength: log.length };
  }

  async append(doc: string, update: Uint8Array): Promise<Types.ObjectId> {
    const created = await this.updates.create({ doc, update: Buffer.from(update), createdAt: new Date() });
    return created._id;
  }

  /** Replaces the stored log by a snapshot of it merged with `state` (what this node holds). */
  async compact(doc: string, state: Uint8Array): Promise<void> {
    await this.locks.withLock(`collab-compact:${doc}`, async () => {
      const log = await this.updates.find({ doc }).sort({ _id: 1 }).lean();
      const snapshot = await this.snapshots.findById(doc).lean();
      // Applied to a fresh document and encoded again, so deleted text is collected, not carried on.
      const merged = new Y.Doc({ gc: true });
      try {
        if (snapshot) Y.applyUpdate(merged, bytes(snapshot.state));
        for (const entry of log) Y.applyUpdate(merged, bytes(entry.update));
        Y.applyUpdate(merged, state);
        await this.snapshots.updateOne({ _id: doc }, { $set: { state: Buffer.from(Y.encodeStateAsUpdate(merged)), updatedAt: new Date() } }, { upsert: true });
      } finally {
        merged.destroy();
      }
      // One delete by `_id` equality per entry, sent together: FerretDB hands `_id` equality to the
      // storage engine, while an `$in` would read the whole log of every document.
      if (log.length > 0) await this.updates.bulkWrite(log.map((entry) => ({ deleteOne: { filter: { _id: entry._id } } })), { ordered: false });
    });
  }
}
