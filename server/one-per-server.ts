import type { RedisClients } from './cluster/redis-clients';
import type { Logger } from './logger';
import type { Models } from './models';

/** What a per-server helper is made from: the parts of a running server's services. */
export interface ServerParts {
  models: Models;
  redis: RedisClients | null;
  log: Logger;
}

/**
 * One instance per running server (per services object), made when first asked. Several servers
 * in one process (the tests, a scale-out run) each get their own, and it goes with its server.
 */
export function onePerServer<T extends object>(make: (parts: ServerParts) => T): (parts: ServerParts) => T {
  const made = new WeakMap<object, T>();
  return (parts) => {
    let instance = made.get(parts);
    if (!instance) {
      instance = make(parts);
      made.set(parts, instance);
    }
    return instance;
  };
}
