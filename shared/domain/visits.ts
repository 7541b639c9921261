/**
 * Whether an item counts as "nieuw sinds uw vorige bezoek": created or changed after the end of
 * the person's previous visit. Nothing is new on a first visit (no previous one): everything
 * would be, which tells nothing. Only times that the viewer is shown anyway may be passed in (a
 * publication time for published answers), so a marker never tells more than the page does.
 */
export function isNewSince(changedAt: string | null | undefined, previousVisitAt: string | null | undefined): boolean {
  if (!changedAt || !previousVisitAt) return false;
  return Date.parse(changedAt) > Date.parse(previousVisitAt);
}
