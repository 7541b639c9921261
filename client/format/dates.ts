// Dates are stored as calendar dates (YYYY-MM-DD) or ISO instants in UTC, and shown as the
// Netherlands sees them: in Europe/Amsterdam, whatever the viewer's own clock says.
import { amsterdam as timeZone, todayInAmsterdam } from '../../shared/domain/calendar';

const locales: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' };
const localeFor = (language: string) => locales[language] ?? 'nl-NL';

/** A calendar date such as 2026-11-23 is noon UTC on that day, which is that same day in Amsterdam. */
function calendarDate(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** "23 november 2026". */
export function formatDate(date: string, language: string): string {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(date) ? calendarDate(date) : new Date(date);
  return new Intl.DateTimeFormat(localeFor(language), { timeZone, dateStyle: 'long' }).format(value);
}

/** "23 nov 2026, 14:05", or "23-11-2026, 14:05" with `short`. */
export function formatDateTime(instant: string, language: string, style: 'medium' | 'short' = 'medium'): string {
  return new Intl.DateTimeFormat(localeFor(language), { timeZone, dateStyle: style, timeStyle: 'short' }).format(
    new Date(instant),
  );
}

export { todayInAmsterdam };

/** The first milestone on or after today, if any. Milestones come sorted by date. */
export function nextDeadline<M extends { date: string }>(milestones: M[], today: string = todayInAmsterdam()): M | undefined {
  return [...milestones].sort((a, b) => a.date.localeCompare(b.date)).find((m) => m.date >= today);
}
