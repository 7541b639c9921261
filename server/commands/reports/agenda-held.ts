import type { ReportAgendaItem } from '../../../shared/schemas/reports';
import type { DialogueSessionRecord } from '../../models/dialogue-session';

/** The live table's own log entries of a session: start, agenda moves and end. */
export interface AgendaLogEntry {
  action: string;
  at: Date;
  summary: Record<string, unknown>;
}

/**
 * The agenda as it was held, from what the session records: the agenda moves in the log give
 * which items came up and for how long (start → first move → … → end). A session without logged
 * moves (e.g. one entered afterwards) still tells how far it got: every item up to the last
 * current one counts as discussed, without a duration.
 */
export function agendaAsHeld(
  session: Pick<DialogueSessionRecord, 'agenda' | 'status' | 'live'>,
  titles: Map<string, string>,
  log: AgendaLogEntry[],
  now: Date,
): ReportAgendaItem[] {
  const startedAt = log.find((e) => e.action === 'session.start')?.at ?? session.live.startedAt;
  const moves = log.filter((e) => e.action === 'agenda.move' && typeof e.summary.to === 'number');
  const endedAt = log.find((e) => e.action === 'session.end')?.at ?? session.live.endedAt ?? (session.status === 'live' ? now : null);

  const visited = new Set<number>();
  const spentMs = new Map<number, number>();
  const timed = startedAt !== null && startedAt !== undefined && endedAt !== null && (moves.length > 0 || log.some((e) => e.action === 'session.start'));
  if (timed) {
    const segments = [{ index: 0, from: new Date(startedAt).getTime() }, ...moves.map((m) => ({ index: m.summary.to as number, from: m.at.getTime() }))];
    segments.forEach((segment, i) => {
      const until = i + 1 < segments.length ? segments[i + 1]!.from : new Date(endedAt).getTime();
      visited.add(segment.index);
      spentMs.set(segment.index, (spentMs.get(segment.index) ?? 0) + Math.max(0, until - segment.from));
    });
  } else if (session.status !== 'planned') {
    for (let i = 0; i <= session.live.currentIndex; i++) visited.add(i);
  }

  return session.agenda.map((item, index) => ({
    topicId: String(item.topicId),
    title: titles.get(String(item.topicId)) ?? '—',
    plannedMinutes: item.minutes,
    held: visited.has(index) ? 'discussed' : session.status === 'live' ? 'upcoming' : 'skipped',
    actualMinutes: spentMs.has(index) ? Math.round(spentMs.get(index)! / 60_000) : null,
  }));
}
