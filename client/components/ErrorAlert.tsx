import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { useErrorMessage } from './useErrorMessage';

/** An API error as an alert, in the user's language, with an optional way forward. */
export function ErrorAlert({ error, children }: { error: ApiError; children?: ReactNode }) {
  const message = useErrorMessage();
  return (
    <Alert type="error" role="alert" className="dt-alert">
      <Paragraph>{message(error)}</Paragraph>
      {children}
    </Alert>
  );
}
