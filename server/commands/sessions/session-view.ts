import type { SessionDto } from '../../../shared/schemas/sessions';
import { invitedToSession, type SessionAudience, type Subject } from '../../../shared/policy';
import type { DialogueSessionRecord } from '../../models/dialogue-session';
import type { Models } from '../../models';
import { userNames } from '../../models/names';
import { findByIds } from '../../models/by-ids';

export async function topicTitles(models: Models, sessions: DialogueSessionRecord[]): Promise<Map<string, string>> {
  const ids = sessions.flatMap((s) => s.agenda.map((a) => a.topicId));
  if (ids.length === 0) return new Map();
  const topics = await findByIds(models.topics, ids, { title: 1 });
  return new Map(topics.map((t) => [String(t._id), t.title]));
}

/** A session's audience as the shared policy reads it: null is the whole trajectory. */
export function audienceOf(s: Pick<DialogueSessionRecord, 'audience'>): SessionAudience | null {
  if (!s.audience) return null;
  return { groups: s.audience.groups, userIds: s.audience.userIds.map(String) };
}

/** The names of the people invited to closed sessions, for their views. */
export function invitedNames(models: Models, sessions: DialogueSessionRecord[]): Promise<Map<string, string>> {
  return userNames(
    models,
    sessions.flatMap((s) => s.audience?.userIds ?? []),
  );
}

/** Whether `viewer` sees only the date of `s` ("besloten sessie"): a closed session they are not invited to. */
export const hiddenFrom = (s: DialogueSessionRecord, viewer: Subject | undefined): boolean => viewer !== undefined && !invitedToSession(viewer, audienceOf(s));

/**
 * A session as its viewer sees it. `viewer` left out: someone at the table (the organisers'
 * own writes, the live table, which only the invited join). A closed session shows someone not
 * invited its date and times only.
 */
export function sessionView(s: DialogueSessionRecord, titles: Map<string, string>, options: { viewer?: Subject; names?: Map<string, string> } = {}): SessionDto {
  const times = {
    id: String(s._id),
    trajectoryId: String(s.trajectoryId),
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt ? s.endsAt.toISOString() : null,
    status: s.status,
  };
  if (hiddenFrom(s, options.viewer)) {
    return { ...times, title: '', description: '', location: '', onlineUrl: null, agenda: [], declaration: { outcomeKind: 'advice', decidedBy: '' }, cancellation: null, audience: null, hidden: true };
  }
  return {
    ...times,
    title: s.title,
    description: s.description,
    location: s.location,
    onlineUrl: s.onlineUrl ?? null,
    agenda: s.agenda.map((a) => ({ topicId: String(a.topicId), title: titles.get(String(a.topicId)) ?? '—', minutes: a.minutes })),
    declaration: { outcomeKind: s.declaration.outcomeKind, decidedBy: s.declaration.decidedBy },
    cancellation: s.cancellation ? { at: s.cancellation.at.toISOString(), reason: s.cancellation.reason } : null,
    audience: s.audience ? { groups: [...s.audience.groups], people: s.audience.userIds.map((id) => ({ id: String(id), name: options.names?.get(String(id)) ?? '—' })) } : null,
    hidden: false,
  };
}
