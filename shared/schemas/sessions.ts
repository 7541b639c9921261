import { z } from 'zod';
import { id, longText, title } from './common';
import { roles } from '../domain/roles';
import { onBehalfOf, recordingId } from './on-behalf';
import { ballotChoice, pollSettings, type BallotChoice, type PollOption, type PollResult, type PollSettings, type StakeholderGroup } from '../live-table/polls';

/** What a session's outcomes mean and who finally sets them; shown on entry and beside every result. */
export const outcomeKinds = ['advice', 'proposal', 'decision'] as const;
const declaration = z
  .object({
    outcomeKind: z.enum(outcomeKinds),
    decidedBy: z.string().trim().min(1, 'is required').max(200, 'is too long'),
  })
  .strict();
export type Declaration = z.infer<typeof declaration>;

const agendaItemInput = z.object({ topicId: id, minutes: z.number().int().min(1).max(480) }).strict();

/** The message code of a session that ends before it starts; the client shows it in its own words. */
export const endBeforeStart = 'sessions.form.errors.endBeforeStart';

/** A session ends after it starts (when both are known). */
export const endsAfterStart = (startsAt: string | undefined, endsAt: string | null | undefined): boolean =>
  !startsAt || !endsAt || Date.parse(endsAt) > Date.parse(startsAt);

const checkEnd = (value: { startsAt?: string | undefined; endsAt?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (!endsAfterStart(value.startsAt, value.endsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: endBeforeStart });
};

/** The message code of a closed session that invites nobody; the client shows it in its own words. */
const audienceEmpty = 'sessions.form.errors.audienceEmpty';

/**
 * Who a session is open to (shared/policy: `invitedToSession`): null is the whole trajectory;
 * otherwise the chosen stakeholder groups and people. The organisers always sit at the table.
 */
const sessionAudience = z
  .object({
    groups: z.array(z.enum(roles)).max(roles.length).default([]),
    userIds: z.array(id).max(200).default([]),
  })
  .strict()
  .refine((a) => a.groups.length + a.userIds.length > 0, { message: audienceEmpty, path: ['groups'] });
export type SessionAudienceInput = z.infer<typeof sessionAudience>;

const sessionFields = z
  .object({
    title,
    startsAt: z.iso.datetime({ offset: true, error: 'must be a date and time' }),
    endsAt: z.iso.datetime({ offset: true, error: 'must be a date and time' }).optional(),
    location: z.string().trim().max(300).default(''),
    onlineUrl: z.url({ protocol: /^https?$/, error: 'must be a web address' }).optional(),
    description: longText.default(''),
    agenda: z.array(agendaItemInput).max(50).default([]),
    declaration,
    /** Left out or null: open to the whole trajectory. */
    audience: sessionAudience.nullable().optional(),
  })
  .strict();
export const createSessionRequest = sessionFields.superRefine(checkEnd);
/** Like planning, every field optional; null clears the end time or the online link. */
export const updateSessionRequest = sessionFields
  .partial()
  .extend({
    endsAt: z.iso.datetime({ offset: true, error: 'must be a date and time' }).nullable().optional(),
    onlineUrl: z.url({ protocol: /^https?$/, error: 'must be a web address' }).nullable().optional(),
  })
  .strict()
  .superRefine(checkEnd);

// A cancelled session stays in the history; it cannot be started, joined or changed any more.
export const sessionStatuses = ['planned', 'live', 'ended', 'cancelled'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** Cancelling a planned session: the reason is shown to everyone and sent with the calendar cancellation. */
export const cancelSessionRequest = z.object({ reason: z.string().trim().min(1, 'is required').max(1000, 'is too long') }).strict();
export type CancelSessionRequest = z.infer<typeof cancelSessionRequest>;

export const sessionDto = z.object({
  id: z.string(),
  trajectoryId: z.string(),
  title: z.string(),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  location: z.string(),
  onlineUrl: z.string().nullable(),
  agenda: z.array(z.object({ topicId: z.string(), title: z.string(), minutes: z.number() })),
  declaration,
  status: z.enum(sessionStatuses),
  /** Set when cancelled: when and why. */
  cancellation: z.object({ at: z.string(), reason: z.string() }).nullable(),
  /** Who the session is open to: null for the whole trajectory; the invited groups and people of a closed session. */
  audience: z.object({ groups: z.array(z.enum(roles)), people: z.array(z.object({ id: z.string(), name: z.string() })) }).nullable(),
  /**
   * A closed session seen by someone not invited: only its date and times remain ("besloten
   * sessie"); title, description, place, link, agenda, declaration and audience are left empty.
   */
  hidden: z.boolean(),
});
export type SessionDto = z.infer<typeof sessionDto>;

// ---- The live table (Socket.io) ----

export const sessionRef = z.object({ sessionId: id }).strict();
export const agendaGoto = z.object({ sessionId: id, index: z.number().int().min(0).max(49) }).strict();
export const timerStart = z.object({ sessionId: id, minutes: z.number().int().min(1).max(480).optional() }).strict();
export const giveFloor = z.object({ sessionId: id, userId: id }).strict();
export const openPoll = z.object({ sessionId: id, settings: pollSettings }).strict();
export const castBallot = z.object({ pollId: id, choice: ballotChoice }).strict();
export const pollRef = z.object({ pollId: id }).strict();
/** A vote the facilitator records for someone without an account (issue 16): the same ballot, with on whose behalf. */
export const castBallotOnBehalf = z.object({ pollId: id, recordingId, onBehalfOf, choice: ballotChoice }).strict();

export interface PresentPerson {
  /** For an anonymous client representative: an id of this connection only, never their user id. */
  userId: string;
  name: string;
  group: StakeholderGroup;
  organisationName: string;
  /** A client representative shown as "een cliëntvertegenwoordiger" (the client translates it). */
  anonymous?: boolean;
}

export interface QueueEntry {
  userId: string;
  name: string;
  group: StakeholderGroup;
  raisedAt: string;
}

export interface TimerState {
  durationMs: number;
  /** Set while running: the moment the current run started. */
  startedAt: string | null;
  /** Time left when the current run started (or now, when paused). */
  remainingMs: number;
}

export interface PollView {
  id: string;
  sessionId: string | null;
  topicId: string | null;
  amendmentId: string | null;
  kind: PollSettings['kind'];
  question: string;
  options: PollOption[];
  maxChoices: number | null;
  points: number | null;
  anonymous: boolean;
  resultsVisibility: PollSettings['resultsVisibility'];
  eligibleGroups: StakeholderGroup[];
  status: 'open' | 'closed';
  openedAt: string;
  closesAt: string | null;
  closedAt: string | null;
  /** Null while results are hidden until closing. */
  result: PollResult | null;
  /** Named polls only: who voted what. Never present for anonymous polls. */
  namedBallots?: Array<{ userId: string; name: string; group: StakeholderGroup; choice: BallotChoice }>;
  declaration: Declaration;
}

export interface LiveState {
  session: SessionDto;
  currentIndex: number;
  timer: TimerState | null;
  queue: QueueEntry[];
  floor: { userId: string; name: string; group: StakeholderGroup } | null;
  presence: PresentPerson[];
  polls: PollView[];
  /** The receiving participant's own ballots, by poll id. */
  myBallots: Record<string, BallotChoice>;
  serverTime: string;
}

/** The agenda order a closed ranking poll proposes; `pollId` is null when there is none yet. */
export interface AgendaProposal {
  pollId: string | null;
  ballots: number;
  order: Array<{ topicId: string; title: string; score: number }>;
  /** A ranking poll of the session that is still open, if any: one at a time. */
  openRankingPollId: string | null;
}
