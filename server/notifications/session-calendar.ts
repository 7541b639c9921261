import type { Models } from '../models';
import { sessionMailIcs } from '../calendar/session-ics';

export interface CalendarAttachment {
  method: 'REQUEST' | 'CANCEL';
  content: string;
}

/**
 * The calendar entry a session mail carries (server/calendar/session-ics.ts builds it).
 */
export async function sessionCalendarAttachment(
  models: Models,
  sessionId: string,
  publicUrl: string,
  mail: { organizer: string; attendee: string },
): Promise<CalendarAttachment | null> {
  const session = await models.dialogueSessions.findById(sessionId).lean();
  if (!session) return null;
  const trajectory = await models.trajectories.findById(session.trajectoryId, { name: 1 }).lean();
  // The same UID with a higher SEQUENCE (METHOD:CANCEL once cancelled), so a calendar updates the entry in place.
  const { method, ics } = sessionMailIcs(session, { name: trajectory?.name ?? 'Dialoogtafel', publicUrl, organizer: mail.organizer, attendees: [{ email: mail.attendee }] });
  return { method, content: ics };
}
