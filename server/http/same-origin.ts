import type { RequestHandler } from 'express';
import { AppError } from '../errors';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence beside the SameSite=Lax cookie: a state-changing request must come from our own
 * origin (browsers always send Origin on such requests) and carry JSON, which an HTML form
 * on another site cannot send.
 */
export function sameOriginWrites(publicOrigin: () => string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (safeMethods.has(req.method)) return next();
    // Browsers say where a request comes from; only our own pages ("same-origin") and typed-in or
    // bookmarked navigations ("none") may change anything. Sibling subdomains ("same-site") may not.
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return next(new AppError('forbidden', 'Requests from other sites are refused.'));
    const origin = req.headers.origin;
    if (origin) {
      const host = req.headers.host;
      let allowed = false;
      try {
        const url = new URL(origin);
        allowed = url.host === host || origin === publicOrigin();
      } catch {
        allowed = false;
      }
      if (!allowed) return next(new AppError('forbidden', 'Requests from other sites are refused.'));
    }
    const length = Number(req.headers['content-length'] ?? 0);
    const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is('application/json')) return next(new AppError('unsupported_media_type', 'Send JSON (content-type: application/json).'));
    next();
  };
}
