import type { z } from 'zod';
import type { decideTopicRequest, proposeTopicRequest, updateTopicRequest } from '../../shared/schemas/topics';
import { call } from './call';

export type ProposeTopicInput = z.input<typeof proposeTopicRequest>;
export type DecideTopicInput = z.input<typeof decideTopicRequest>;
export type UpdateTopicInput = z.input<typeof updateTopicRequest>;

export const topicApi = {
  list: (trajectoryId: string, signal?: AbortSignal) => call('listTopics', { params: { trajectoryId } }, signal),
  propose: (trajectoryId: string, input: ProposeTopicInput) => call('proposeTopic', { params: { trajectoryId }, body: input }),
  decide: (trajectoryId: string, topicId: string, input: DecideTopicInput) => call('decideTopic', { params: { trajectoryId, topicId }, body: input }),
  update: (trajectoryId: string, topicId: string, input: UpdateTopicInput) => call('updateTopic', { params: { trajectoryId, topicId }, body: input }),
  reorder: (trajectoryId: string, order: string[]) => call('reorderTopics', { params: { trajectoryId }, body: { order } }),
  setSummary: (trajectoryId: string, topicId: string, summary: string) => call('setTopicSummary', { params: { trajectoryId, topicId }, body: { summary } }),
};
