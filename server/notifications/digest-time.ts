const zone = 'Europe/Amsterdam';

/** The hour in Amsterdam at an instant. */
function amsterdamParts(at: Date): { y: number; m: number; d: number; h: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, p.value]),
  );
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour) };
}

/** The instant of `hour`:00 in Amsterdam on the given Amsterdam date (CET or CEST, whichever holds). */
function amsterdamInstant(y: number, m: number, d: number, hour: number): Date {
  for (const offset of [1, 2]) {
    const candidate = new Date(Date.UTC(y, m - 1, d, hour - offset));
    if (amsterdamParts(candidate).h === hour) return candidate;
  }
  return new Date(Date.UTC(y, m - 1, d, hour - 1));
}

/**
 * When the next daily digest goes: the same moment for everyone, so the time a digest is sent says
 * nothing about when (or by whom) anything in it was written.
 */
export function nextDigestAt(now: Date, hour: number): Date {
  const { y, m, d } = amsterdamParts(now);
  const today = amsterdamInstant(y, m, d, hour);
  if (today.getTime() > now.getTime()) return today;
  const tomorrow = amsterdamParts(new Date(today.getTime() + 26 * 60 * 60 * 1000));
  return amsterdamInstant(tomorrow.y, tomorrow.m, tomorrow.d, hour);
}
