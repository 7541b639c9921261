import { Button, ButtonGroup } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingStatus } from '../components/LoadingStatus';
import { signInPath } from './paths';
import { useSession } from './session-context';

/** Shows its children to signed-in people; everyone else is sent to sign in and brought back after. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <LoadingStatus />;
  if (session.status === 'error' && session.error) {
    return (
      <ErrorAlert error={session.error}>
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => void session.refresh()}>
            {t('retry')}
          </Button>
        </ButtonGroup>
      </ErrorAlert>
    );
  }
  if (session.status !== 'signedIn') {
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  }
  return <>{children}</>;
}
