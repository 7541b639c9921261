import type { Config } from '../config';
import { connectDatabase, type Database } from './connection';
import mongoose from 'mongoose';
import { startLocalDatabase, type LocalDatabase } from './local-database';
import type { Progress } from './ferretdb-install';
import { hasUnmovedSqliteData, moveSqliteData, nonEmptyDatabases } from './migrate-sqlite';

export interface OpenedDatabase {
  database: Database;
  /** The local database this process started, when no MONGODB_URI was set. */
  local: LocalDatabase | undefined;
  /** Closes the connection and stops the local database, if any. */
  close(): Promise<void>;
}

/**
 * The database the configuration names: MONGODB_URI, or else the local database in DATA_DIR,
 * started here (database `dialoogtafel`). The server and the operator scripts (export, import)
 * open it the same way.
 */
export async function openDatabase(config: Pick<Config, 'mongodbUri' | 'dataDir' | 'cacheDir' | 'localDatabase'>, progress: Progress): Promise<OpenedDatabase> {
  let local: LocalDatabase | undefined;
  try {
    let uri = config.mongodbUri;
    if (!uri) {
      local = await startLocalDatabase({ dataDir: config.dataDir, cacheDir: config.cacheDir, backend: config.localDatabase, progress });
      await carryOverSqliteData(local, config, progress);
      uri = `${local.uri}/dialoogtafel`;
    }
    const database = await connectDatabase(uri);
    return {
      database,
      local,
      async close() {
        await database.close().catch(() => {});
        await local?.stop();
      },
    };
  } catch (error) {
    await local?.stop();
    throw error;
  }
}

/**
 * The local database used to be FerretDB on SQLite. A DATA_DIR that still holds such data while
 * PostgreSQL is empty is moved over once, with progress, before the server uses it, so nobody
 * finds an empty product after an upgrade. When PostgreSQL already has data, the SQLite files are
 * left alone and named once (`npm run db:migrate` copies them into an empty database).
 */
async function carryOverSqliteData(local: LocalDatabase, config: Pick<Config, 'dataDir' | 'cacheDir'>, progress: Progress): Promise<void> {
  if (local.backend !== 'postgresql' || !hasUnmovedSqliteData(config.dataDir)) return;
  const client = await mongoose.mongo.MongoClient.connect(local.uri);
  let occupied: string[];
  try {
    occupied = await nonEmptyDatabases(client);
  } finally {
    await client.close();
  }
  if (occupied.length === 0) {
    await moveSqliteData({ dataDir: config.dataDir, cacheDir: config.cacheDir, target: local, progress });
  } else {
    progress(`Note: ${config.dataDir} also holds an older SQLite database, which is not used (LOCAL_DATABASE=sqlite opens it).`);
  }
}
