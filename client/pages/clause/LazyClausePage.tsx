import { Alert, Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { Component, lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingStatus } from '../../components/LoadingStatus';

// The editor (TipTap, ProseMirror, Yjs) is most of the client's weight; load it only for the clause page.
const ClausePage = lazy(() => import('./ClausePage').then((module) => ({ default: module.ClausePage })));

/** Shown when the editor's code cannot be loaded, e.g. because Dialoogtafel was updated meanwhile. */
function LoadFailed() {
  const { t } = useTranslation();
  return (
    <>
      <Heading1>{t('agreement.clause.loadFailedTitle')}</Heading1>
      <Alert type="error" className="dt-alert">
        <Paragraph>{t('agreement.clause.loadFailed')}</Paragraph>
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => window.location.reload()}>
            {t('agreement.clause.reload')}
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

export function LazyClausePage() {
  return (
    <LoadBoundary>
      <Suspense fallback={<LoadingStatus />}>
        <ClausePage />
      </Suspense>
    </LoadBoundary>
  );
}
