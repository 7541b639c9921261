import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { SignInSoon } from './SignInSoon';

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle();
  return (
    <>
      <Heading1>{t('app.name')}</Heading1>
      <Paragraph appearance="lead">{t('home.intro')}</Paragraph>
      <SignInSoon />
    </>
  );
}
