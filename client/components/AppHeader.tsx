import { PageHeader } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ConnectionStatus } from './ConnectionStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { RouterLink } from './RouterLink';
import { UserMenu } from './UserMenu';

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
          <ConnectionStatus />
          <LanguageSwitch />
          <UserMenu />
        </div>
      </div>
    </PageHeader>
  );
}
