import type { AnnexEntryDto, FinalSnapshotDto } from '../../../shared/schemas/final';
import type { RoundRecord } from '../../models/change-round';

const clauseTexts = (snapshot: FinalSnapshotDto): Map<string, string> =>
  new Map(snapshot.chapters.flatMap((c) => c.clauses.map((k) => [k.id, JSON.stringify([k.title, k.text, k.variants.map((v) => [v.label, v.municipalities, v.text])])] as const)));

/**
 * Traceability of a version to its round's dialogue: per clause the round reopened or changed,
 * the annex entry narrowed to what happened in the round (its topics, the sessions and polls
 * since it opened, the agreements on its topics). Pure: reads only the two snapshots.
 */
export function roundTrace(snapshot: FinalSnapshotDto, previous: FinalSnapshotDto | null, round: Pick<RoundRecord, 'openedAt' | 'topicIds' | 'clauseIds'>): AnnexEntryDto[] {
  const before = previous ? clauseTexts(previous) : new Map<string, string>();
  const now = clauseTexts(snapshot);
  const reopened = new Set(round.clauseIds.map(String));
  const roundTopics = new Set(round.topicIds.map(String));
  const since = round.openedAt.toISOString();
  return snapshot.annex.entries
    .filter((e) => reopened.has(e.clauseId) || before.get(e.clauseId) !== now.get(e.clauseId))
    .map((e) => {
      const sessions = e.sessions.filter((s) => s.startsAt >= since);
      const sessionIds = new Set(sessions.map((s) => s.id));
      return {
        ...e,
        topics: e.topics.filter((t) => roundTopics.has(t.id)),
        sessions,
        polls: e.polls.filter((p) => (p.session && sessionIds.has(p.session.id)) || (p.closedAt !== null && p.closedAt >= since)),
        outcomes: e.outcomes.filter((o) => o.topic !== null && roundTopics.has(o.topic.id)),
      };
    });
}
