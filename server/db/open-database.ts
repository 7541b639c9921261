import type { Config } from '../config';
import { connectDatabase, type Database } from './connection';
import { startLocalDatabase, type LocalDatabase } from './local-database';
import type { Progress } from './ferretdb-install';

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
