import { randomBytes } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import type { Logger } from '../logger';

export type RedisClient = RedisClientType;

/** How long closing waits for a Redis client's pending commands at shutdown. */
const closeGraceMs = 1000;

/**
 * The Redis connections of one node. Redis puts a connection that subscribes into a mode where it
 * can do nothing else, so publishing and commands use one connection and each subscriber its own.
 */
export interface RedisClients {
  /** This node's id, unique per process: messages a node published come back to it and are told apart by it. */
  nodeId: string;
  /** Commands and publishing (rate limits, relay messages, the Socket.io adapter's publishing side). */
  command: RedisClient;
  /** Subscriptions of the Socket.io adapter. */
  adapterSubscriber: RedisClient;
  /** Subscriptions of the collaboration relay (one channel per loaded document). */
  relaySubscriber: RedisClient;
  close(): Promise<void>;
}

/** Connects the node's Redis clients; rejects when Redis cannot be reached at start-up. */
export async function connectRedis(url: string, log: Logger): Promise<RedisClients> {
  const command = createClient({ url }) as RedisClient;
  const adapterSubscriber = command.duplicate();
  const relaySubscriber = command.duplicate();
  const clients = [command, adapterSubscriber, relaySubscriber];
  // node-redis reconnects by itself; an unhandled 'error' event would end the process instead.
  let lastWarned = 0;
  for (const client of clients) {
    client.on('error', (error: Error) => {
      if (Date.now() - lastWarned < 5000) return;
      lastWarned = Date.now();
      log.warn({ err: error.message }, 'redis connection problem; reconnecting');
    });
  }
  try {
    await Promise.all(clients.map((c) => c.connect()));
  } catch (error) {
    await Promise.allSettled(clients.map(async (c) => c.destroy()));
    throw error;
  }
  return {
    nodeId: randomBytes(8).toString('base64url'),
    command,
    adapterSubscriber,
    relaySubscriber,
    async close() {
      // close() lets pending commands finish; a client that lost Redis may wait for replies that never
      // come, so after a short grace it is destroyed (its pending commands are rejected, not awaited).
      await Promise.allSettled(
        clients.map(async (c) => {
          if (!c.isOpen) return;
          let timer: NodeJS.Timeout | undefined;
          const graceOver = new Promise<'grace-over'>((resolve) => (timer = setTimeout(() => resolve('grace-over'), closeGraceMs)));
          const closed = await Promise.race([c.close().then(() => 'closed' as const), graceOver]).finally(() => clearTimeout(timer));
          if (closed === 'grace-over' && c.isOpen) c.destroy();
        }),
      );
    },
  };
}
