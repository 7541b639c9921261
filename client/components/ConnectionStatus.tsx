import { StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../realtime/useConnectionState';
import type { ConnectionState } from '../realtime/useConnectionState';
import { useConnectionProblem } from '../realtime/connection-problem';

const badgeStatus: Record<ConnectionState, string> = {
  connected: 'safe',
  connecting: 'neutral',
  reconnecting: 'warning',
  offline: 'danger',
};

// Text, not colour alone, carries the state; the polite live region lets screen-reader users
// hear a lost or restored connection without losing their place.
export function ConnectionStatus() {
  const { t } = useTranslation();
  const state = useConnectionState();
  const problem = useConnectionProblem();
  return (
    <div className="dt-connection-status">
      <span className="dt-connection-status__label" id="connection-status-label">
        {t('connection.label')}:
      </span>
      <span
        role="status"
        aria-live="polite"
        aria-labelledby="connection-status-label"
        data-testid="connection-state"
        data-state={state}
      >
        <StatusBadge status={badgeStatus[state]}>{t(`connection.${state}`)}</StatusBadge>
        {problem && state !== 'connected' && (
          <span className="dt-connection-status__problem" data-testid="connection-problem">
            {' '}
            {t(`limits.connection.${problem}`)}
          </span>
        )}
      </span>
    </div>
  );
}
