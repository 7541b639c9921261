import mongoose from 'mongoose';

/** Error names of the driver and of mongoose that mean "the database cannot be reached right now". */
const unavailableNames = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoServerClosedError',
  'MongoOperationTimeoutError',
]);

/**
 * True when an error says the database is away (stopped, unreachable, restarting), as opposed
 * to a bug or a refused write. Such errors become 503 `unavailable` with a Retry-After, never 500:
 * the request may simply be tried again once the database is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string' && unavailableNames.has(name)) return true;
    if (e instanceof mongoose.mongo.MongoNetworkError || e instanceof mongoose.mongo.MongoServerSelectionError) return true;
    // With bufferCommands off, mongoose refuses an operation on a connection that is not open.
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && /before initial connection is complete|connection .* (closed|was closed)|Client must be connected/i.test(message)) return true;
  }
  return false;
}

/** Seconds a client should wait before trying again while the database is away. */
export const retryAfterSeconds = 5;
