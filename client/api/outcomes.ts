import type { z } from 'zod';
import type { createOutcomeRequest } from '../../shared/schemas/outcomes';
import { call } from './call';

// Agreements (afspraken) per topic and the topic's chain. Types only from shared/: the schemas
// themselves stay out of the browser bundle.
export type OutcomeInput = z.input<typeof createOutcomeRequest>;

export const outcomeApi = {
  chain: (trajectoryId: string, topicId: string, signal?: AbortSignal) => call('topicChain', { params: { trajectoryId, topicId } }, signal),
  record: (trajectoryId: string, input: OutcomeInput) => call('recordOutcome', { params: { trajectoryId }, body: input }),
  update: (trajectoryId: string, outcomeId: string, input: OutcomeInput) => call('updateOutcome', { params: { trajectoryId, outcomeId }, body: input }),
};
