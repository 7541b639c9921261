import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ConfigError, displayUrl, loadConfig, type Config } from './config';
import type { Database } from './db/connection';
import { LocalDatabaseUnavailable, type LocalDatabase } from './db/local-database';
import { openDatabase } from './db/open-database';
import { createLogger, type Logger } from './logger';
import { seedDemoData } from './demo/seed';
import { demoPassword } from './demo/demo-data';
import { createModels, ensureIndexes } from './models';
import { createServices } from './services';
import { defaultRetention, RetentionSweeper } from './privacy/retention';
import { connectRedis, type RedisClients } from './cluster/redis-clients';
import { DeliveryWorker } from './notifications/delivery-worker';
import { NotificationScheduler } from './notifications/scheduler';

/** config → database → app → listen, and a graceful shutdown on SIGTERM and SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);

  let local: LocalDatabase | undefined;
  let database: Database;
  try {
    const opened = await openDatabase(config, (message) => process.stderr.write(`${message}\n`));
    database = opened.database;
    local = opened.local;
    if (local) log.info({ kind: local.kind, pid: local.pid }, 'local database started');
  } catch (error) {
    const message = error instanceof LocalDatabaseUnavailable ? error.message : `Could not reach the database: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }

  const models = createModels(database.connection);
  await ensureIndexes(models);
  let redis: RedisClients | null = null;
  if (config.redisUrl) {
    try {
      redis = await connectRedis(config.redisUrl, log.child({ component: 'redis' }));
      log.info({ event: 'redis_connected', nodeId: redis.nodeId }, 'sharing rooms, documents and limits with other nodes over Redis');
    } catch (error) {
      process.stderr.write(`Could not reach Redis at REDIS_URL: ${(error as Error).message}\n`);
      await database.close().catch(() => {});
      await local?.stop();
      process.exit(1);
    }
  }
  let publicUrl = config.publicUrl ?? displayUrl(config, config.port);
  const services = createServices({ config, log, models, publicUrl: () => publicUrl, redis });
  // Never in production, whatever the settings say (the configuration refuses DEMO=1 there too).
  if (config.demo && config.nodeEnv !== 'production') {
    const seed = await seedDemoData(services);
    if (seed.seeded) log.info({ event: 'demo_seeded', accounts: seed.accounts.length }, 'demo data seeded');
    printDemoAccounts(seed.accounts);
  }

  const app = createApp(config, database, services, log);
  app.httpServer.on('error', async (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `port ${config.port} is already in use (set PORT to another port)` : error.message;
    process.stderr.write(`Could not start Dialoogtafel: ${reason}\n`);
    await database.close().catch(() => {});
    await local?.stop();
    process.exit(1);
  });
  app.httpServer.listen(config.port, config.host, () => {
    const port = (app.httpServer.address() as AddressInfo).port;
    const url = displayUrl(config, port);
    publicUrl = url;
    log.info({ event: 'listening', port, host: config.host, url }, 'Dialoogtafel is ready');
    // For people: on stderr, so stdout stays pure JSON logs.
    process.stderr.write(`\n  Dialoogtafel draait op ${url}\n  Open dit adres in uw browser.\n\n`);
  });

  // Personal data past its retention (README: Privacy) is removed on a schedule, one node at a time.
  const retention = new RetentionSweeper(models, config.retention ?? defaultRetention, log.child({ component: 'retention' }), services.audit);
  retention.start();
  // Notifications: the durable queue is delivered by every node (each item claimed by one), reminders are scheduled by one at a time.
  const delivery = new DeliveryWorker({ models, config, log: log.child({ component: 'notifications' }), publicUrl: () => publicUrl });
  delivery.start();
  const reminders = new NotificationScheduler(services);
  reminders.start();
  const close = async () => {
    await reminders.stop();
    await delivery.stop();
    await retention.stop();
    await app.close();
  };
  installShutdown({ log, config, close, database, local, redis });
}

/** The demo accounts go to stderr, beside the address, so people can sign in at once; logs stay free of them. */
function printDemoAccounts(accounts: Array<{ email: string; role: string }>): void {
  if (accounts.length === 0) return;
  const roleAccounts = ['inkoop', 'gemeente', 'aanbieder', 'client', 'facilitator', 'observer', 'admin'];
  const shown = roleAccounts.flatMap((k) => accounts.filter((a) => a.email.startsWith(`${k}@`)));
  process.stderr.write(`\nDemo-accounts (wachtwoord: ${demoPassword}):\n${shown.map((a) => `  ${a.email.padEnd(34)} ${a.role}`).join('\n')}\n\n`);
}

function installShutdown(parts: {
  log: Logger;
  config: Config;
  close: () => Promise<void>;
  database: Database;
  local: LocalDatabase | undefined;
  redis: RedisClients | null;
}): void {
  let shuttingDown = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    parts.log.info({ signal }, 'shutting down');
    // Closing cuts what is still pending, e.g. a Redis client's unsubscribe or publish after an outage
    // (the Socket.io adapter does not await its own): such a rejection must not turn the exit code to 1.
    process.on('unhandledRejection', (error) => parts.log.warn({ err: String(error) }, 'ignored during shutdown'));
    // Never hang: whatever is not closed within the budget is abandoned.
    const force = setTimeout(() => {
      parts.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, parts.config.shutdownTimeoutMs);
    force.unref();
    try {
      await parts.close();
      // After the app: storing documents at shutdown still tells the other nodes what they hold.
      await parts.redis?.close().catch((error: unknown) => parts.log.warn({ err: String(error) }, 'closing redis failed; going on'));
      await parts.database.close();
      await parts.local?.stop();
      parts.log.info('stopped');
      process.exit(0);
    } catch (error) {
      parts.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Dialoogtafel stopped: ${(error as Error).message}\n`);
  process.exit(1);
});
