import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { reportApi } from '../../api/reports';
import { Dialog } from '../../components/Dialog';
import { useErrorMessage } from '../../components/useErrorMessage';
import type { ReportDto } from '../../../shared/schemas/reports';
import { conflictReason } from './report-helpers';

/** "Are you sure?": publishing reaches everyone and cannot be undone. */
export function PublishReportDialog({ report, open, onClose, onPublished, onStale }: { report: ReportDto; open: boolean; onClose: () => void; onPublished: (report: ReportDto) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const running = useRef(false);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) setFailure(undefined);
  }, [open]);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const publish = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      onPublished(await reportApi.publish(report.trajectoryId, report.id));
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, 'internal', String(caught));
      const reason = conflictReason(error);
      setFailure(reason ? t(`reports.conflict.${reason}`) : errorMessage(error));
      if (reason) onStale();
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} title={t('reports.confirmTitle')} onClose={onClose}>
      <div data-testid="report-publish-dialog">
        {failure && (
          <div ref={failureRef} tabIndex={-1}>
            <Alert type="error" role="alert">
              <Paragraph>{failure}</Paragraph>
            </Alert>
          </div>
        )}
        <Paragraph>{t('reports.confirm')}</Paragraph>
        <ButtonGroup>
          {!failure && (
            <Button appearance="primary-action-button" busy={busy} onClick={() => void publish()}>
              {t('reports.confirmSubmit')}
            </Button>
          )}
          <Button appearance="secondary-action-button" onClick={onClose} data-autofocus>
            {t('cancel')}
          </Button>
        </ButtonGroup>
      </div>
    </Dialog>
  );
}
