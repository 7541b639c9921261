import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { RouterLink } from './RouterLink';

/** The main places of a signed-in person. */
export function MainNav() {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname } = useLocation();
  if (session.status !== 'signedIn' || !session.me) return null;
  const links = [{ to: '/trajecten', label: t('nav.trajectories') }];
  if (session.me.user.platformAdmin) links.push({ to: '/beheer/postvak', label: t('nav.outbox') });
  if (session.me.user.platformAdmin) links.push({ to: '/beheer/accounts', label: t('privacy.accounts.nav') });
  return (
    <nav aria-label={t('nav.label')} className="dt-main-nav">
      <ul className="dt-main-nav__list">
        {links.map((link) => {
          const current = pathname === link.to || pathname.startsWith(`${link.to}/`);
          return (
            <li key={link.to}>
              <RouterLink to={link.to} aria-current={current ? 'page' : undefined}>
                {link.label}
              </RouterLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
