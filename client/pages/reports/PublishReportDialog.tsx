import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { reportApi } from '../../api/reports';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { ReportDto } from '../../../shared/schemas/reports';
import { useReportConflictMessage } from './report-errors';
import { conflictReason, type OwnWrite } from './report-helpers';

/** "Are you sure?": publishing reaches everyone and cannot be undone. */
export function PublishReportDialog({ report, open, onClose, onPublished, onStale, own = (request) => request() }: { report: ReportDto; open: boolean; onClose: () => void; onPublished: (report: ReportDto) => void; onStale: () => void; own?: OwnWrite }) {
  const { t } = useTranslation();
  const conflictMessage = useReportConflictMessage();
  return (
    <ConfirmDialog
      open={open}
      title={t('reports.confirmTitle')}
      confirmLabel={t('reports.confirmSubmit')}
      onConfirm={async () => onPublished(await own(() => reportApi.publish(report.trajectoryId, report.id)))}
      onError={(error) => {
        if (conflictReason(error)) onStale();
      }}
      messageFor={conflictMessage}
      // Whatever went wrong, look again before trying once more.
      final={() => true}
      onClose={onClose}
      testId="report-publish-dialog"
    >
      <Paragraph>{t('reports.confirm')}</Paragraph>
    </ConfirmDialog>
  );
}
