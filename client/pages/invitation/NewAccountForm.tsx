import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { TextField } from '../../components/forms/TextField';
import type { Submission } from '../../components/forms/useSubmission';
import { checkNewPassword, NewPasswordFields } from '../password-reset/NewPasswordFields';

export interface NewAccountFormProps {
  email: string;
  submission: Submission;
  messageFor: (error: ApiError) => string | undefined;
  onAccept: (account: { name: string; password: string }) => void;
}

/** For someone without an account: their name and a password, and they are in. */
export function NewAccountForm({ email, submission, messageFor, onAccept }: NewAccountFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const local = checkNewPassword(password, repeat, t);
    if (!name.trim()) local.name = t('fieldError.nameRequired');
    if (Object.keys(local).length > 0) {
      void submission.submit(async () => undefined, local);
      return;
    }
    onAccept({ name: name.trim(), password });
  };

  const summary = submission.summary(
    {
      name: { target: 'account-name', label: t('invitation.name') },
      password: { target: 'account-password', label: t('newPassword.password') },
      repeat: { target: 'account-repeat', label: t('newPassword.repeat') },
    },
    messageFor,
  );

  return (
    <section aria-labelledby="accept-heading">
      <Heading2 id="accept-heading">{t('invitation.newAccountTitle')}</Heading2>
      <Paragraph>{t('invitation.newAccount', { email })}</Paragraph>
      <form noValidate onSubmit={onSubmit} className="dt-form">
        {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
        <TextField
          id="account-name"
          autoComplete="name"
          label={t('invitation.name')}
          description={t('invitation.nameHint')}
          value={name}
          onChange={setName}
          required
          error={errorFor(submission.fieldErrors, 'name')}
        />
        <NewPasswordFields
          idPrefix="account"
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          passwordError={errorFor(submission.fieldErrors, 'password')}
          repeatError={errorFor(submission.fieldErrors, 'repeat')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
            {t('invitation.accept')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
