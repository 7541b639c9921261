import type { TopicDto } from '../../../shared/schemas/topics';
import type { TopicRecord } from '../../models/topic';

/** A topic record → its DTO. Only what the schema names leaves the server. */
export function topicView(t: TopicRecord, names: Map<string, string>): TopicDto {
  const person = (id: unknown) => (id ? { id: String(id), name: names.get(String(id)) ?? '—' } : null);
  return {
    id: String(t._id),
    title: t.title,
    description: t.description,
    summary: t.summary ?? '',
    order: t.order,
    status: t.status,
    owner: person(t.ownerId),
    proposedBy: person(t.proposedBy),
    decisionReason: t.decisionReason ?? null,
    createdAt: t.createdAt.toISOString(),
  };
}
