import { Document, Page, PageContent, SkipLink } from '@utrecht/component-library-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { AppFooter } from './AppFooter';
import { AppHeader } from './AppHeader';
import { useFocusOnNavigate } from './useFocusOnNavigate';

export function AppLayout() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigate(mainRef);
  return (
    // utrecht-theme scopes the design tokens; every component below reads its look from them.
    <Document className="utrecht-theme utrecht-document--surface dt-app">
      <SkipLink href="#main">{t('skipLink')}</SkipLink>
      <AppHeader />
      <Page className="dt-page">
        <PageContent>
          {/* tabIndex -1 lets the skip link and route changes put focus here without adding a tab stop. */}
          <main id="main" tabIndex={-1} ref={mainRef} className="utrecht-page-content__main utrecht-rich-text dt-main">
            <Outlet />
          </main>
        </PageContent>
      </Page>
      <AppFooter />
    </Document>
  );
}
