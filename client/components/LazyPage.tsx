import { Alert, Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { Component, lazy, Suspense } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingStatus } from './LoadingStatus';
import { loadPageTexts } from '../i18n';

/** Shown when a page's code cannot be loaded, e.g. because Dialoogtafel was updated meanwhile. */
function LoadFailed() {
  const { t } = useTranslation();
  return (
    <>
      <Heading1>{t('pageLoadFailed.title')}</Heading1>
      <Alert type="error" className="dt-alert">
        <Paragraph>{t('pageLoadFailed.text')}</Paragraph>
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => window.location.reload()}>
            {t('pageLoadFailed.reload')}
          </Button>
        </ButtonGroup>
      </Alert>
    </>
  );
}

class LoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

/**
 * A page whose code is loaded when someone opens it, so the first page does not carry every
 * other page: `lazyPage(() => import('./pages/x/XPage'), 'XPage')`. While it loads a status is
 * shown (and announced); when loading fails, a way to reload. The Dutch texts of the pages
 * behind the first one (i18n/nl-features.ts) load beside the page's code.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
  { firstPageTextsOnly = false }: { firstPageTextsOnly?: boolean } = {},
): ComponentType {
  // The page's Dutch texts (beyond the first page's, i18n/nl.ts) come along with its code, unless
  // it is a page one may land on first (signing in) that needs no more than those.
  const Page = lazy<ComponentType>(() =>
    Promise.all([load(), firstPageTextsOnly ? undefined : loadPageTexts()]).then(([module]) => ({ default: module[name] })),
  );
  return function LazyPage() {
    return (
      <LoadBoundary>
        <Suspense fallback={<LoadingStatus />}>
          <Page />
        </Suspense>
      </LoadBoundary>
    );
  };
}
