import type { SessionDto } from '../../../shared/schemas/sessions';
import type { DialogueSessionRecord } from '../../models/dialogue-session';
import type { Models } from '../../models';

export async function topicTitles(models: Models, sessions: DialogueSessionRecord[]): Promise<Map<string, string>> {
  const ids = sessions.flatMap((s) => s.agenda.map((a) => a.topicId));
  if (ids.length === 0) return new Map();
  const topics = await models.topics.find({ _id: { $in: ids } }, { title: 1 }).lean();
  return new Map(topics.map((t) => [String(t._id), t.title]));
}

export function sessionView(s: DialogueSessionRecord, titles: Map<string, string>): SessionDto {
  return {
    id: String(s._id),
    trajectoryId: String(s.trajectoryId),
    title: s.title,
    description: s.description,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt ? s.endsAt.toISOString() : null,
    location: s.location,
    onlineUrl: s.onlineUrl ?? null,
    agenda: s.agenda.map((a) => ({ topicId: String(a.topicId), title: titles.get(String(a.topicId)) ?? '—', minutes: a.minutes })),
    declaration: { outcomeKind: s.declaration.outcomeKind, decidedBy: s.declaration.decidedBy },
    status: s.status,
    cancellation: s.cancellation ? { at: s.cancellation.at.toISOString(), reason: s.cancellation.reason } : null,
  };
}
