import { Alert, Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth';
import { RouterLink } from '../../components/RouterLink';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import { useDocumentTitle } from '../../components/useDocumentTitle';

export function PasswordForgottenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('passwordForgotten.title'));
  const submission = useSubmission();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | undefined>(undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    const ok = await submission.submit(
      () => authApi.requestPasswordReset(address),
      address ? {} : { email: t('fieldError.emailRequired') },
    );
    if (ok) setSentTo(address);
  };
  // With PASSWORD_SIGNIN=0 the server refuses (403): say why, not that the role falls short.
  const summary = submission.summary({ email: { target: 'reset-email', label: t('passwordForgotten.email') } }, (error) =>
    error.code === 'forbidden' ? t('oidc.passwordsOffError') : undefined,
  );

  return (
    <>
      <Heading1>{t('passwordForgotten.title')}</Heading1>
      {sentTo ? (
        // The same answer whether or not an account exists: nobody learns who has one.
        <Alert type="ok" role="status">
          <Paragraph>{t('passwordForgotten.sent', { email: sentTo })}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('passwordForgotten.intro')}</Paragraph>
          <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
            {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
            <TextField
              id="reset-email"
              type="email"
              autoComplete="email"
              label={t('passwordForgotten.email')}
              value={email}
              onChange={setEmail}
              required
              error={errorFor(submission.fieldErrors, 'email')}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
                {t('passwordForgotten.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
      <Paragraph>
        <RouterLink to="/inloggen">{t('passwordForgotten.backToSignIn')}</RouterLink>
      </Paragraph>
    </>
  );
}
