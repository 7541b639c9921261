/**
 * Installs the local database ahead of time (used by .ci/run so the build is not inside a test's time).
 * Does nothing when MONGODB_URI is set or a mongod is on the PATH.
 */
import { loadConfig } from '../server/config';
import { ensureFerretdb } from '../server/db/local-database';
import { findExecutable } from '../server/db/executables';

const config = loadConfig();
if (config.mongodbUri) {
  console.log('MONGODB_URI is set; no local database needed.');
} else if (findExecutable('mongod')) {
  console.log(`Using mongod at ${findExecutable('mongod')}.`);
} else {
  const binary = await ensureFerretdb({ cacheDir: config.cacheDir, progress: (m) => console.log(m) });
  console.log(`FerretDB ready at ${binary}.`);
}
