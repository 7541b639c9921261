/*
 * `npm run bench:by-ids`: what reading k records by id costs on the local database, one point read
 * per id against one `{ _id: { $in } }` query, beside a collection of a region's size. It sets
 * `pointReadsUpTo` in server/models/by-ids.ts: FerretDB hands `_id` equality to its storage but
 * reads the whole collection for `$in`, so point reads win for a few ids and lose for many.
 * Medians of interleaved rounds, in one process; BENCH_BY_IDS_DOCS sets the collection's size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Schema, type Model } from 'mongoose';
import { loadConfig } from '../server/config';
import { startLocalDatabase } from '../server/db/local-database';
import { findEachById } from '../server/models/by-ids';

const docs = Number(process.env.BENCH_BY_IDS_DOCS ?? 2000);
const rounds = 15;
const sizes = [1, 4, 16, 32, 64, 128, 256];

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dialoogtafel-by-ids-'));
const database = await startLocalDatabase({ dataDir, cacheDir: loadConfig({ ...process.env, DATA_DIR: dataDir }).cacheDir, progress: () => {} });
const connection = await mongoose.createConnection(`${database.uri}/by_ids`).asPromise();
try {
  // Shaped like users: a name, an address and a password hash.
  interface UserLike {
    name: string;
    email: string;
    passwordHash: string;
  }
  const users: Model<UserLike> = connection.model<UserLike>('User', new Schema<UserLike>({ name: String, email: String, passwordHash: String }));
  const created = await users.insertMany(Array.from({ length: docs }, (_, i) => ({ name: `Persoon ${i}`, email: `persoon${i}@example.org`, passwordHash: 'x'.repeat(96) })));
  const ids = created.map((u) => String(u._id));
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const time = async (work: () => Promise<unknown>) => {
    const start = performance.now();
    await work();
    return performance.now() - start;
  };
  console.log(`${docs} records (${database.backend}); median ms of ${rounds} interleaved rounds\n`);
  console.log('| ids | point reads | one $in | point / $in |\n|---:|---:|---:|---:|');
  for (const k of sizes) {
    const point: number[] = [];
    const within: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const some = Array.from({ length: k }, (_, i) => ids[(round * 97 + i * 31) % ids.length]!);
      point.push(await time(() => findEachById(users, some, { name: 1 })));
      within.push(await time(() => users.find({ _id: { $in: some } }, { name: 1 }).lean()));
    }
    console.log(`| ${k} | ${median(point).toFixed(1)} | ${median(within).toFixed(1)} | ${(median(point) / median(within)).toFixed(2)}× |`);
  }
} finally {
  await connection.close();
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
