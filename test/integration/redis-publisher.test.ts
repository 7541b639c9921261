import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { fireAndForgetPublisher } from '../../server/cluster/fire-and-forget-publisher';
import type { RedisClient } from '../../server/cluster/redis-clients';
import { startRedis, type RunningRedis } from '../helpers/redis';

/*
 * The Socket.io adapter publishes and forgets. A publish still waiting for Redis when the
 * connection drops must not become an unhandled rejection: that ends a node's process (vitest
 * fails the run on one as well).
 */
describe('publishing to Redis for the Socket.io adapter', () => {
  let redis: RunningRedis;
  const clients: RedisClient[] = [];
  const connect = async () => {
    const client = createClient({ url: redis.url, socket: { reconnectStrategy: false } }) as RedisClient;
    client.on('error', () => {});
    await client.connect();
    clients.push(client);
    return client;
  };
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await redis?.stop();
  });

  it('a publish pending when Redis goes away is reported and resolves, where the bare client rejects', async () => {
    redis = await startRedis();
    const client = await connect();
    // Holds every command, so both publishes are still waiting for their reply when Redis stops.
    await (await connect()).sendCommand(['CLIENT', 'PAUSE', '30000', 'ALL']);
    const failures: unknown[] = [];
    const bare = client.publish('dialoogtafel:test', 'kaal').then(
      () => 'answered',
      (error: unknown) => error,
    );
    const viewed = fireAndForgetPublisher(client, (error) => failures.push(error)).publish('dialoogtafel:test', 'via de adapter');
    await redis.stop();
    expect(await bare).toBeInstanceOf(Error);
    expect(await viewed).toBe(0);
    expect(failures).toHaveLength(1);
  });
});
