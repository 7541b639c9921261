/**
 * Installs the local database ahead of time (used by .ci/run so the build is not inside a test's time):
 * builds FerretDB once into the cache, and makes the PostgreSQL binaries from node_modules runnable
 * (what their package's postinstall would do; npm 11 runs no install scripts).
 * Does nothing when MONGODB_URI is set or a mongod is on the PATH.
 */
import { loadConfig } from '../server/config';
import { ensureFerretdb, ensurePostgresql } from '../server/db/local-database';
import { findExecutable } from '../server/db/executables';

const config = loadConfig();
if (config.mongodbUri) {
  console.log('MONGODB_URI is set; no local database needed.');
} else if (findExecutable('mongod')) {
  console.log(`Using mongod at ${findExecutable('mongod')}.`);
} else {
  const binary = await ensureFerretdb({ cacheDir: config.cacheDir, progress: (m) => console.log(m) });
  console.log(`FerretDB ready at ${binary}.`);
  try {
    const postgresql = await ensurePostgresql();
    console.log(`PostgreSQL ${postgresql.version} ready at ${postgresql.postgres}.`);
  } catch (error) {
    // Without it only LOCAL_DATABASE=sqlite works; say so, and fail when it is the chosen storage.
    console.log((error as Error).message);
    if (config.localDatabase === 'postgresql') process.exit(1);
  }
}
