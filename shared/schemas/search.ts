import { z } from 'zod';

/*
 * Search across one trajectory: what a person types, and what comes back. Results carry
 * highlight ranges (offsets into plain text), never markup: the client marks them up itself.
 */

/** Kinds of things search finds, in the order their groups are shown. A new kind (attachments) is one entry here and one source on the server. */
export const searchKinds = ['topic', 'clause', 'comment', 'amendment', 'question', 'outcome', 'report', 'attachment'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchQueryMaxLength = 200;
const searchLimitMax = 100;

export const searchQuery = z
  .object({
    q: z.string().trim().min(1, 'is required').max(searchQueryMaxLength, `must be at most ${searchQueryMaxLength} characters`),
    /** At most this many results in all (best first, then grouped). */
    limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(searchLimitMax, `must be at most ${searchLimitMax}`).default(50),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuery>;

/** A piece of plain text with the ranges [start, end) that matched the query. */
const highlightedText = z.object({
  text: z.string(),
  ranges: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type HighlightedText = z.infer<typeof highlightedText>;

const searchHit = z.object({
  /** Unique per trajectory, e.g. `comment:<id>`. */
  id: z.string(),
  kind: z.enum(searchKinds),
  title: highlightedText,
  /** The part of the text around the first match (or its beginning), or null when only the title matched and there is no text. */
  snippet: highlightedText.nullable(),
  /** Where the item is, inside the client: a path under /trajecten/<id>/. */
  path: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z.object({
  query: z.string(),
  total: z.number().int(),
  groups: z.array(z.object({ kind: z.enum(searchKinds), hits: z.array(searchHit) })),
  /** False while clause texts are still being read after the index was built (a first search on a long history): they may be found a moment later. */
  complete: z.boolean(),
});
export type SearchResult = z.infer<typeof searchResult>;
