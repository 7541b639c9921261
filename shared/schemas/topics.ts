import { z } from 'zod';
import { id, longText, title } from './common';

export const topicStatuses = ['proposed', 'accepted', 'declined', 'in_discussion', 'concluded'] as const;

export const proposeTopicRequest = z.object({ title, description: longText.default('') }).strict();
export const decideTopicRequest = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('accept') }).strict(),
    z.object({ decision: z.literal('decline'), reason: z.string().trim().min(1, 'a reason is required').max(2000) }).strict(),
  ]);
export const updateTopicRequest = z
  .object({
    title: title.optional(),
    description: longText.optional(),
    status: z.enum(['accepted', 'in_discussion', 'concluded']).optional(),
    ownerId: id.nullable().optional(),
  })
  .strict();
export const reorderTopicsRequest = z.object({ order: z.array(id).min(1).max(500) }).strict();

export const topicDto = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  /** A short summary in plain language (B1), empty when none was written. */
  summary: z.string(),
  order: z.number(),
  status: z.enum(topicStatuses),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  proposedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
});
export type TopicDto = z.infer<typeof topicDto>;
