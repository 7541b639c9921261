// Sessions are stored as instants (UTC) and planned and shown as the Netherlands sees them:
// in Europe/Amsterdam, whatever the viewer's own clock or time zone says.
const timeZone = 'Europe/Amsterdam';
const locales: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' };
const localeFor = (language: string) => locales[language] ?? 'nl-NL';

/** Amsterdam's offset from UTC at `instant`, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date(instant))
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** A wall-clock date (YYYY-MM-DD) and time (HH:MM) in Amsterdam as an ISO instant; undefined when incomplete. */
export function amsterdamToIso(date: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // The offset depends on the instant itself; a second pass settles the days the clock changes.
  let instant = wall - offsetMinutes(wall) * 60_000;
  instant = wall - offsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}

/** An instant as Amsterdam's wall-clock date and time, for the fields of a form. */
export function isoToAmsterdam(iso: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** "donderdag 22 oktober 2026, 14:00–17:00" (the end left out when there is none). */
export function formatSessionTime(startsAt: string, endsAt: string | null, language: string): string {
  const locale = localeFor(language);
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(startsAt),
  );
  const clock = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const start = clock.format(new Date(startsAt));
  if (!endsAt) return `${day}, ${start}`;
  const sameDay = isoToAmsterdam(startsAt).date === isoToAmsterdam(endsAt).date;
  const end = sameDay
    ? clock.format(new Date(endsAt))
    : new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(new Date(endsAt));
  return `${day}, ${start}–${end}`;
}

/** "14:05", for times within a session (a poll closing, a result fixed). */
export function formatClock(instant: string, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/** Still to be held or going on (planned or live); an ended session is past, whatever its date. */
export function isUpcoming(session: { status: string }): boolean {
  return session.status !== 'ended';
}
