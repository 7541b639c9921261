import { z } from 'zod';
import { consultationStatuses, responseOutcomes } from '../domain/consultation';
import { id, isoDate, title } from './common';
import { stakeholderGroups } from '../live-table/polls';
import { onBehalfOf } from './on-behalf';

/*
 * Consultation (reactienota) on a version of the whole draft agreement: reactions per clause
 * until the closing date, a response from the procurement team to each, and one publication.
 */

export const openConsultationRequest = z
  .object({
    title,
    explanation: z.string().trim().max(5000, 'is too long').nullable().default(null),
    /** A version of the whole agreement. */
    versionId: id,
    /** The last day reactions are accepted (YYYY-MM-DD, through that whole day in Europe/Amsterdam). */
    closesOn: isoDate,
  })
  .strict();

const reactionText = z.string().trim().min(1, 'is required').max(10_000, 'is too long');

export const reactRequest = z
  .object({
    clauseId: id,
    text: reactionText,
    /** Client representatives only: everyone else reads "Cliëntvertegenwoordiger (anoniem)". */
    anonymous: z.boolean().default(false),
  })
  .strict();

/**
 * A reaction the facilitator or the procurement team records for someone without an account
 * (issue 16): marked "ingebracht namens …" everywhere, the reactienota too. Never anonymous: the
 * recorder is accountable for it.
 */
export const reactOnBehalfRequest = z.object({ clauseId: id, text: reactionText, onBehalfOf }).strict();

export const editReactionRequest = z.object({ text: reactionText }).strict();

export const respondRequest = z
  .object({
    text: z.string().trim().min(1, 'is required').max(10_000, 'is too long'),
    outcome: z.enum(responseOutcomes),
    /** Where the reaction led: an amendment of the agreement, or a version that took it in. */
    amendmentId: id.nullable().default(null),
    versionId: id.nullable().default(null),
  })
  .strict();

const reactionAuthorDto = z.object({
  /** null when the reaction is anonymous and the viewer may not know who wrote it. */
  name: z.string().nullable(),
  organisationName: z.string().nullable(),
  group: z.enum(stakeholderGroups),
  anonymous: z.boolean(),
});
export type ReactionAuthorDto = z.infer<typeof reactionAuthorDto>;

const reactionResponseDto = z.object({
  text: z.string(),
  outcome: z.enum(responseOutcomes),
  amendment: z.object({ id: z.string(), clauseTitle: z.string(), status: z.string() }).nullable(),
  version: z.object({ id: z.string(), name: z.string() }).nullable(),
  respondedAt: z.string(),
});
export type ReactionResponseDto = z.infer<typeof reactionResponseDto>;

export const reactionDto = z.object({
  id: z.string(),
  clauseId: z.string(),
  clauseNumber: z.number(),
  clauseTitle: z.string(),
  text: z.string(),
  author: reactionAuthorDto,
  /** Recorded by the author for someone without an account ("een jongere van Team Ed"); null otherwise. */
  onBehalfOf: z.string().nullable(),
  /** The viewer wrote it. */
  mine: z.boolean(),
  /** The team's response: for the team always, for everyone else once published. */
  response: reactionResponseDto.nullable(),
  /** Whether the team has responded, also when the response itself is not shown yet. */
  answered: z.boolean(),
  /** Its author may still change or withdraw it: the consultation is open and no response was given. */
  mayEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReactionDto = z.infer<typeof reactionDto>;

const consultationSummaryDto = z.object({
  id: z.string(),
  title: z.string(),
  explanation: z.string().nullable(),
  version: z.object({ id: z.string(), name: z.string() }),
  closesOn: z.string(),
  /** Where it stands today: `closed` also once the closing date has passed. */
  status: z.enum(consultationStatuses),
  /** The reactions the viewer can see now: every one for the team, their own for a reactor, all once published. */
  reactionCount: z.number(),
  /** For the team: reactions still without a response. */
  unanswered: z.number().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type ConsultationSummaryDto = z.infer<typeof consultationSummaryDto>;

export const consultationListDto = z.object({
  consultations: z.array(consultationSummaryDto),
  mayManage: z.boolean(),
  mayReact: z.boolean(),
});
export type ConsultationListDto = z.infer<typeof consultationListDto>;

const consultationClauseDto = z.object({
  clauseId: z.string(),
  number: z.number(),
  title: z.string(),
  /** The regional text and each municipality variant, as they were in the version. */
  texts: z.array(z.object({ variantLabel: z.string().nullable(), text: z.string() })),
});

export const consultationDto = consultationSummaryDto.extend({
  clauses: z.array(consultationClauseDto),
  /** In clause order, oldest first within a clause. */
  reactions: z.array(reactionDto),
  mayManage: z.boolean(),
  /** The viewer's role may react and the consultation accepts reactions now. */
  mayReact: z.boolean(),
  /** Client representatives may react anonymously. */
  mayReactAnonymously: z.boolean(),
  /** The facilitator and the procurement team may record a reaction for someone without an account, while it is open (issue 16). */
  mayReactOnBehalf: z.boolean(),
});
export type ConsultationDto = z.infer<typeof consultationDto>;

export const publishConsultationResult = z.object({ published: z.number(), publishedAt: z.string() });
