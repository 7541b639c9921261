import { randomBytes } from 'node:crypto';
import type { Model } from 'mongoose';
import { AppError } from '../errors';
import type { LockRecord } from '../models/lock';
import { isDuplicateKey } from './duplicate-key';

/**
 * Mutual exclusion per key, across processes and nodes. Why: the local database (FerretDB on
 * SQLite) does not make a conditional update atomic under concurrency — two
 * `findOneAndUpdate({ _id, status: 'open' }, …)` can both win — while a unique key is always
 * enforced. So a lock is a document whose `_id` is the key: inserting it acquires, deleting it
 * releases, and a holder that died is overtaken after `ttlMs`. Within one process, callers
 * queue per key first, so the database sees one contender per node.
 */
export class Locks {
  private readonly local = new Map<string, Promise<unknown>>();

  constructor(
    private readonly locks: Model<LockRecord>,
    private readonly options: { ttlMs?: number; waitMs?: number } = {},
  ) {}

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.local.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.holdWhile(key, fn));
    const tail = run.catch(() => undefined);
    this.local.set(key, tail);
    void tail.then(() => {
      if (this.local.get(key) === tail) this.local.delete(key);
    });
    return run;
  }

  private async holdWhile<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const owner = randomBytes(9).toString('base64url');
    const ttlMs = this.options.ttlMs ?? 10_000;
    const deadline = Date.now() + (this.options.waitMs ?? 5_000);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.locks.create({ _id: key, owner, expiresAt: new Date(Date.now() + ttlMs) });
        break;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const held = await this.locks.findById(key).lean();
        if (held && held.expiresAt.getTime() < Date.now()) await this.locks.deleteOne({ _id: key, owner: held.owner });
        if (Date.now() > deadline) throw new AppError('conflict', 'Someone else is changing this right now. Try again.');
        await new Promise((r) => setTimeout(r, Math.min(50, 2 + attempt * 3) * (0.5 + Math.random())));
      }
    }
    try {
      return await fn();
    } finally {
      await this.locks.deleteOne({ _id: key, owner }).catch(() => undefined);
    }
  }
}
