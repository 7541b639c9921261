import { Alert, Button, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { reportApi } from '../../api/reports';
import { SelectField } from '../../components/forms/SelectField';
import { TextAreaField } from '../../components/forms/TextField';
import { useErrorMessage } from '../../components/useErrorMessage';
import { formatDateTime } from '../../format/dates';
import type { ReportCommentDto, ReportDto } from '../../../shared/schemas/reports';
import { conflictReason, maxCommentLength, sectionChoices, sectionLabel, type OwnWrite } from './report-helpers';

function CommentForm({ report, onSent, announce, own }: { report: ReportDto; onSent: (comment: ReportCommentDto) => void; announce: (message: string) => void; own: OwnWrite }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [section, setSection] = useState('');
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (running.current) return;
    setFailure(undefined);
    const body = text.trim();
    const local = !body ? t('reports.comments.required') : body.length > maxCommentLength ? t('reports.comments.tooLong', { max: maxCommentLength }) : undefined;
    setFieldError(local);
    if (local) {
      document.getElementById('report-comment-text')?.focus();
      return;
    }
    running.current = true;
    setBusy(true);
    try {
      onSent(await own(() => reportApi.comment(report.trajectoryId, report.id, { text: body, section: section || null })));
      setText('');
      setSection('');
      announce(t('reports.comments.sent'));
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
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="dt-report__comment-form" data-testid="report-comment-form">
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <SelectField id="report-comment-section" label={t('reports.comments.section')} value={section} onChange={setSection} placeholder={t('reports.sections.whole')} options={sectionChoices(report.content, t)} />
      <TextAreaField id="report-comment-text" label={t('reports.comments.text')} value={text} onChange={setText} error={fieldError} rows={4} />
      <Button type="submit" appearance="primary-action-button" busy={busy}>
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
