import type { Models } from '../models';

export interface CalendarAttachment {
  method: 'REQUEST' | 'CANCEL';
  content: string;
}

/**
 * The calendar entry a session mail carries. The one place session mails get their `.ics`: the
 * calendar work (METHOD, SEQUENCE, cancellation) swaps its builder in here.
 */
export async function sessionCalendarAttachment(models: Models, sessionId: string, publicUrl: string): Promise<CalendarAttachment | null> {
  const session = await models.dialogueSessions.findById(sessionId).lean();
  if (!session) return null;
  const trajectory = await models.trajectories.findById(session.trajectoryId, { name: 1 }).lean();
  // Loaded when needed: the operations import the notifications (their effects), not the other way round at start-up.
  const { calendarOf } = await import('../commands/sessions/session-operations');
  return { method: 'REQUEST', content: calendarOf(trajectory?.name ?? 'Dialoogtafel', [session], publicUrl) };
}
