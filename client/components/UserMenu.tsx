import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { RouterLink } from './RouterLink';

/** Who is signed in, with a way out; or the way in. */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  if (session.status === 'loading') return null;
  if (session.status !== 'signedIn' || !session.me) {
    return <RouterLink to="/inloggen">{t('header.signIn')}</RouterLink>;
  }
  const signOut = async () => {
    setBusy(true);
    try {
      // Leave the page first: a page that needs a session would otherwise, on seeing it end,
      // send the person to the sign-in page, racing this navigation.
      navigate('/', { replace: true });
      await session.signOut();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="dt-user-menu">
      <span className="dt-user-menu__name" data-testid="signed-in-as">
        <span className="dt-visually-hidden">{t('header.signedInAs')} </span>
        {session.me.user.name}
      </span>
      <RouterLink to="/mijn-gegevens">{t('privacy.myData.link')}</RouterLink>
      <Button appearance="secondary-action-button" busy={busy} onClick={() => void signOut()}>
        {t('header.signOut')}
      </Button>
    </div>
  );
}
