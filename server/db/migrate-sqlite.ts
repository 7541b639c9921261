import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import type { Progress } from './ferretdb-install';
import { LocalDatabaseUnavailable, sqliteFolder, startFerretdbOnSqlite, type LocalDatabase } from './local-database';

type MongoClient = InstanceType<typeof mongoose.mongo.MongoClient>;
const systemDatabases = new Set(['admin', 'local', 'config']);
const batchSize = 1000;

export interface CollectionCopy {
  database: string;
  collection: string;
  documents: number;
  indexes: number;
}

/** Written into the SQLite folder once its data has been moved, so a later start does not move it again. */
function movedMarker(dataDir: string): string {
  return path.join(sqliteFolder(dataDir), 'MOVED-TO-POSTGRESQL.txt');
}

/** True when DATA_DIR holds a FerretDB-on-SQLite database that has not been moved to PostgreSQL yet. */
export function hasUnmovedSqliteData(dataDir: string): boolean {
  const folder = sqliteFolder(dataDir);
  if (!existsSync(folder) || existsSync(movedMarker(dataDir))) return false;
  return readdirSync(folder).some((f) => f.endsWith('.sqlite'));
}

/** The user databases on a server that hold at least one collection. */
export async function nonEmptyDatabases(client: MongoClient): Promise<string[]> {
  const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
  const names: string[] = [];
  for (const { name } of databases) {
    if (systemDatabases.has(name)) continue;
    const collections = await client.db(name).listCollections({}, { nameOnly: true }).toArray();
    if (collections.length > 0) names.push(name);
  }
  return names;
}

/**
 * Copies every database, collection, index and document from one server to another that holds
 * none of those collections yet, then checks that every collection has as many documents on
 * both sides. Documents keep their `_id` and BSON types (dates, binary Yjs updates).
 */
async function copyAllDatabases(source: MongoClient, target: MongoClient, progress: Progress): Promise<CollectionCopy[]> {
  const copies: CollectionCopy[] = [];
  const names = await nonEmptyDatabases(source);
  const occupied = new Set(await nonEmptyDatabases(target));
  const clash = names.find((n) => occupied.has(n));
  if (clash) throw new LocalDatabaseUnavailable(`The PostgreSQL database already holds data in "${clash}"; nothing was copied.`);
  for (const name of names) {
    const from = source.db(name);
    const to = target.db(name);
    const collections = (await from.listCollections({ type: 'collection' }, { nameOnly: true }).toArray()).map((c) => c.name).sort();
    for (const collection of collections) {
      const indexes = (await from.collection(collection).listIndexes().toArray()).filter((i) => i.name !== '_id_');
      await to.createCollection(collection);
      for (const index of indexes) {
        await to.collection(collection).createIndex(index.key as Record<string, 1 | -1>, {
          name: index.name as string,
          ...(index.unique ? { unique: true } : {}),
          ...(index.sparse ? { sparse: true } : {}),
        });
      }
      const total = await from.collection(collection).countDocuments({});
      let copied = 0;
      let lastReport = Date.now();
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await to.collection(collection).insertMany(batch, { ordered: false });
        copied += batch.length;
        batch = [];
        if (Date.now() - lastReport > 2000) {
          progress(`  ${name}.${collection}: ${copied.toLocaleString('en')} of ${total.toLocaleString('en')} documents…`);
          lastReport = Date.now();
        }
      };
      for await (const doc of from.collection(collection).find({}, { batchSize })) {
        batch.push(doc);
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      const [before, after] = await Promise.all([from.collection(collection).countDocuments({}), to.collection(collection).countDocuments({})]);
      if (before !== after) {
        throw new LocalDatabaseUnavailable(`Moving ${name}.${collection} did not arrive whole: ${before} documents on SQLite, ${after} on PostgreSQL.`);
      }
      copies.push({ database: name, collection, documents: after, indexes: indexes.length });
      if (after > 0) progress(`  ${name}.${collection}: ${after.toLocaleString('en')} documents, ${indexes.length} indexes`);
    }
  }
  return copies;
}

/**
 * Moves the SQLite database in DATA_DIR into the running PostgreSQL one: starts FerretDB on the
 * SQLite files beside it, copies everything, checks the counts, stops it, and leaves the SQLite
 * files where they were with a note that they were moved (so LOCAL_DATABASE=sqlite still opens them).
 */
export async function moveSqliteData(options: { dataDir: string; cacheDir: string; target: LocalDatabase; progress: Progress }): Promise<CollectionCopy[]> {
  const { dataDir, progress } = options;
  const started = Date.now();
  progress(`Moving the local database in ${sqliteFolder(dataDir)} from SQLite to PostgreSQL…`);
  const source = await startFerretdbOnSqlite({ dataDir, cacheDir: options.cacheDir, progress });
  const sourceClient = await mongoose.mongo.MongoClient.connect(source.uri);
  const targetClient = await mongoose.mongo.MongoClient.connect(options.target.uri);
  const before = new Set(await nonEmptyDatabases(targetClient));
  try {
    let copies: CollectionCopy[];
    try {
      copies = await copyAllDatabases(sourceClient, targetClient, progress);
    } catch (error) {
      // Leave PostgreSQL as empty as it was, so that the next attempt starts clean.
      for (const name of await nonEmptyDatabases(targetClient)) if (!before.has(name)) await targetClient.db(name).dropDatabase();
      throw error;
    }
    const documents = copies.reduce((n, c) => n + c.documents, 0);
    writeFileSync(
      movedMarker(dataDir),
      `These SQLite files were copied to the PostgreSQL database in ${path.join(dataDir, 'postgresql')} on ${new Date().toISOString()}\n` +
        `(${copies.length} collections, ${documents} documents, counts checked). Dialoogtafel no longer reads them unless LOCAL_DATABASE=sqlite.\n`,
    );
    progress(`Moved ${documents.toLocaleString('en')} documents in ${copies.length} collections in ${Math.round((Date.now() - started) / 1000)} s.`);
    return copies;
  } finally {
    await sourceClient.close().catch(() => {});
    await targetClient.close().catch(() => {});
    await source.stop();
  }
}
