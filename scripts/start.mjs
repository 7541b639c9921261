/**
 * `npm start`: runs the built server (dist/server/main.js) with plain node, no bundler or
 * TypeScript loader. Where the build tools are installed (a clone after `npm install`) it first
 * builds whatever is missing or older than its sources, and says so; a production install
 * (`npm ci --omit=dev`) needs a build made beforehand with `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildToolsInstalled, missingParts, root, staleParts } from './build-state.mjs';

const tools = buildToolsInstalled();
if (tools ? staleParts().length > 0 : missingParts().length > 0) {
  if (!tools) {
    process.stderr.write('There is no build in dist/ and no build tools to make one: run `npm ci && npm run build` first.\n');
    process.exit(1);
  }
  // Checks the settings first (a bad value stops there, before any build), then builds.
  const built = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'start.ts')], { stdio: 'inherit', cwd: root });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// If whatever started us (npm, a terminal) goes away without passing on a signal, stop cleanly
// rather than run on as an orphan.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 1000).unref();

// Stack traces in the logs point into the sources, through dist/server/main.js.map.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(root, 'dist', 'server', 'main.js')).href);
