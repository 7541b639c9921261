/**
 * `npm run db:migrate`: copies the local database from FerretDB on SQLite (DATA_DIR/ferretdb) into
 * FerretDB on PostgreSQL (DATA_DIR/postgresql): every collection with its indexes and documents,
 * counts checked. The PostgreSQL database must be empty; the SQLite files stay where they are.
 * Stop the server first. (`npm start` does the same by itself when PostgreSQL is still empty.)
 */
import { ConfigError, loadConfig } from '../server/config';
import { LocalDatabaseUnavailable, sqliteFolder, startLocalDatabase, type LocalDatabase } from '../server/db/local-database';
import { moveSqliteData } from '../server/db/migrate-sqlite';
import { existsSync, readdirSync } from 'node:fs';

const progress = (message: string) => process.stderr.write(`${message}\n`);
let target: LocalDatabase | undefined;
let code = 0;
try {
  const config = loadConfig();
  const folder = sqliteFolder(config.dataDir);
  if (config.mongodbUri) {
    throw new LocalDatabaseUnavailable('MONGODB_URI is set: this command moves only the local database in DATA_DIR. Unset MONGODB_URI to use it.');
  }
  if (!existsSync(folder) || !readdirSync(folder).some((f) => f.endsWith('.sqlite'))) {
    throw new LocalDatabaseUnavailable(`There is no SQLite database in ${folder}; nothing to move.`);
  }
  target = await startLocalDatabase({ dataDir: config.dataDir, cacheDir: config.cacheDir, backend: 'postgresql', progress });
  if (target.backend !== 'postgresql') throw new LocalDatabaseUnavailable('A mongod on the PATH is used as the local database; there is no PostgreSQL database to move into.');
  await moveSqliteData({ dataDir: config.dataDir, cacheDir: config.cacheDir, target, progress });
} catch (error) {
  code = 1;
  progress(error instanceof ConfigError || error instanceof LocalDatabaseUnavailable ? error.message : `Moving the database failed: ${(error as Error).message}`);
} finally {
  await target?.stop();
}
process.exit(code);
