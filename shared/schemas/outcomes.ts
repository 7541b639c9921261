import { z } from 'zod';
import { id, isoDate } from './common';
import { ballotChoice, pollKinds, stakeholderGroups } from '../live-table/polls';

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
const outcomePosition = z
  .object({
    party: z.string().trim().min(1, 'is required').max(200, 'is too long'),
    position: z.string().trim().min(1, 'is required').max(5000, 'is too long'),
  })
  .strict();

/** A follow-up action: what, who (a member of the trajectory) and by when. */
const outcomeActionInput = z
  .object({
    /** Present when an existing action is kept or changed; absent for a new one. */
    id: id.optional(),
    description: z.string().trim().min(1, 'is required').max(1000, 'is too long'),
    ownerUserId: id,
    dueDate: isoDate,
    status: z.enum(actionStatuses).default('open'),
  })
  .strict();

const outcomeLinks = z
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

const outcomeActionDto = z.object({
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

/** GET …/outcomes takes an optional topic in the query string. */
export const listOutcomesQuery = z.object({ topicId: id.optional() }).strict();

const authorRef = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  organisationName: z.string().nullable(),
  group: z.enum(stakeholderGroups),
  anonymous: z.boolean(),
});

/** A poll's result per option and per stakeholder group, as shared/live-table/tally makes it. */
const chainPollResult = z.object({
  kind: z.enum(pollKinds),
  ballots: z.number(),
  turnout: z.record(z.enum(stakeholderGroups), z.object({ eligible: z.number(), voted: z.number() })),
  options: z.array(z.object({ optionId: z.string(), score: z.number(), voters: z.number(), byGroup: z.record(z.enum(stakeholderGroups), z.number()) })),
  leaders: z.array(z.string()),
  consent: z.object({ reached: z.boolean(), blocks: z.number(), objections: z.number() }).optional(),
  /** Votes recorded on someone's behalf (issue 16), counted apart from the groups. */
  onBehalf: z
    .object({
      ballots: z.number(),
      options: z.array(z.object({ optionId: z.string(), score: z.number(), voters: z.number() })),
      inputs: z.array(z.object({ description: z.string(), choice: ballotChoice.optional() })),
    })
    .optional(),
});

const chainPollDto = z.object({
  id: z.string(),
  question: z.string(),
  kind: z.enum(pollKinds),
  status: z.enum(['open', 'closed']),
  anonymous: z.boolean(),
  resultsVisibility: z.enum(['live', 'after_close']),
  session: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** Set for a poll on one of the topic's amendments. */
  amendmentId: z.string().nullable(),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Null while an open poll's results are hidden until it closes. */
  result: chainPollResult.nullable(),
  declaration: z.object({ outcomeKind: z.string(), decidedBy: z.string() }),
});
export type ChainPollDto = z.infer<typeof chainPollDto>;

const chainClause = z.object({ id: z.string(), number: z.number(), title: z.string(), status: z.string() });

/**
 * The way from input to outcome for one topic: the comments and amendments on its clauses, the
 * polls on it and on those amendments with their results per group, the agreements recorded and
 * the clauses those changed.
 */
export const topicChainDto = z.object({
  topic: z.object({ id: z.string(), title: z.string(), description: z.string(), summary: z.string(), status: z.string() }),
  clauses: z.array(chainClause),
  comments: z.array(
    z.object({
      id: z.string(),
      clauseId: z.string(),
      clauseNumber: z.number(),
      clauseTitle: z.string(),
      quote: z.string(),
      body: z.string(),
      author: authorRef,
      /** Recorded on someone's behalf (issue 16): shown "Ingebracht namens …" instead of the author's group. */
      onBehalfOf: z.string().nullable().default(null),
      status: z.enum(['open', 'resolved']),
      replies: z.array(z.object({ id: z.string(), body: z.string(), author: authorRef, createdAt: z.string() })),
      createdAt: z.string(),
    }),
  ),
  amendments: z.array(
    z.object({
      id: z.string(),
      clauseId: z.string(),
      clauseNumber: z.number(),
      clauseTitle: z.string(),
      originalText: z.string(),
      proposedText: z.string(),
      motivation: z.string(),
      author: authorRef,
      status: z.string(),
      reason: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  polls: z.array(chainPollDto),
  outcomes: z.array(outcomeDto),
  /** The clauses the topic's outcomes changed, in the agreement's order, with the outcomes' numbers. */
  changedClauses: z.array(chainClause.extend({ outcomeNumbers: z.array(z.number()) })),
  /** Named versions that can be linked: of the topic's clauses, of the whole agreement, or already linked. */
  versions: z.array(z.object({ id: z.string(), name: z.string(), clauseId: z.string().nullable(), createdAt: z.string() })),
  /** The procurement team may record outcomes on a topic on the list. */
  mayRecord: z.boolean(),
});
export type TopicChainDto = z.infer<typeof topicChainDto>;

/** Outcomes are recorded on topics on the list (accepted, in discussion or concluded), not on proposals or declined ones. */
export function topicTakesOutcomes(status: string): boolean {
  return status !== 'proposed' && status !== 'declined';
}
