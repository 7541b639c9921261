import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { useSession } from '../../auth/session-context';
import { RouterLink } from '../../components/RouterLink';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import type { FieldErrors } from '../../components/forms/field-errors';
import { TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const submission = useSubmission();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!email.trim()) local.email = t('fieldError.emailRequired');
    if (!password) local.password = t('fieldError.passwordRequired');
    const ok = await submission.submit(async () => {
      await session.signIn(email.trim(), password);
    }, local);
    if (ok) onSignedIn();
  };

  // A wrong e-mail address or password is one message, on purpose: it does not tell which accounts exist.
  const messageFor = (error: ApiError) =>
    error.code === 'unauthenticated' ? t('signIn.wrongCredentials') : error.code === 'forbidden' ? t('oidc.passwordsOffError') : undefined;
  const summary = submission.summary(
    { email: { target: 'sign-in-email', label: t('signIn.email') }, password: { target: 'sign-in-password', label: t('signIn.password') } },
    messageFor,
  );

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
      {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
      <TextField
        id="sign-in-email"
        name="email"
        type="email"
        autoComplete="username"
        label={t('signIn.email')}
        value={email}
        onChange={setEmail}
        required
        error={errorFor(submission.fieldErrors, 'email')}
      />
      <TextField
        id="sign-in-password"
        name="password"
        type="password"
        autoComplete="current-password"
        label={t('signIn.password')}
        value={password}
        onChange={setPassword}
        required
        error={errorFor(submission.fieldErrors, 'password')}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
          {t('signIn.submit')}
        </Button>
      </ButtonGroup>
      <Paragraph>
        <RouterLink to="/wachtwoord-vergeten">{t('signIn.forgotPassword')}</RouterLink>
      </Paragraph>
    </form>
  );
}
