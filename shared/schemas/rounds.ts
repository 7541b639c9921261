import { z } from 'zod';
import { id, isoDate } from './common';
import { annexEntryDto, finalSnapshotDto, municipalitySignoffDto } from './final';

/*
 * Change rounds (wijzigingsrondes) on a definitive agreement. A round reopens the sealed
 * agreement for dialogue; its result is the next version, 1.1, 1.2, …, sealed on its own. A
 * sealed version is never written again.
 */

/** "1.0", "1.1", …: the major stays 1 for the contract's term; each change round adds one to the minor. */
const versionLabel = z.string().regex(/^1\.(0|[1-9][0-9]{0,2})$/, 'is not a version (1.0, 1.1, …)');
export const versionLabelOf = (minor: number): string => `1.${minor}`;
export const minorOf = (label: string): number => Number(label.split('.')[1]);

export const openRoundRequest = z
  .object({
    title: z.string().trim().min(1, 'is required').max(200, 'is too long'),
    /** Why the contract changes: shown to everyone at the table and in the version's traceability. */
    reason: z.string().trim().min(1, 'is required').max(5000, 'is too long'),
    /** From when the new version applies to admitted providers (YYYY-MM-DD, Europe/Amsterdam). */
    appliesFrom: isoDate,
    /** Clauses reopened for dialogue: they go back to "in dialogue", their text is edited as any draft. */
    clauseIds: z.array(id).max(200, 'too many clauses').default([]),
    /** New dialogue topics of the round; they are linked to the reopened clauses. */
    topics: z.array(z.string().trim().min(1, 'is required').max(200, 'is too long')).max(30, 'too many topics').default([]),
  })
  .strict();
export type OpenRoundRequest = z.infer<typeof openRoundRequest>;

export const versionParams = z.object({ trajectoryId: id, version: versionLabel }).strict();

const ref = z.object({ id: z.string(), title: z.string() });

const roundDto = z.object({
  title: z.string(),
  reason: z.string(),
  openedAt: z.string(),
  openedBy: z.object({ name: z.string() }),
  appliesFrom: z.string(),
  topics: z.array(ref),
  clauses: z.array(ref),
});
export type RoundDto = z.infer<typeof roundDto>;

const contractVersionSummaryDto = z.object({
  label: z.string(),
  status: z.enum(['sealed', 'in_dialogue']),
  sealedAt: z.string().nullable(),
  appliesFrom: z.string().nullable(),
  contentHash: z.string().nullable(),
  /** The round whose dialogue made this version; null for 1.0. */
  round: roundDto.nullable(),
});
export type ContractVersionSummaryDto = z.infer<typeof contractVersionSummaryDto>;

export const contractVersionsDto = z.object({
  trajectoryId: z.string(),
  /** Newest first: the round in dialogue (if any), then the sealed versions. */
  versions: z.array(contractVersionSummaryDto),
  /** The version in force today, or null before the first seal. */
  inForce: z.string().nullable(),
  mayOpenRound: z.boolean(),
});
export type ContractVersionsDto = z.infer<typeof contractVersionsDto>;

export const contractVersionDto = z.object({
  label: z.string(),
  sealedAt: z.string(),
  appliesFrom: z.string(),
  contentHash: z.string(),
  /** Whether the stored snapshot still hashes to its seal's hash. */
  verifies: z.boolean(),
  snapshot: finalSnapshotDto,
  signoffs: z.array(municipalitySignoffDto),
  round: roundDto.nullable(),
  /** Traceability to the round's dialogue: per reopened clause, the round's topics, sessions, polls and agreements. */
  trace: z.array(annexEntryDto),
  /** The version before it, to compare with; null for 1.0. */
  previous: z.string().nullable(),
});
export type ContractVersionDto = z.infer<typeof contractVersionDto>;
