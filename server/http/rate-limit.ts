import type { Request } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors';

export interface RateLimit {
  consume(req: Request): Promise<void>;
}

/**
 * Limits per client address and, where the request names an account, per account, so neither
 * one address nor a spread of addresses can guess passwords. In memory: one node's count.
 */
export function rateLimit(options: { points: number; durationSeconds: number; perAccount?: { points: number } }): RateLimit {
  const byIp = new RateLimiterMemory({ points: options.points, duration: options.durationSeconds });
  const byAccount = options.perAccount ? new RateLimiterMemory({ points: options.perAccount.points, duration: options.durationSeconds }) : undefined;
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
