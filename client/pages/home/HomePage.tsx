import { ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context';
import { ButtonRouterLink } from '../../components/ButtonRouterLink';
import { useDocumentTitle } from '../../components/useDocumentTitle';

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle();
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  return (
    <>
      <Heading1>{t('app.name')}</Heading1>
      <Paragraph appearance="lead">{t('home.intro')}</Paragraph>
      {session.status !== 'loading' && (
        <ButtonGroup className="dt-home-actions">
          <ButtonRouterLink to={signedIn ? '/trajecten' : '/inloggen'} appearance="primary-action-button">
            {signedIn ? t('home.toTrajectories') : t('home.signIn')}
          </ButtonRouterLink>
        </ButtonGroup>
      )}
    </>
  );
}
