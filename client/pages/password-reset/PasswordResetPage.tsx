import { Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { ApiError } from '../../api/client';
import { authApi } from '../../api/auth';
import { useSession } from '../../auth/session-context';
import { RouterLink } from '../../components/RouterLink';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { useSubmission } from '../../components/forms/useSubmission';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { checkNewPassword, NewPasswordFields } from './NewPasswordFields';

export function PasswordResetPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('passwordReset.title'));
  const { token = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const submission = useSubmission();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submission.submit(async () => {
      session.signedIn(await authApi.confirmPasswordReset(token, password));
    }, checkNewPassword(password, repeat, t));
    if (ok) navigate('/trajecten', { replace: true });
  };

  // A link that is no longer valid needs a new one, not a retry.
  const messageFor = (error: ApiError) =>
    error.code === 'forbidden' ? t('oidc.passwordsOffError') : error.code === 'gone' || error.code === 'not_found' || error.fields?.token ? t('passwordReset.linkInvalid') : undefined;
  const summary = submission.summary(
    {
      password: { target: 'new-password-password', label: t('newPassword.password') },
      repeat: { target: 'new-password-repeat', label: t('newPassword.repeat') },
    },
    messageFor,
  );

  return (
    <>
      <Heading1>{t('passwordReset.title')}</Heading1>
      <Paragraph>{t('passwordReset.intro')}</Paragraph>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
        {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
        <NewPasswordFields
          idPrefix="new-password"
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          passwordError={errorFor(submission.fieldErrors, 'password')}
          repeatError={errorFor(submission.fieldErrors, 'repeat')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
            {t('passwordReset.submit')}
          </Button>
        </ButtonGroup>
      </form>
      <Paragraph>
        <RouterLink to="/wachtwoord-vergeten">{t('passwordReset.requestNew')}</RouterLink>
      </Paragraph>
    </>
  );
}
