import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/forms/TextField';

export interface NewPasswordFieldsProps {
  idPrefix: string;
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  passwordError?: string | undefined;
  repeatError?: string | undefined;
}

/** A new password, typed twice so that a typing mistake does not lock someone out. */
export function NewPasswordFields({ idPrefix, password, repeat, onPassword, onRepeat, passwordError, repeatError }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${idPrefix}-password`}
        type="password"
        autoComplete="new-password"
        label={t('newPassword.password')}
        description={t('newPassword.hint')}
        value={password}
        onChange={onPassword}
        required
        error={passwordError}
      />
      <TextField
        id={`${idPrefix}-repeat`}
        type="password"
        autoComplete="new-password"
        label={t('newPassword.repeat')}
        value={repeat}
        onChange={onRepeat}
        required
        error={repeatError}
      />
    </>
  );
}

/** Client-side checks of a new password, translated; the server checks again. */
export function checkNewPassword(password: string, repeat: string, t: (key: 'fieldError.passwordRequired' | 'fieldError.passwordTooShort' | 'fieldError.repeatMismatch') => string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!password) errors.password = t('fieldError.passwordRequired');
  else if (password.length < 10) errors.password = t('fieldError.passwordTooShort');
  if (password && repeat !== password) errors.repeat = t('fieldError.repeatMismatch');
  return errors;
}
