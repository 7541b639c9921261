import type { ReportAgendaItem } from '../../../shared/schemas/reports';
import type { DialogueSessionRecord } from '../../models/dialogue-session';

/** The live table's own log entries of a session: start, agenda moves and end. */
export interface AgendaLogEntry {
  action: string;
  at: Date;
  summary: Record<string, unknown>;
}

/** A move of the live table's agenda: to which item, when. */
export interface AgendaMove {
  to: number;
  at: Date;
}

/**
 * How the session went through its agenda: from the moves it keeps (`live.moves`, every session
 * started since they are kept), else from its audit events (sessions started before), else unknown.
 */
function timeline(session: Pick<DialogueSessionRecord, 'status' | 'live'>, log: AgendaLogEntry[], now: Date): { startedAt: Date; moves: AgendaMove[]; endedAt: Date } | null {
  const kept = session.live.moves;
  const startedAt = kept ? session.live.startedAt : (log.find((e) => e.action === 'session.start')?.at ?? session.live.startedAt);
  const moves = kept ?? log.filter((e) => e.action === 'agenda.move' && typeof e.summary.to === 'number').map((e) => ({ to: e.summary.to as number, at: e.at }));
  const endedAt = (kept ? null : log.find((e) => e.action === 'session.end')?.at) ?? session.live.endedAt ?? (session.status === 'live' ? now : null);
  const known = kept !== undefined || moves.length > 0 || log.some((e) => e.action === 'session.start');
  return known && startedAt && endedAt ? { startedAt: new Date(startedAt), moves, endedAt: new Date(endedAt) } : null;
}

/**
 * The agenda as it was held: the agenda moves give which items came up and for how long
 * (start → first move → … → end). A session whose moves are unknown (e.g. one entered afterwards)
 * still tells how far it got: every item up to the last current one counts as discussed, without
 * a duration.
 */
export function agendaAsHeld(
  session: Pick<DialogueSessionRecord, 'agenda' | 'status' | 'live'>,
  titles: Map<string, string>,
  log: AgendaLogEntry[],
  now: Date,
): ReportAgendaItem[] {
  const visited = new Set<number>();
  const spentMs = new Map<number, number>();
  const held = timeline(session, log, now);
  if (held) {
    const segments = [{ index: 0, from: held.startedAt.getTime() }, ...held.moves.map((m) => ({ index: m.to, from: new Date(m.at).getTime() }))];
    segments.forEach((segment, i) => {
      const until = i + 1 < segments.length ? segments[i + 1]!.from : held.endedAt.getTime();
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
