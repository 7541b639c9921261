import type { z } from 'zod';
import type { createOutcomeRequest, OutcomeDto, TopicChainDto } from '../../shared/schemas/outcomes';
import { request } from './client';

// Agreements (afspraken) per topic and the topic's chain. Types only from shared/: the schemas
// themselves stay out of the browser bundle.
export type OutcomeInput = z.input<typeof createOutcomeRequest>;

const enc = encodeURIComponent;
const outcomesPath = (trajectoryId: string) => `/api/trajectories/${enc(trajectoryId)}/outcomes`;

export const outcomeApi = {
  chain: (trajectoryId: string, topicId: string, signal?: AbortSignal) =>
    request<TopicChainDto>('GET', `/api/trajectories/${enc(trajectoryId)}/topics/${enc(topicId)}/chain`, undefined, signal),
  record: (trajectoryId: string, input: OutcomeInput) => request<OutcomeDto>('POST', outcomesPath(trajectoryId), input),
  update: (trajectoryId: string, outcomeId: string, input: OutcomeInput) =>
    request<OutcomeDto>('PUT', `${outcomesPath(trajectoryId)}/${enc(outcomeId)}`, input),
};
