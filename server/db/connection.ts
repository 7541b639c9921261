import mongoose, { type Connection } from 'mongoose';

export interface Database {
  connection: Connection;
  /** True when the database answers a ping within the timeout. */
  isReady(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** How long an operation waits for an unreachable database before it fails (and the request answers 503). */
const selectionTimeoutMs = 3000;
/** How long the first connection may take, for a database that is still starting. */
const initialConnectMs = 30_000;

/** The database name is taken from the URI, defaulting to `dialoogtafel`. */
export async function connectDatabase(uri: string, defaultDbName = 'dialoogtafel'): Promise<Database> {
  const deadline = Date.now() + initialConnectMs;
  let connection: Connection;
  for (;;) {
    connection = mongoose.createConnection(uri, {
      dbName: hasDatabaseName(uri) ? undefined : defaultDbName,
      // While the database is away, requests fail within seconds (503, try again) instead of
      // hanging; the driver keeps looking for it and carries on by itself once it is back.
      serverSelectionTimeoutMS: selectionTimeoutMs,
      heartbeatFrequencyMS: 2000,
      // Fail fast while the database is away instead of queueing writes that may land half a minute later.
      bufferCommands: false,
      autoIndex: true,
    });
    try {
      await connection.asPromise();
      break;
    } catch (error) {
      await connection.close().catch(() => {});
      if (Date.now() + selectionTimeoutMs > deadline) throw error;
    }
  }
  return {
    connection,
    async isReady(timeoutMs = 1500) {
      const db = connection.db;
      if (!db || connection.readyState !== 1) return false;
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
        const ping = db.command({ ping: 1 }).then((r) => r.ok === 1);
        return await Promise.race([ping, timeout]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await connection.close();
    },
  };
}

function hasDatabaseName(uri: string): boolean {
  const afterHosts = uri.replace(/^mongodb(\+srv)?:\/\/[^/]*/, '');
  const name = afterHosts.replace(/^\//, '').split('?')[0];
  return Boolean(name);
}
