import { StatusBadge } from '@utrecht/component-library-react';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi } from '../../api/calendar';
import { isNewSince } from '../../../shared/domain/visits';

/** The end of the person's previous visit to this trajectory; null on a first visit or until known. */
const VisitContext = createContext<string | null>(null);

/** While the page is open the visit goes on: tell the server now and then, so a long read stays one visit. */
const keepAliveMs = 10 * 60 * 1000;

/** Records the visit when a trajectory's screens open and gives its screens the previous visit. */
export function VisitProvider({ trajectoryId, children }: { trajectoryId: string; children: ReactNode }) {
  const [previousVisitAt, setPreviousVisitAt] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    const record = () =>
      calendarApi.visit(trajectoryId).then(
        (visit) => active && setPreviousVisitAt(visit.previousVisitAt),
        // Markers are a help, not a must: without them the page works as before.
        () => undefined,
      );
    setPreviousVisitAt(null);
    void record();
    const timer = setInterval(() => void record(), keepAliveMs);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [trajectoryId]);
  return <VisitContext.Provider value={previousVisitAt}>{children}</VisitContext.Provider>;
}

function usePreviousVisit(): string | null {
  return useContext(VisitContext);
}

/**
 * "Nieuw" beside an item created or changed since the previous visit: a text label (not colour
 * alone), read by screen readers as "Nieuw sinds uw vorige bezoek". Pass only a time the page
 * shows anyway (e.g. publication time), so the marker tells nothing more about who wrote what.
 */
export function NewMarker({ changedAt }: { changedAt: string | null | undefined }) {
  const { t } = useTranslation();
  const previousVisitAt = usePreviousVisit();
  if (!isNewSince(changedAt, previousVisitAt)) return null;
  return (
    <StatusBadge status="warning" className="dt-badge dt-new-marker" data-testid="new-marker">
      {t('calendar.marker.new')}
      <span className="dt-visually-hidden"> ({t('calendar.marker.newSince')})</span>
    </StatusBadge>
  );
}
