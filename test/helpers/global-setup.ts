import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureClientBuild } from '../../scripts/client-build';
import { loadConfig } from '../../server/config';
import { startLocalDatabase } from '../../server/db/local-database';
import { seedDemoTemplate, type DemoTemplate } from './demo-template';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoBaseUri: string;
    demoTemplate: DemoTemplate;
  }
}

/**
 * Once per run: build the client when stale and start one local database (the same launcher
 * the server uses, on the storage LOCAL_DATABASE names). Each test file then works in a database
 * of its own on that server (on PostgreSQL, FerretDB keeps each in a schema of its own).
 * The demo is seeded once, through the operations as `npm start` seeds it, and a server started
 * with DEMO=1 starts on a copy of it (test/helpers/demo-template.ts): seeding takes seconds, copying
 * a fraction of that, and some sixty files start a demo server.
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
  const baseUri = external ?? database!.uri;
  project.provide('mongoBaseUri', baseUri);
  const template = await seedDemoTemplate(`${baseUri}/demo_template_${Date.now().toString(36)}`);
  project.provide('demoTemplate', template);
  return async () => {
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(template.dataDir, { recursive: true, force: true });
  };
}
