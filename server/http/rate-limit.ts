import type { Request } from 'express';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RedisClient } from '../cluster/redis-clients';
import { AppError } from '../errors';

export interface RateLimit {
  consume(req: Request): Promise<void>;
}

export interface RateLimitOptions {
  /** Names the counters in Redis; each limit needs its own. */
  name: string;
  points: number;
  durationSeconds: number;
  perAccount?: { points: number };
  /** With several nodes the counts live in Redis, so a limit holds across nodes; without, in this node's memory. */
  redis?: RedisClient | null;
}

/**
 * Limits per client address and, where the request names an account, per account, so neither
 * one address nor a spread of addresses can guess passwords.
 */
export function rateLimit(options: RateLimitOptions): RateLimit {
  const byIp = limiter(options, 'ip', options.points);
  const byAccount = options.perAccount ? limiter(options, 'account', options.perAccount.points) : undefined;
  return {
    async consume(req) {
      try {
        await byIp.consume(req.ip ?? 'unknown');
        const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : undefined;
        if (byAccount && email) await byAccount.consume(email);
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          const seconds = Math.ceil(error.msBeforeNext / 1000);
          throw new AppError('rate_limited', `Too many attempts. Try again in ${seconds} seconds.`);
        }
        throw error;
      }
    },
  };
}

function limiter(options: RateLimitOptions, kind: string, points: number): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points, duration: options.durationSeconds });
  if (!options.redis) return memory;
  return new RateLimiterRedis({
    storeClient: options.redis,
    useRedisPackage: true,
    keyPrefix: `dialoogtafel:rate:${options.name}:${kind}`,
    points,
    duration: options.durationSeconds,
    // While Redis is away, each node limits on its own instead of letting everything through or failing.
    insuranceLimiter: memory,
  });
}
