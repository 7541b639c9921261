/**
 * The build step of `npm start` (scripts/start.mjs) when dist/ is missing or older than the
 * sources: check the settings first (a bad value stops here, before any build), say what is
 * built and why, then build it.
 */
import { ConfigError, loadConfig } from '../server/config';
import { missingParts } from './build-state.mjs';
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

process.stderr.write(
  missingParts().length > 0
    ? 'No build yet: building Dialoogtafel first (as `npm run build` does); later starts skip this.\n'
    : 'The sources changed since the last build: building again.\n',
);
await ensureClientBuild();
