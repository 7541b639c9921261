import { z } from 'zod';

/**
 * A short summary in plain language (B1), written by the procurement team for a topic or a
 * clause, so that everyone at the table, client representatives first, can follow it. An empty
 * summary removes it. The limit keeps it short: a few sentences, not a second text.
 */
export const plainSummaryMaxLength = 600;
const plainSummary = z.string().trim().max(plainSummaryMaxLength, 'is too long');
export const setPlainSummaryRequest = z.object({ summary: plainSummary }).strict();
export type SetPlainSummaryRequest = z.infer<typeof setPlainSummaryRequest>;
