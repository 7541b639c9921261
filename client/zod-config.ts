import { z } from 'zod';

// The Content-Security-Policy forbids eval. Zod would otherwise probe `new Function` when it builds
// its first object schema (a caught error, but still a CSP violation report), and its speed-up
// from compiled parsers is irrelevant for the client's few responses. Imported before any schema.
z.config({ jitless: true });
