/**
 * `npm run demo:seed`: fills an empty database with the demo (the same seed `npm start` runs,
 * through the operations, so its audit chains verify) and exits, without starting the server.
 * For a training environment, and for the test run, which seeds one database once and gives each
 * test file a copy (test/helpers/demo-template.ts). Refused in production, like DEMO=1. Uses
 * MONGODB_URI, or else the local database in DATA_DIR, as the server does.
 */
import { createLogger } from '../server/logger';
import { displayUrl, loadConfig } from '../server/config';
import { seedDemoData } from '../server/demo/seed';
import { ensureIndexes } from '../server/models';
import { createServices } from '../server/services';
import { runWithDatabase, ScriptFailure } from './database-script';

await runWithDatabase(async (_db, models) => {
  const config = loadConfig();
  if (config.nodeEnv === 'production') throw new ScriptFailure('The demo is never seeded in production: its accounts have a published password.', 64);
  await ensureIndexes(models);
  const services = createServices({ config, log: createLogger(config.logLevel), models, publicUrl: () => config.publicUrl ?? displayUrl(config, config.port) });
  try {
    const seed = await seedDemoData(services);
    process.stdout.write(seed.seeded ? `The demo is seeded: ${seed.accounts.length} accounts.\n` : 'The database already holds data: nothing was seeded.\n');
  } finally {
    services.liveTable.stop();
    services.search.close();
  }
});
