import { z } from 'zod';
import { id, isoDate } from './common';

/*
 * Agreements (afspraken) per topic: what the table settled, left open or disagreed on, with the
 * follow-up actions and the polls, amendments and clause versions behind it. In code they are
 * "outcomes", so they are never confused with the draft agreement (the contract) itself.
 */

export const outcomeCategories = ['substantive', 'financial', 'contractual'] as const;
/** Settled before the contract starts, or a long-term agreement for the contract period. */
export const outcomeHorizons = ['before_start', 'long_term'] as const;
/** Agreed, still open, or a difference of opinion with each side's position. */
export const outcomeStatuses = ['agreed', 'open', 'disagreement'] as const;
export const actionStatuses = ['open', 'done'] as const;

const outcomeText = z.string().trim().min(1, 'is required').max(10_000, 'is too long');

/** One side's position in a difference of opinion, e.g. "Gemeenten" and what they hold. */
export const outcomePosition = z
  .object({
    party: z.string().trim().min(1, 'is required').max(200, 'is too long'),
    position: z.string().trim().min(1, 'is required').max(5000, 'is too long'),
  })
  .strict();

/** A follow-up action: what, who (a member of the trajectory) and by when. */
export const outcomeActionInput = z
  .object({
    /** Present when an existing action is kept or changed; absent for a new one. */
    id: id.optional(),
    description: z.string().trim().min(1, 'is required').max(1000, 'is too long'),
    ownerUserId: id,
    dueDate: isoDate,
    status: z.enum(actionStatuses).default('open'),
  })
  .strict();

export const outcomeLinks = z
  .object({
    pollIds: z.array(id).max(50, 'are too many').default([]),
    amendmentIds: z.array(id).max(50, 'are too many').default([]),
    /** Versions of the draft agreement (or of one clause) that carry the outcome. */
    versionIds: z.array(id).max(50, 'are too many').default([]),
    /** The clauses the outcome changed. */
    clauseIds: z.array(id).max(100, 'are too many').default([]),
  })
  .strict();

const outcomeFields = {
  topicId: id,
  /** The session where it was agreed, if it was agreed at one. */
  sessionId: id.nullable().default(null),
  text: outcomeText,
  category: z.enum(outcomeCategories),
  horizon: z.enum(outcomeHorizons),
  status: z.enum(outcomeStatuses),
  /** Required (at least two) when the status is a difference of opinion; empty otherwise. */
  positions: z.array(outcomePosition).max(10, 'are too many').default([]),
  actions: z.array(outcomeActionInput).max(50, 'are too many').default([]),
  links: outcomeLinks.default({ pollIds: [], amendmentIds: [], versionIds: [], clauseIds: [] }),
};

function positionsFitStatus(value: { status: (typeof outcomeStatuses)[number]; positions: unknown[] }, ctx: z.RefinementCtx) {
  if (value.status === 'disagreement' && value.positions.length < 2) {
    ctx.addIssue({ code: 'custom', path: ['positions'], message: 'needs the position of each side (at least two)' });
  }
  if (value.status !== 'disagreement' && value.positions.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['positions'], message: 'are only recorded for a difference of opinion' });
  }
}

export const createOutcomeRequest = z.object(outcomeFields).strict().superRefine(positionsFitStatus);
/** A change replaces every field given; the status and positions are checked together. */
export const updateOutcomeRequest = z.object(outcomeFields).strict().superRefine(positionsFitStatus);

export const outcomeActionDto = z.object({
  id: z.string(),
  description: z.string(),
  owner: z.object({ id: z.string(), name: z.string(), organisationName: z.string() }),
  dueDate: z.string(),
  status: z.enum(actionStatuses),
});
export type OutcomeActionDto = z.infer<typeof outcomeActionDto>;

export const outcomeDto = z.object({
  id: z.string(),
  /** Numbered per trajectory in the order they were recorded (A1, A2, … in the UI). */
  number: z.number(),
  topic: z.object({ id: z.string(), title: z.string() }),
  session: z.object({ id: z.string(), title: z.string(), startsAt: z.string() }).nullable(),
  text: z.string(),
  category: z.enum(outcomeCategories),
  horizon: z.enum(outcomeHorizons),
  status: z.enum(outcomeStatuses),
  positions: z.array(z.object({ party: z.string(), position: z.string() })),
  actions: z.array(outcomeActionDto),
  links: z.object({
    pollIds: z.array(z.string()),
    amendmentIds: z.array(z.string()),
    versionIds: z.array(z.string()),
    clauseIds: z.array(z.string()),
  }),
  recordedBy: z.object({ name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OutcomeDto = z.infer<typeof outcomeDto>;
