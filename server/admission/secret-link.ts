import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The applicant's secret link: `<applicationId>.<secret>`. The application is found by its `_id`,
 * and the secret's SHA-256 compared in constant time; only the hash is stored. A wrong or unknown
 * link is answered exactly like one that does not exist.
 */
export const applicantToken = z.string().regex(/^[a-f0-9]{24}\.[A-Za-z0-9_-]{43}$/, 'is not a valid link');

export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function splitToken(token: string): { applicationId: string; secret: string } {
  const [applicationId, secret] = token.split('.') as [string, string];
  return { applicationId, secret };
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The page of the applicant's link, as mailed. */
export const applicantPath = (token: string) => `/toetreding/aanvraag/${token}`;
