/**
 * `npm start`: check the settings first (a bad value stops here, before any build), build the
 * client when it is missing or stale, then run the server, which starts the local database.
 */
import { ConfigError, loadConfig } from '../server/config';
import { ensureClientBuild } from './client-build';

try {
  loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

await ensureClientBuild();

// If whatever started us (npm, a terminal) goes away without passing on a signal, stop cleanly
// rather than run on as an orphan.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 1000).unref();

await import('../server/main');
