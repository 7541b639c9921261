import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { reportApi } from '../../api/reports';
import { TextAreaField } from '../../components/forms/TextField';
import { useErrorMessage } from '../../components/useErrorMessage';
import type { ReportDto } from '../../../shared/schemas/reports';
import { conflictReason, maxSummaryLength, type OwnWrite } from './report-helpers';

/** The procurement team's summary of a draft; a colleague's saved text comes in live unless this person is typing. */
export function SummaryEditor({ report, onSaved, announce, own = (request) => request() }: { report: ReportDto; onSaved: (report: ReportDto) => void; announce: (message: string) => void; own?: OwnWrite }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState(report.summary);
  const [base, setBase] = useState(report.summary);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  useEffect(() => {
    if (report.summary === base) return;
    if (draft === base) setDraft(report.summary);
    setBase(report.summary);
    // Only a change on the server matters; the draft is read as it is at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [report.summary]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (running.current) return;
    setFailure(undefined);
    if (draft.trim().length > maxSummaryLength) {
      setFieldError(t('reports.summary.tooLong', { max: maxSummaryLength }));
      document.getElementById('report-summary')?.focus();
      return;
    }
    setFieldError(undefined);
    running.current = true;
    setBusy(true);
    try {
      const saved = await own(() => reportApi.saveSummary(report.trajectoryId, report.id, draft));
      setBase(saved.summary);
      setDraft(saved.summary);
      onSaved(saved);
      announce(t('reports.summary.saved'));
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, 'internal', String(caught));
      const reason = conflictReason(error);
      setFailure(reason ? t(`reports.conflict.${reason}`) : errorMessage(error));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="dt-report__summary-form">
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <TextAreaField id="report-summary" label={t('reports.summary.label')} description={t('reports.summary.hint')} value={draft} onChange={setDraft} error={fieldError} rows={6} />
      <Button type="submit" appearance="primary-action-button" busy={busy}>
        {t('reports.summary.save')}
      </Button>
    </form>
  );
}
