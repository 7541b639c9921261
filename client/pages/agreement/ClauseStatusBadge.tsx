import { StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ClauseStatus } from '../../../shared/domain/agreement';

const badge: Record<ClauseStatus, string> = {
  concept: 'warning',
  in_dialogue: 'active',
  agreed: 'safe',
  fixed: 'neutral',
};

/** The clause's stage, in words (the colour only repeats it). */
export function ClauseStatusBadge({ status }: { status: ClauseStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge status={badge[status]} className="dt-badge" data-status={status} data-testid="clause-status">
      {t(`agreement.status.${status}`)}
    </StatusBadge>
  );
}
