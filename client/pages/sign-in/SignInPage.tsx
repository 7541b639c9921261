import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../components/useDocumentTitle';

// A placeholder so that /inloggen already answers: people will bookmark and share it.
export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  return (
    <>
      <Heading1>{t('signIn.title')}</Heading1>
      <Paragraph>{t('signIn.body')}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t('backToHome')}</RouterLink>
      </Paragraph>
    </>
  );
}
