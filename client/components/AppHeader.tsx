import { PageHeader } from '@utrecht/component-library-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { RouterLink } from './RouterLink';
import { UserMenu } from './UserMenu';

// The connection status brings Socket.io's client: loaded beside the first page, not inside it.
const ConnectionStatus = lazy(() => import('./ConnectionStatus').then((module) => ({ default: module.ConnectionStatus })));
const NotificationBell = lazy(() => import('./notification-bell/NotificationBell').then((module) => ({ default: module.NotificationBell })));

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <PageHeader>
      <div className="utrecht-page-header__content dt-header">
        <RouterLink to="/" className="dt-header__product">
          {t('app.name')}
        </RouterLink>
        <MainNav />
        <div className="dt-header__tools">
          <Suspense fallback={null}>
            <ConnectionStatus />
          </Suspense>
          <Suspense fallback={null}>
            <NotificationBell />
          </Suspense>
          <LanguageSwitch />
          <UserMenu />
        </div>
      </div>
    </PageHeader>
  );
}
