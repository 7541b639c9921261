import type { limitsNl } from './limits-nl';

// Typed against the Dutch catalogue: a key missing from either fails the type check.
export const limitsEn: typeof limitsNl = {
  connection: {
    too_many_connections: 'You have Dialoogtafel open in too many tabs or windows at once. Close a few and reload this page.',
    session_expired: 'You were signed out because your session expired. Sign in again to continue.',
  },
  document: {
    document_too_large: 'This text has become too large. Your last change was not saved. Shorten the text or spread it over more clauses, then reload the page.',
    too_many_connections: 'You have too many texts open at once. Close a few tabs or windows and reload this page.',
    rate_limited: 'Too many changes arrived in a short time. The connection will be restored by itself in a moment; nothing is lost.',
  },
};
