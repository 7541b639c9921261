import { Button, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reportApi } from '../../api/reports';
import { FailureAlert } from '../../components/FailureAlert';
import { SelectField } from '../../components/forms/SelectField';
import { TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import { formatDateTime } from '../../format/dates';
import type { ReportCommentDto, ReportDto } from '../../../shared/schemas/reports';
import { useReportErrorMessage } from './report-errors';
import { maxCommentLength, sectionChoices, sectionLabel, type OwnWrite } from './report-helpers';

function CommentForm({ report, onSent, announce, own }: { report: ReportDto; onSent: (comment: ReportCommentDto) => void; announce: (message: string) => void; own: OwnWrite }) {
  const { t } = useTranslation();
  const errorMessage = useReportErrorMessage();
  const [section, setSection] = useState('');
  const [text, setText] = useState('');
  // A refusal is said in a message; only the form's own check is said at the field.
  const submission = useSubmission({ fieldErrorsFor: () => ({}), focusFields: { text: 'report-comment-text' } });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    const local = !body ? t('reports.comments.required') : body.length > maxCommentLength ? t('reports.comments.tooLong', { max: maxCommentLength }) : undefined;
    await submission.submit(
      async () => {
        onSent(await own(() => reportApi.comment(report.trajectoryId, report.id, { text: body, section: section || null })));
        setText('');
        setSection('');
        announce(t('reports.comments.sent'));
      },
      local ? { text: local } : {},
    );
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="dt-report__comment-form" data-testid="report-comment-form">
      {submission.failure && <FailureAlert message={errorMessage(submission.failure)} />}
      <SelectField id="report-comment-section" label={t('reports.comments.section')} value={section} onChange={setSection} placeholder={t('reports.sections.whole')} options={sectionChoices(report.content, t)} />
      <TextAreaField id="report-comment-text" label={t('reports.comments.text')} value={text} onChange={setText} error={submission.fieldErrors.text} rows={4} />
      <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
        {t('reports.comments.submit')}
      </Button>
    </form>
  );
}

/** Comments on the draft: the team reads all of them, a participant their own; observers only read the report. */
export function ReportComments({
  report,
  mayComment,
  mayManage,
  onSent,
  announce,
  own = (request) => request(),
}: {
  report: ReportDto;
  mayComment: boolean;
  mayManage: boolean;
  onSent: (comment: ReportCommentDto) => void;
  announce: (message: string) => void;
  own?: OwnWrite;
}) {
  const { t, i18n } = useTranslation();
  const draft = report.status === 'draft';
  if (!mayManage && !mayComment) return draft ? <Paragraph>{t('reports.comments.observerNote')}</Paragraph> : null;
  if (!draft && report.comments.length === 0) return null;
  return (
    <section aria-labelledby="report-comments-heading" className="dt-report__section" data-testid="report-comments">
      <Heading2 id="report-comments-heading">{t('reports.comments.title')}</Heading2>
      {draft && mayComment && !mayManage && <Paragraph>{t('reports.comments.intro')}</Paragraph>}
      <Paragraph>{mayManage ? t('reports.comments.teamIntro') : t('reports.comments.ownIntro')}</Paragraph>
      {report.comments.length === 0 ? (
        <Paragraph>{t('reports.comments.none')}</Paragraph>
      ) : (
        <UnorderedList className="dt-report__comments">
          {report.comments.map((c) => (
            <UnorderedListItem key={c.id} data-testid="report-comment">
              <Paragraph appearance="small">
                {t('reports.comments.by', { name: c.author.name, organisation: c.author.organisationName, date: formatDateTime(c.createdAt, i18n.language) })}
                {c.section && ` · ${t('reports.comments.about', { section: sectionLabel(c.section, report.content, t) })}`}
              </Paragraph>
              <Paragraph className="dt-report__comment-text">{c.text}</Paragraph>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {draft && mayComment && <CommentForm report={report} onSent={onSent} announce={announce} own={own} />}
    </section>
  );
}
