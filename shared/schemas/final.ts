import { z } from 'zod';
import { clauseStatuses } from '../domain/agreement';

/*
 * The definitive agreement (definitieve inkoopovereenkomst): a snapshot of the agreement once
 * every clause is fixed, with an annex that traces each clause to its topics, sessions, polls
 * and agreements (afspraken) and ends with the audit chain's head at assembly; then signed off
 * per participating municipality by that municipality's own representative.
 */

const signoffDecisions = ['approve', 'reject'] as const;

export const signoffRequest = z
  .object({
    /** The participating municipality (as the trajectory names it) the representative signs for. */
    municipality: z.string().trim().min(1, 'is required').max(120, 'is too long'),
    decision: z.enum(signoffDecisions),
    /** Required when rejecting: the municipality explains why. */
    reason: z.string().trim().max(5000, 'is too long').default(''),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.decision === 'reject' && value.reason.length === 0) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required when rejecting' });
  });
export type SignoffRequest = z.infer<typeof signoffRequest>;

const ref = z.object({ id: z.string(), title: z.string() });

const finalVariantDto = z.object({ id: z.string(), label: z.string(), municipalities: z.array(z.string()), text: z.string() });
const finalClauseDto = z.object({ id: z.string(), number: z.number(), title: z.string(), text: z.string(), variants: z.array(finalVariantDto) });
const finalChapterDto = z.object({ id: z.string(), number: z.number(), title: z.string(), clauses: z.array(finalClauseDto) });
export type FinalChapterDto = z.infer<typeof finalChapterDto>;

const annexPollDto = z.object({
  id: z.string(),
  question: z.string(),
  kind: z.string(),
  /** Why it belongs to the clause: a poll on one of its topics, or on an amendment of the clause. */
  via: z.enum(['topic', 'amendment']),
  session: ref.nullable(),
  closedAt: z.string().nullable(),
  /** Null while the poll is open. */
  result: z
    .object({
      ballots: z.number(),
      leaders: z.array(z.string()),
      consent: z.object({ reached: z.boolean(), blocks: z.number(), objections: z.number() }).nullable(),
    })
    .nullable(),
});
export type AnnexPollDto = z.infer<typeof annexPollDto>;

export const annexEntryDto = z.object({
  clauseId: z.string(),
  clauseNumber: z.number(),
  clauseTitle: z.string(),
  topics: z.array(ref),
  sessions: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string() })),
  polls: z.array(annexPollDto),
  outcomes: z.array(z.object({ id: z.string(), number: z.number(), text: z.string(), status: z.string(), topic: ref.nullable() })),
});
export type AnnexEntryDto = z.infer<typeof annexEntryDto>;

export const finalSnapshotDto = z.object({
  title: z.string(),
  chapters: z.array(finalChapterDto),
  annex: z.object({
    entries: z.array(annexEntryDto),
    /** The trajectory's last audit event when the agreement was assembled. */
    audit: z.object({ seq: z.number(), hash: z.string(), at: z.string() }).nullable(),
  }),
});
export type FinalSnapshotDto = z.infer<typeof finalSnapshotDto>;

const signoffStatuses = ['pending', 'approved', 'rejected'] as const;

export const municipalitySignoffDto = z.object({
  municipality: z.string(),
  status: z.enum(signoffStatuses),
  reason: z.string().nullable(),
  by: z.object({ name: z.string() }).nullable(),
  at: z.string().nullable(),
});
export type MunicipalitySignoffDto = z.infer<typeof municipalitySignoffDto>;

export const finalAgreementDto = z.object({
  trajectoryId: z.string(),
  status: z.enum(['not_assembled', 'assembled', 'final']),
  /** Clauses that are not fixed yet: while any is listed, the agreement cannot be assembled. */
  notFixed: z.array(z.object({ id: z.string(), number: z.number(), title: z.string(), status: z.enum(clauseStatuses) })),
  assembled: z
    .object({
      revision: z.number(),
      assembledAt: z.string(),
      assembledBy: z.object({ name: z.string() }),
      /** SHA-256 of the snapshot's canonical JSON; also recorded in the audit log. */
      contentHash: z.string(),
      /** True when a clause changed since assembly: the team assembles again before anyone signs off. */
      outdated: z.boolean(),
      snapshot: finalSnapshotDto,
    })
    .nullable(),
  finalAt: z.string().nullable(),
  signoffs: z.array(municipalitySignoffDto),
  mayAssemble: z.boolean(),
  /** The municipality the viewer may sign off for, or null. */
  signsFor: z.string().nullable(),
});
export type FinalAgreementDto = z.infer<typeof finalAgreementDto>;

/** The sign-off status per municipality, for the trajectory overview. */
const finalStatusDto = z.object({
  status: z.enum(['not_assembled', 'assembled', 'final']),
  signoffs: z.array(municipalitySignoffDto),
});
export type FinalStatusDto = z.infer<typeof finalStatusDto>;
