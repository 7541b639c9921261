import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * A credential in a queued mail (an invitation's single-use token) waits in the database until the
 * mail goes. It waits sealed (AES-256-GCM, key derived from SESSION_SECRET), so a copy of the queue
 * or a look at /beheer/postvak's pending list gives no usable link; only the sending worker opens it.
 */
const keyOf = (secret: string) => createHash('sha256').update(`queued-link:${secret}`).digest();

export function sealLinkSecret(secret: string, value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

/** The value, or null when the seal does not open (another secret, tampered). */
export function openLinkSecret(secret: string, sealed: string): string | null {
  try {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !tag || !body) return null;
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** The placeholder a queued link carries where the sealed value goes. */
export const sealedPlaceholder = '{sealed}';
