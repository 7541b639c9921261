import type { RedisClient } from './redis-clients';

/**
 * The client as the Socket.io Redis adapter should see it. The adapter publishes and forgets: it
 * never handles a failed publish. When the connection to Redis drops, node-redis rejects every
 * command still waiting for its reply, and an unhandled rejection ends the process. So a Redis
 * restart took down every node that was broadcasting at that moment (seen in scale-out.test.ts).
 * Through this view a failed publish is reported and resolves as "received by nobody". The
 * message is lost, like any message published while Redis is away, and the nodes catch up once
 * Redis is back. Everything else goes to the client itself (its methods use private fields, so they
 * are bound to it).
 */
export function fireAndForgetPublisher(client: RedisClient, onFailure: (error: unknown) => void): RedisClient {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'publish') {
        return (...args: Parameters<RedisClient['publish']>) =>
          target.publish(...args).catch((error: unknown) => {
            onFailure(error);
            return 0;
          });
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
