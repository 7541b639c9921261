import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureClientBuild } from '../../scripts/client-build';
import { loadConfig } from '../../server/config';
import { startLocalDatabase } from '../../server/db/local-database';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoBaseUri: string;
  }
}

/**
 * Once per run: build the client when stale and start one local database (the same launcher
 * the server uses, on the storage LOCAL_DATABASE names). Each test file then works in a database
 * of its own on that server (on PostgreSQL, FerretDB keeps each in a schema of its own).
 */
export default async function setup(project: TestProject) {
  await ensureClientBuild({ quiet: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dialoogtafel-testdb-'));
  const external = process.env.TEST_MONGODB_URI;
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir });
  const database = external
    ? undefined
    : await startLocalDatabase({
        dataDir,
        cacheDir: config.cacheDir,
        backend: config.localDatabase,
        progress: (m) => process.stderr.write(`${m}\n`),
      });
  project.provide('mongoBaseUri', external ?? database!.uri);
  return async () => {
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
