import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError } from '../errors';
import { wordDocumentType } from '../../shared/schemas/word-import';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where pages that may use this server come from. */
export interface OriginPolicy {
  /** PUBLIC_URL; without it (development, tests) the origin of the Host the request was sent to counts as ours. */
  publicUrl: string | undefined;
  /** ALLOWED_ORIGINS: further front-ends, each an exact origin such as `https://tafel.gemeente.nl`. */
  allowedOrigins: readonly string[];
}

/**
 * The one rule that decides whether a request may carry a person's cookie into a state change or
 * a live connection: REST writes, every WebSocket upgrade (/socket.io and /collab/…) and
 * Socket.io's long-polling handshake all ask it.
 *
 * - An `Origin`, when sent, must be our own (PUBLIC_URL's origin, or the Host's without PUBLIC_URL)
 *   or one listed in ALLOWED_ORIGINS. `Origin: null` (sandboxed frames, some redirects) is refused.
 * - `Sec-Fetch-Site`, when sent, must say `same-origin` or `none` (typed in), unless the Origin is
 *   listed in ALLOWED_ORIGINS: a sibling subdomain is "same-site" and SameSite=Lax cookies reach it.
 * - With neither header the request is not a cross-site browser request: browsers send Origin on
 *   every WebSocket upgrade, cross-origin fetch and non-GET request, and Sec-Fetch-Site on every
 *   request. Such a request comes from a non-browser client that holds the cookie itself, or from
 *   a same-origin GET; neither can be made to carry someone else's cookie by another site.
 */
export function fromOwnSite(headers: IncomingHttpHeaders, policy: OriginPolicy): boolean {
  const origin = headers.origin;
  if (origin !== undefined) {
    const normalised = originOf(origin);
    if (normalised === null) return false;
    if (policy.allowedOrigins.includes(normalised)) return true;
    const own = policy.publicUrl ? normalised === originOf(policy.publicUrl) : new URL(normalised).host === headers.host;
    if (!own) return false;
  }
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** `scheme://host[:port]` of an address, or null when it is none (such as the literal `null`). */
function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * Media types a file-upload route (RouteSpec `upload`) receives as its body. A form on another
 * site cannot send any of them: a cross-site request with such a type needs a CORS preflight,
 * which this server never grants. Every other route still takes JSON only.
 */
export const fileUploadTypes: readonly string[] = [wordDocumentType];

/**
 * CSRF defence beside the SameSite=Lax cookie: a state-changing request must come from our own
 * site (see fromOwnSite) and carry JSON, which an HTML form on another site cannot send, or a
 * file upload as `application/octet-stream`, which no form can send either (and which a
 * cross-site script may send only after a CORS preflight that nobody answers).
 */
export function sameOriginWrites(publicOrigin: () => string | undefined, allowedOrigins: readonly string[] = []): RequestHandler {
  return (req, _res, next) => {
    if (safeMethods.has(req.method)) return next();
    if (!fromOwnSite(req.headers, { publicUrl: publicOrigin(), allowedOrigins })) return next(new AppError('forbidden', 'Requests from other sites are refused.'));
    const length = Number(req.headers['content-length'] ?? 0);
    const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined;
    // Attachments stream their body as application/octet-stream (server/attachments); the Word import uses its own type.
    if (hasBody && !req.is(['application/json', 'application/octet-stream', ...fileUploadTypes])) return next(new AppError('unsupported_media_type', 'Send JSON (content-type: application/json).'));
    next();
  };
}
