import '../../styles/reports.css';
import { Button, ButtonGroup, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { reportApi } from '../../api/reports';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FailureAlert } from '../../components/FailureAlert';
import { useSubmission } from '../../components/forms/useSubmission';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDateTime } from '../../format/dates';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import type { ReportDto, SessionReportPage } from '../../../shared/schemas/reports';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { PublishReportDialog } from './PublishReportDialog';
import { ReportComments } from './ReportComments';
import { ReportResultsCsvLink } from './ReportResultsCsvLink';
import { ReportSections } from './ReportSections';
import { SummaryEditor } from './SummaryEditor';
import { useReportErrorMessage } from './report-errors';
import { conflictReason } from './report-helpers';
import { NewMarker } from '../calendar/visit-context';

/** How long after one's own write a live change is taken for its echo. */
const ownEchoMs = 2000;

/**
 * The report (verslag) of one session, under Sessies: the procurement team makes, refreshes and
 * publishes it and writes its summary; participants comment on the draft; everyone reads it.
 * Every change by someone else comes in live.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const errorMessage = useReportErrorMessage();
  const { trajectory } = useTrajectory();
  const { sessionId = '' } = useParams();
  const page = useResource((signal) => reportApi.page(trajectory.id, sessionId, signal), [trajectory.id, sessionId]);
  const [announcement, setAnnouncement] = useState('');
  // Making and remaking the report: a conflict (made meanwhile, not held) loads the page again.
  const making = useSubmission({
    fieldErrorsFor: () => ({}),
    onFailure: (error) => {
      if (conflictReason(error)) page.reload();
    },
  });
  const [kind, setKind] = useState<'generate' | 'regenerate'>('generate');
  const [publishing, setPublishing] = useState(false);
  // One's own writes publish a 'reports' change too, and the server publishes it before it answers (the
  // notifications are made in between), so its echo usually arrives while the request still runs. While an own
  // write runs, a change neither announces "bijgewerkt" nor reloads (the page would show the result before the
  // write's own announcement); one that came in is reloaded once the write has answered. An echo just after the
  // answer is reloaded without the announcement.
  const own = useRef({ pending: 0, quietUntil: 0, reloadAfter: false });
  const mine = async <T,>(request: () => Promise<T>): Promise<T> => {
    own.current.pending += 1;
    try {
      return await request();
    } finally {
      own.current.pending -= 1;
      own.current.quietUntil = Date.now() + ownEchoMs;
      if (own.current.pending === 0 && own.current.reloadAfter) {
        own.current.reloadAfter = false;
        // After the caller has shown (and announced) the answer.
        setTimeout(page.reload, 0);
      }
    }
  };

  const announce = (message: string) => setAnnouncement(message);
  useTrajectoryChanges(trajectory.id, (what) => {
    if (what === 'reports' || what === 'sessions') {
      if (own.current.pending > 0) {
        own.current.reloadAfter = true;
        return;
      }
      if (what === 'reports' && Date.now() >= own.current.quietUntil) announce(t('reports.updatedLive'));
      page.reload();
    }
  });

  const setReport = (report: ReportDto) => {
    page.setData((current) => ({ ...(current as SessionReportPage), report }));
  };

  // After publishing the button is gone: focus goes to the status, where the result is to read.
  const status = page.data?.report?.status;
  const focusStatus = useRef(false);
  useEffect(() => {
    if (focusStatus.current && status === 'published') {
      focusStatus.current = false;
      document.getElementById('report-status')?.focus();
    }
  }, [status]);

  const run = async (next: 'generate' | 'regenerate') => {
    if (making.busy || !page.data) return;
    setKind(next);
    await making.submit(async () => {
      const report = next === 'generate' ? await mine(() => reportApi.generate(trajectory.id, sessionId)) : await mine(() => reportApi.regenerate(trajectory.id, page.data!.report!.id));
      setReport(report);
      announce(t(next === 'generate' ? 'reports.generated' : 'reports.regenerated'));
      if (next === 'generate') requestAnimationFrame(() => document.getElementById('report-status')?.focus());
    });
  };

  const data = page.data;
  const report = data?.report ?? null;
  const title = data ? t('reports.title', { title: data.session.title }) : t('reports.link');
  return (
    <>
      <TrajectoryHeader title={title} />
      <Paragraph>
        <RouterLink to={`/trajecten/${trajectory.id}/sessies`}>{t('reports.back')}</RouterLink>
      </Paragraph>
      <div role="status" className="dt-visually-hidden" data-testid="report-announcement">
        {announcement}
      </div>
      {page.loading && <LoadingStatus />}
      {page.error && <ErrorAlert error={page.error} />}
      {making.failure && <FailureAlert className="dt-alert" message={errorMessage(making.failure)} />}
      {data && !report && (
        <>
          <Paragraph data-testid="report-none">{data.session.status === 'planned' ? t('reports.noneYetHeld') : t('reports.none')}</Paragraph>
          {data.mayManage && data.session.status !== 'planned' && data.session.status !== 'cancelled' && (
            <Button appearance="primary-action-button" busy={making.busy && kind === 'generate'} onClick={() => void run('generate')}>
              {t('reports.generate')}
            </Button>
          )}
        </>
      )}
      {data && report && (
        <article className="dt-report" data-testid="report">
          <Paragraph id="report-status" tabIndex={-1} className="dt-report__status">
            <span className={`dt-badge dt-report__badge dt-report__badge--${report.status}`} data-testid="report-status">
              {t('reports.statusLine', { status: t(`reports.status.${report.status}`) })}
            </span>
            <NewMarker changedAt={report.publishedAt ?? report.generatedAt} />
          </Paragraph>
          <Paragraph>
            {report.status === 'published' && report.publishedAt
              ? t('reports.publishedNote', { date: formatDateTime(report.publishedAt, i18n.language) })
              : t('reports.draftNote')}{' '}
            {t('reports.generatedAt', { date: formatDateTime(report.generatedAt, i18n.language) })}
          </Paragraph>
          <Paragraph>{t('reports.intro')}</Paragraph>
          {data.mayManage && report.status === 'draft' && (
            <ButtonGroup className="dt-report__manage">
              <Button appearance="secondary-action-button" busy={making.busy && kind === 'regenerate'} onClick={() => void run('regenerate')}>
                {t('reports.regenerate')}
              </Button>
              <Button appearance="primary-action-button" onClick={() => setPublishing(true)}>
                {t('reports.publish')}
              </Button>
            </ButtonGroup>
          )}
          <nav aria-label={t('reports.downloads')} className="dt-report__downloads">
            <ButtonGroup>
              <Link href={reportApi.pdfUrl(trajectory.id, report.id)} download data-testid="report-pdf">
                {t('reports.downloadPdf')}
              </Link>
              <Link href={reportApi.docxUrl(trajectory.id, report.id)} download data-testid="report-docx">
                {t('reports.downloadDocx')}
              </Link>
              <ReportResultsCsvLink trajectoryId={trajectory.id} reportId={report.id} />
            </ButtonGroup>
          </nav>
          <ReportSections content={report.content} />
          <section aria-labelledby="report-summary-heading" className="dt-report__section" data-testid="report-summary">
            <Heading2 id="report-summary-heading">{t('reports.sections.summary')}</Heading2>
            {data.mayManage && report.status === 'draft' ? (
              <SummaryEditor report={report} onSaved={setReport} announce={announce} own={mine} />
            ) : (
              <Paragraph className="dt-report__summary-text">{report.summary || t('reports.summary.none')}</Paragraph>
            )}
          </section>
          <ReportComments
            report={report}
            mayComment={data.mayComment}
            mayManage={data.mayManage}
            announce={announce}
            own={mine}
            onSent={(comment) => setReport({ ...report, comments: [...report.comments, comment] })}
          />
          <PublishReportDialog
            report={report}
            open={publishing}
            onClose={() => setPublishing(false)}
            onStale={page.reload}
            own={mine}
            onPublished={(published) => {
              setPublishing(false);
              focusStatus.current = true;
              setReport(published);
              announce(t('reports.published'));
            }}
          />
        </article>
      )}
    </>
  );
}
