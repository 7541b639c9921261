import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Locks } from '../../server/db/locks';
import { lockModel } from '../../server/models/lock';
import { freshDatabaseUri } from '../helpers/server';

describe('locks on the real local database', () => {
  let connection: mongoose.Connection;
  beforeAll(async () => {
    connection = await mongoose.createConnection(freshDatabaseUri()).asPromise();
    await lockModel(connection).init();
  });
  afterAll(async () => {
    await connection?.close();
  });

  it('lets one holder in at a time, also across two nodes', async () => {
    const nodes = [new Locks(lockModel(connection)), new Locks(lockModel(connection))];
    let inside = 0;
    let maxInside = 0;
    let counter = 0;
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        nodes[i % 2]!.withLock('session:abc', async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          const read = counter;
          await new Promise((r) => setTimeout(r, 2));
          counter = read + 1;
          inside--;
        }),
      ),
    );
    expect(maxInside).toBe(1);
    expect(counter).toBe(24);
    expect(await lockModel(connection).countDocuments()).toBe(0);
  });

  it('releases the lock when the work fails, and takes over a lock whose holder died', async () => {
    const locks = new Locks(lockModel(connection), { ttlMs: 200 });
    await expect(locks.withLock('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await locks.withLock('k', async () => 'again')).toBe('again');
    await lockModel(connection).create({ _id: 'stale', owner: 'dead-node', expiresAt: new Date(Date.now() - 1000) });
    expect(await locks.withLock('stale', async () => 'taken over')).toBe('taken over');
  });

  it('gives up with a conflict when the lock stays taken', async () => {
    await lockModel(connection).create({ _id: 'busy', owner: 'other', expiresAt: new Date(Date.now() + 60_000) });
    const locks = new Locks(lockModel(connection), { waitMs: 300 });
    await expect(locks.withLock('busy', async () => 'never')).rejects.toMatchObject({ code: 'conflict' });
  });
});
