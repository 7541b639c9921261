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
