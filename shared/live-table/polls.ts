import { z } from 'zod';
import { id, title } from '../schemas/common';
import type { ProviderKind, ProviderKindBreakdown } from '../domain/provider-kinds';
import type { onBehalfGroup } from '../schemas/on-behalf';

export const pollKinds = ['consent', 'single_choice', 'multiple_choice', 'ranking', 'dot_voting'] as const;
export type PollKind = (typeof pollKinds)[number];

/** The fixed options of a consent proposal; a block needs a reason, the others may give one. */
export const consentOptions = ['agree', 'abstain', 'object', 'block'] as const;
export type ConsentOption = (typeof consentOptions)[number];

/** Stakeholder groups in which results are broken down and turnout is counted. */
export const stakeholderGroups = ['municipality', 'provider', 'client', 'procurement', 'facilitator', 'observer', 'intermediair'] as const;
export type StakeholderGroup = (typeof stakeholderGroups)[number];

/**
 * The group a stored ballot is counted in: a member's stakeholder group, or `on_behalf` for a vote
 * the facilitator recorded for someone without an account (issue 16), which is counted apart.
 */
export type BallotGroup = StakeholderGroup | typeof onBehalfGroup;

const pollOption = z.object({ id: z.string().min(1).max(40), label: title });
export type PollOption = z.infer<typeof pollOption>;

export const pollSettings = z
  .object({
    kind: z.enum(pollKinds),
    question: title,
    /** Ignored for consent polls, which always have the four consent options. */
    options: z.array(pollOption).max(30).default([]),
    /** multiple_choice: how many options at most. */
    maxChoices: z.number().int().min(1).max(30).optional(),
    /** dot_voting: points per voter. */
    points: z.number().int().min(1).max(100).optional(),
    anonymous: z.boolean().default(false),
    resultsVisibility: z.enum(['live', 'after_close']).default('live'),
    /** Which stakeholder groups may vote; empty means every group that votes (the poll.vote rule of shared/policy: never the facilitator or observers). */
    eligibleGroups: z.array(z.enum(stakeholderGroups)).default([]),
    closesAt: z.iso.datetime().optional(),
    topicId: id.optional(),
    /** A poll on an amendment (wijzigingsvoorstel) of the draft agreement. */
    amendmentId: id.optional(),
  })
  .strict();
export type PollSettings = z.infer<typeof pollSettings>;

/** A ballot's content, by poll kind. Validated against the poll's options by `validateBallot`. */
export const ballotChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('consent'), option: z.enum(consentOptions), reason: z.string().trim().max(2000).optional() }).strict(),
  z.object({ kind: z.literal('single_choice'), option: z.string().min(1).max(40) }).strict(),
  z.object({ kind: z.literal('multiple_choice'), options: z.array(z.string().min(1).max(40)).min(1).max(30) }).strict(),
  /** ranking: option ids, most preferred first; need not rank every option. */
  z.object({ kind: z.literal('ranking'), ranking: z.array(z.string().min(1).max(40)).min(1).max(30) }).strict(),
  /** dot_voting: points per option id. */
  z.object({ kind: z.literal('dot_voting'), points: z.record(z.string().min(1).max(40), z.number().int().min(0).max(100)) }).strict(),
]);
export type BallotChoice = z.infer<typeof ballotChoice>;

/** A ballot as the tally sees it: the voter's group, never their identity. */
export interface CountedBallot {
  group: StakeholderGroup;
  choice: BallotChoice;
  /** The kind of the voter's provider organisation (providers only; coarse like the group, so anonymous ballots keep it too). */
  providerKind?: ProviderKind | null;
  /** How many votes this ballot counts for under the session's mandate rule (1 when not given). */
  weight?: number;
}

export interface OptionResult {
  optionId: string;
  /** Votes (single/multiple/consent), Borda points (ranking) or dots (dot voting). */
  score: number;
  /** How many voters chose/ranked/gave points to this option. */
  voters: number;
  byGroup: Partial<Record<StakeholderGroup, number>>;
}

/**
 * Votes recorded on someone's behalf in a consultative poll (issue 16), counted in their own group
 * ("inbreng namens") and never in a stakeholder group's scores, the ballot total, the leaders or
 * the turnout of members. `inputs` says on whose behalf, in the order recorded; with each choice
 * unless the poll is anonymous (the descriptions are not members, but the poll's secrecy holds).
 */
export interface OnBehalfResult {
  ballots: number;
  options: Array<{ optionId: string; score: number; voters: number }>;
  inputs: Array<{ description: string; choice?: BallotChoice }>;
}

export interface PollResult {
  kind: PollKind;
  ballots: number;
  /** Eligible voters and ballots per group, for turnout. */
  turnout: Partial<Record<StakeholderGroup, { eligible: number; voted: number }>>;
  options: OptionResult[];
  /** Option ids with the top score; more than one means a tie; empty when nobody voted. */
  leaders: string[];
  /** consent only: true when nobody blocks; objections are listed for the table to weigh. */
  consent?: { reached: boolean; blocks: number; objections: number };
  /** Beside the groups: scores and turnout per provider kind, and the session's mandate rule (shared/domain/provider-kinds.ts). */
  byProviderKind?: ProviderKindBreakdown['byProviderKind'];
  turnoutByProviderKind?: ProviderKindBreakdown['turnoutByProviderKind'];
  mandates?: ProviderKindBreakdown['mandates'];
  /** Consultative polls: the votes recorded on someone's behalf, apart (absent when there are none). */
  onBehalf?: OnBehalfResult;
}
