import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import type { ApiError } from '../api/client';
import { signInPath } from '../auth/paths';
import { RouterLink } from './RouterLink';
import { useErrorMessage } from './useErrorMessage';

/** An API error as an alert, in the user's language, with a way forward where there is one. */
export function ErrorAlert({ error, children }: { error: ApiError; children?: ReactNode }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const location = useLocation();
  return (
    <Alert type="error" role="alert" className="dt-alert">
      <Paragraph>{message(error)}</Paragraph>
      {/* A session that ended (timed out, signed out elsewhere): sign in again and come back here. */}
      {error.code === 'unauthenticated' && (
        <Paragraph>
          <RouterLink to={signInPath(location.pathname + location.search)}>{t('signInAgain')}</RouterLink>
        </Paragraph>
      )}
      {children}
    </Alert>
  );
}
