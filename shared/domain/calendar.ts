/** The Netherlands' clock: deadlines and dates are days in Europe/Amsterdam, whatever the viewer's clock says. */
export const amsterdam = 'Europe/Amsterdam';

/** Today in Amsterdam as YYYY-MM-DD, to compare with calendar dates. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: amsterdam, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The question deadline that applies today: the first questions deadline of the planning on or
 * after today (questions are accepted through that whole day), or, when every one has passed,
 * the last of them. Null when the planning sets none: then questions are accepted.
 */
export function questionDeadline(milestones: ReadonlyArray<{ kind: string; date: string }>, today: string = todayInAmsterdam()): { date: string; open: boolean } | null {
  const dates = milestones.filter((m) => m.kind === 'questions_deadline').map((m) => m.date).sort();
  if (dates.length === 0) return null;
  const upcoming = dates.find((d) => d >= today);
  return upcoming ? { date: upcoming, open: true } : { date: dates[dates.length - 1]!, open: false };
}
