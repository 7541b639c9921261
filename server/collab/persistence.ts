import type { Types } from 'mongoose';
import * as Y from 'yjs';
import { bytes } from '../db/binary';
import type { Models } from '../models';

/**
 * Stores collaboration documents as an update log plus a snapshot. Only single-document
 * writes are used (no transactions), so the order of operations makes every crash safe:
 * a snapshot is written before the updates it contains are deleted, and applying an update
 * twice is harmless in Yjs.
 */
export class CollabPersistence {
  private readonly updates: Models['collabUpdates'];
  private readonly snapshots: Models['collabSnapshots'];

  constructor(models: Pick<Models, 'collabUpdates' | 'collabSnapshots'>) {
    this.updates = models.collabUpdates;
    this.snapshots = models.collabSnapshots;
  }

  /** All stored state of the document, merged into one update, and the id of the newest log entry. */
  async load(doc: string): Promise<{ state: Uint8Array | null; lastUpdateId: Types.ObjectId | null; logLength: number }> {
    const [snapshot, log] = await Promise.all([
      this.snapshots.findById(doc).lean(),
      this.updates.find({ doc }).sort({ _id: 1 }).lean(),
    ]);
    const parts: Uint8Array[] = [];
    if (snapshot) parts.push(bytes(snapshot.state));
    for (const entry of log) parts.push(bytes(entry.update));
    return {
      state: parts.length ? Y.mergeUpdates(parts) : null,
      lastUpdateId: log.length ? log[log.length - 1]!._id : null,
      logLength: log.length,
    };
  }

  async append(doc: string, update: Uint8Array): Promise<Types.ObjectId> {
    const created = await this.updates.create({ doc, update: Buffer.from(update), createdAt: new Date() });
    return created._id;
  }

  /** Replaces the log up to and including `throughId` by a snapshot of `state`. */
  async compact(doc: string, state: Uint8Array, throughId: Types.ObjectId): Promise<void> {
    await this.snapshots.updateOne({ _id: doc }, { $set: { state: Buffer.from(state), updatedAt: new Date() } }, { upsert: true });
    await this.updates.deleteMany({ doc, _id: { $lte: throughId } });
  }
}
