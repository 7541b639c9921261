import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { DialogueSessionRecord } from '../models/dialogue-session';

/** What a calendar shows of a session. */
export type CalendarSession = Pick<
  DialogueSessionRecord,
  '_id' | 'title' | 'description' | 'startsAt' | 'endsAt' | 'location' | 'onlineUrl' | 'status' | 'sequence' | 'cancellation'
>;

export type IcsMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export interface SessionIcsOptions {
  /**
   * REQUEST: an invitation or a change, sent by mail (Outlook updates the entry with the same UID
   * in place when SEQUENCE is higher); CANCEL: the session is called off; PUBLISH: a feed or a
   * download, no scheduling.
   */
  method: IcsMethod;
  /** The calendar's name (X-WR-CALNAME), e.g. the trajectory's name. */
  name: string;
  /** PUBLIC_URL: links to the session, and the host part of every UID. */
  publicUrl: string;
  /** MAIL_FROM ("Naam <adres>" or an address): the ORGANIZER that REQUEST and CANCEL need. */
  organizer?: string;
  /** The people a REQUEST or CANCEL mail goes to (ATTENDEE lines); Outlook matches its own address among them. */
  attendees?: Array<{ email: string; name?: string }>;
  /** For a subscribed feed: how often a calendar program should fetch it again. */
  refreshSeconds?: number;
}

const twoHours = 2 * 60 * 60 * 1000;

/** The stable UID of a session's calendar event: the same in every mail, download and feed. */
function sessionUid(sessionId: string, publicUrl: string): string {
  return `${sessionId}@${new URL(publicUrl).host}`;
}

/** "Naam <adres@x>" → its parts; a bare address has the product's name. */
function mailbox(from: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1]!.trim() || 'Dialoogtafel', email: match[2]!.trim() } : { name: 'Dialoogtafel', email: from.trim() };
}

/**
 * Sessions as one iCalendar text. Times in UTC (…Z): an instant every calendar program reads the
 * same, wherever it runs. A TZID without a VTIMEZONE (what ical-generator writes without a
 * time-zone library) or a floating time is read in the reader's zone, or the server's, and shifts
 * the session by an hour or more. A cancelled session keeps its UID and carries STATUS:CANCELLED
 * with its raised SEQUENCE, so a calendar that has it removes or strikes it.
 */
export function sessionIcs(sessions: CalendarSession[], options: SessionIcsOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Dialoogtafel', product: 'dialoogtafel', language: 'NL' },
    method: ICalCalendarMethod[options.method],
    ...(options.refreshSeconds ? { ttl: options.refreshSeconds } : {}),
  });
  const scheduling = options.method !== 'PUBLISH';
  const organizer = options.organizer ? mailbox(options.organizer) : null;
  for (const s of sessions) {
    const link = `${options.publicUrl}/sessies/${String(s._id)}`;
    const cancelled = s.status === 'cancelled' || options.method === 'CANCEL';
    const description = [cancelled && s.cancellation ? `Geannuleerd: ${s.cancellation.reason}` : '', s.description, link].filter(Boolean).join('\n\n');
    calendar.createEvent({
      id: sessionUid(String(s._id), options.publicUrl),
      sequence: s.sequence ?? 0,
      start: s.startsAt,
      end: s.endsAt ?? new Date(s.startsAt.getTime() + twoHours),
      summary: cancelled ? `Geannuleerd: ${s.title}` : s.title,
      description,
      location: s.location || s.onlineUrl || undefined,
      url: link,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(scheduling && organizer ? { organizer } : {}),
      ...(scheduling
        ? {
            attendees: (options.attendees ?? []).map((a) => ({
              email: a.email,
              name: a.name,
              role: ICalAttendeeRole.REQ,
              status: ICalAttendeeStatus.NEEDSACTION,
              rsvp: !cancelled,
            })),
          }
        : {}),
    });
  }
  return calendar.toString();
}

/**
 * The .ics to attach to a session mail (planned, changed or cancelled) for the given recipients:
 * METHOD:REQUEST while the session stands, METHOD:CANCEL once it is cancelled, the same UID and
 * the session's current SEQUENCE either way.
 */
export function sessionMailIcs(
  session: CalendarSession,
  options: { name: string; publicUrl: string; organizer: string; attendees: Array<{ email: string; name?: string }> },
): { method: 'REQUEST' | 'CANCEL'; ics: string; contentType: string } {
  const method = session.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
  return { method, ics: sessionIcs([session], { ...options, method }), contentType: `text/calendar; charset=utf-8; method=${method}` };
}
