import type { TopicDto } from '../../shared/schemas/topics';
import type { TrajectoryDto } from '../../shared/schemas/trajectories';

// The shared schema modules build zod schemas when imported, which would pull all of zod into
// the browser bundle for three short lists. The lists are repeated here instead; the types
// below fail the type check when one of them misses or adds a value.
type Exactly<List extends readonly string[], Union extends string> = [Union] extends [List[number]]
  ? [List[number]] extends [Union]
    ? List
    : never
  : never;

const models = ['open_house', 'dialogue_tender', 'other'] as const;
export const procurementModels: Exactly<typeof models, TrajectoryDto['model']> = models;

const kinds = [
  'publication',
  'questions_deadline',
  'answers_published',
  'dialogue_start',
  'go_no_go',
  'dialogue_end',
  'final_submission',
  'award',
  'contract_start',
  'other',
] as const;
export const milestoneKinds: Exactly<typeof kinds, TrajectoryDto['milestones'][number]['kind']> = kinds;

const phases = ['planned', 'active', 'done'] as const;
export const phaseStatuses: Exactly<typeof phases, TrajectoryDto['phases'][number]['status']> = phases;

const topicStates = ['proposed', 'accepted', 'declined', 'in_discussion', 'concluded'] as const;
export const topicStatuses: Exactly<typeof topicStates, TopicDto['status']> = topicStates;

// ---- Dialogue sessions and polls ----

type SessionStatus = import('../../shared/schemas/sessions').SessionDto['status'];
type OutcomeKind = import('../../shared/schemas/sessions').Declaration['outcomeKind'];
type PollKind = import('../../shared/schemas/polls').PollKind;
type ConsentOption = import('../../shared/schemas/polls').ConsentOption;
type StakeholderGroup = import('../../shared/schemas/polls').StakeholderGroup;

const sessionStates = ['planned', 'live', 'ended', 'cancelled'] as const;
export const sessionStatuses: Exactly<typeof sessionStates, SessionStatus> = sessionStates;

const outcomes = ['advice', 'proposal', 'decision'] as const;
export const outcomeKinds: Exactly<typeof outcomes, OutcomeKind> = outcomes;

const kindsOfPoll = ['consent', 'single_choice', 'multiple_choice', 'ranking', 'dot_voting'] as const;
export const pollKinds: Exactly<typeof kindsOfPoll, PollKind> = kindsOfPoll;

const consent = ['agree', 'abstain', 'object', 'block'] as const;
export const consentOptions: Exactly<typeof consent, ConsentOption> = consent;

const groups = ['municipality', 'provider', 'client', 'procurement', 'facilitator', 'observer'] as const;
/** Stakeholder groups in the order results and presence show them. */
export const stakeholderGroups: Exactly<typeof groups, StakeholderGroup> = groups;
/** The groups that can be invited to vote (facilitators and observers never vote). */
export const votingGroups = ['municipality', 'provider', 'client', 'procurement'] as const satisfies readonly StakeholderGroup[];
