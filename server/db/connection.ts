import mongoose, { type Connection } from 'mongoose';

export interface Database {
  connection: Connection;
  /** True when the database answers a ping within the timeout. */
  isReady(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** The database name is taken from the URI, defaulting to `dialoogtafel`. */
export async function connectDatabase(uri: string, defaultDbName = 'dialoogtafel'): Promise<Database> {
  const connection = mongoose.createConnection(uri, {
    dbName: hasDatabaseName(uri) ? undefined : defaultDbName,
    serverSelectionTimeoutMS: 10_000,
    // Fail fast while the database is away instead of queueing writes that may land half a minute later.
    bufferCommands: false,
    autoIndex: true,
  });
  await connection.asPromise();
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
