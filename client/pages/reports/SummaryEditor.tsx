import { Button } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reportApi } from '../../api/reports';
import { FailureAlert } from '../../components/FailureAlert';
import { TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import type { ReportDto } from '../../../shared/schemas/reports';
import { useReportErrorMessage } from './report-errors';
import { maxSummaryLength, type OwnWrite } from './report-helpers';

/** The procurement team's summary of a draft; a colleague's saved text comes in live unless this person is typing. */
export function SummaryEditor({ report, onSaved, announce, own = (request) => request() }: { report: ReportDto; onSaved: (report: ReportDto) => void; announce: (message: string) => void; own?: OwnWrite }) {
  const { t } = useTranslation();
  const errorMessage = useReportErrorMessage();
  const [draft, setDraft] = useState(report.summary);
  const [base, setBase] = useState(report.summary);
  // A refusal is said in a message; only the length is said at the field.
  const submission = useSubmission({ fieldErrorsFor: () => ({}), focusFields: { summary: 'report-summary' } });

  useEffect(() => {
    if (report.summary === base) return;
    if (draft === base) setDraft(report.summary);
    setBase(report.summary);
    // Only a change on the server matters; the draft is read as it is at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [report.summary]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submission.submit(
      async () => {
        const saved = await own(() => reportApi.saveSummary(report.trajectoryId, report.id, draft));
        setBase(saved.summary);
        setDraft(saved.summary);
        onSaved(saved);
        announce(t('reports.summary.saved'));
      },
      draft.trim().length > maxSummaryLength ? { summary: t('reports.summary.tooLong', { max: maxSummaryLength }) } : {},
    );
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="dt-report__summary-form">
      {submission.failure && <FailureAlert message={errorMessage(submission.failure)} />}
      <TextAreaField id="report-summary" label={t('reports.summary.label')} description={t('reports.summary.hint')} value={draft} onChange={setDraft} error={submission.fieldErrors.summary} rows={6} />
      <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
        {t('reports.summary.save')}
      </Button>
    </form>
  );
}
