import { StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { SessionDto } from '../../../shared/schemas/sessions';

const badge: Record<SessionDto['status'], string> = { planned: 'neutral', live: 'active', ended: 'safe', cancelled: 'danger' };

export function SessionStatusBadge({ status }: { status: SessionDto['status'] }) {
  const { t } = useTranslation();
  return (
    <StatusBadge status={badge[status]} className="dt-badge" data-status={status}>
      {t(`sessions.status.${status}`)}
    </StatusBadge>
  );
}
