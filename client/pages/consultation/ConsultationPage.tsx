import '../../styles/consultation.css';
import { Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { consultationApi, consultationsPath } from '../../api/consultations';
import { amendmentApi, versionApi } from '../../api/revisions';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate, formatDateTime } from '../../format/dates';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import type { ConsultationDto, ReactionDto } from '../../../shared/schemas/consultations';
import { RevisionsHeader, versionsPath } from '../amendments/RevisionsHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { ClauseReactions } from './ClauseReactions';
import { ConsultationStatusBadge } from './consultation-helpers';
import { ReactionCard } from './ReactionCard';
import type { ResponseLinks } from './ResponseForm';
import { TeamActions } from './TeamActions';
import { Attachments } from '../../components/attachments/Attachments';

/**
 * One consultation: the version's clauses with the reactions the viewer may read. Members react
 * per clause and see their own reactions; the team responds, closes and publishes; once published
 * everyone reads every reaction with its response, and what was done with their own.
 */
export function ConsultationPage() {
  const { t, i18n } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const { consultationId = '' } = useParams();
  const consultation = useResource((signal) => consultationApi.get(trajectory.id, consultationId, signal), [trajectory.id, consultationId]);
  const team = may('consultation.manage');
  const amendments = useResource((signal) => (team ? amendmentApi.list(trajectory.id, signal) : Promise.resolve([])), [trajectory.id, team]);
  const versions = useResource((signal) => (team ? versionApi.list(trajectory.id, signal) : Promise.resolve([])), [trajectory.id, team]);
  const [announcement, setAnnouncement] = useState('');

  useTrajectoryChanges(trajectory.id, (what) => {
    if (what === 'consultations') consultation.reload();
    if (what === 'amendments' && team) amendments.reload();
    if (what === 'versions' && team) versions.reload();
  });
  useLiveAnnouncements(consultation.data, setAnnouncement);

  const links = useMemo<ResponseLinks>(
    () => ({
      amendments: (amendments.data ?? []).map((a) => ({ id: a.id, label: t('consultation.team.amendmentOption', { title: `${a.clauseNumber}. ${a.clauseTitle}`, status: t(`revisions.amendments.status.${a.status}`) }) })),
      versions: (versions.data ?? []).map((v) => ({ id: v.id, label: `${v.name} (${formatDateTime(v.createdAt, i18n.language)})` })),
    }),
    [amendments.data, versions.data, t, i18n.language],
  );

  // The answer replaces the reaction at once; loading again brings the counts (what still waits for a response) along.
  const replace = (reaction: ReactionDto) => {
    consultation.setData((current) => ({ ...current!, reactions: current!.reactions.map((r) => (r.id === reaction.id ? reaction : r)) }));
    consultation.reload();
  };
  const add = (reaction: ReactionDto) => {
    consultation.setData((current) => ({ ...current!, reactions: [...current!.reactions.filter((r) => r.id !== reaction.id), reaction] }));
    consultation.reload();
  };
  const remove = (reaction: ReactionDto) => {
    consultation.setData((current) => ({ ...current!, reactions: current!.reactions.filter((r) => r.id !== reaction.id) }));
    setAnnouncement(t('consultation.mine.withdrawn'));
  };

  const data = consultation.data;
  const published = data?.status === 'published';
  const mine = data?.reactions.filter((r) => r.mine) ?? [];
  return (
    <>
      <RevisionsHeader title={data?.title ?? t('consultation.title')} extraCrumbs={[{ to: consultationsPath(trajectory.id), label: t('consultation.title') }]} />
      <div role="status" className="dt-visually-hidden" data-testid="consultation-announcement">
        {announcement}
      </div>
      {consultation.loading && <LoadingStatus />}
      {consultation.error && <ErrorAlert error={consultation.error} />}
      {data && (
        <>
          <div className="dt-consultation__summary" data-testid="consultation-summary">
            <ConsultationStatusBadge status={data.status} />
            <Paragraph>
              {data.status === 'open' ? t('consultation.closesOn', { date: formatDate(data.closesOn, i18n.language) }) : t('consultation.closedOn', { date: formatDate(data.closesOn, i18n.language) })}
              {data.publishedAt && ` ${t('consultation.publishedOn', { date: formatDate(data.publishedAt, i18n.language) })}`}
            </Paragraph>
            <Paragraph>
              <RouterLink to={`${versionsPath(trajectory.id)}/${data.version.id}`}>{t('consultation.versionOf', { name: data.version.name })}</RouterLink>
            </Paragraph>
          </div>
          {data.explanation && <Paragraph className="dt-preformatted" data-testid="consultation-explanation">{data.explanation}</Paragraph>}
          <Paragraph className="dt-hint">{t('consultation.intro')}</Paragraph>
          <Attachments trajectoryId={trajectory.id} parentKind="consultation" parentId={data.id} />
          {data.mayManage && !published && (
            <>
              <Paragraph className="dt-hint">{t('consultation.councilHelp')}</Paragraph>
              <TeamActions trajectoryId={trajectory.id} consultation={data} onChanged={consultation.reload} announce={setAnnouncement} />
            </>
          )}
          {!data.mayManage && !published && mine.length + (data.mayReact ? 1 : 0) > 0 && <Paragraph data-testid="own-only">{t('consultation.mine.intro')}</Paragraph>}
          {published && mine.length > 0 && (
            <section aria-labelledby="outcomes-heading" className="dt-form-section" data-testid="own-outcomes">
              <Heading2 id="outcomes-heading">{t('consultation.done.title')}</Heading2>
              <Paragraph>{t('consultation.done.intro')}</Paragraph>
              <ul className="dt-card-list">
                {mine.map((reaction) => (
                  <ReactionCard key={reaction.id} idPrefix="outcome" trajectoryId={trajectory.id} consultationId={data.id} reaction={reaction} showResponse onChanged={replace} onWithdrawn={remove} onStale={consultation.reload} />
                ))}
              </ul>
            </section>
          )}
          {published && (
            <section aria-labelledby="nota-heading" className="dt-form-section" data-testid="reactienota">
              <Heading2 id="nota-heading">{t('consultation.nota.title')}</Heading2>
              <Paragraph>{t('consultation.nota.intro')}</Paragraph>
              <nav aria-label={t('consultation.nota.downloads')}>
                <ul className="dt-inline-list">
                  <li>
                    <Link href={consultationApi.docxUrl(trajectory.id, data.id)} download data-testid="nota-docx">
                      {t('consultation.nota.downloadDocx')}
                    </Link>
                  </li>
                  <li>
                    <Link href={consultationApi.pdfUrl(trajectory.id, data.id)} download data-testid="nota-pdf">
                      {t('consultation.nota.downloadPdf')}
                    </Link>
                  </li>
                </ul>
              </nav>
            </section>
          )}
          {data.clauses.map((clause) => (
            <ClauseReactions
              key={clause.clauseId}
              trajectoryId={trajectory.id}
              consultation={data}
              clause={clause}
              reactions={data.reactions.filter((r) => r.clauseId === clause.clauseId)}
              links={links}
              onReacted={(reaction) => {
                add(reaction);
              }}
              onChanged={replace}
              onWithdrawn={remove}
              onStale={consultation.reload}
            />
          ))}
        </>
      )}
    </>
  );
}

/** Tells screen-reader users what a live refresh changed: the publication, or new reactions for the team. */
function useLiveAnnouncements(data: ConsultationDto | undefined, announce: (message: string) => void) {
  const { t } = useTranslation();
  const previous = useRef<ConsultationDto | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = data;
    if (!before || !data || before.id !== data.id) return;
    if (before.status !== 'published' && data.status === 'published') announce(t('consultation.live.published'));
    else if (before.status !== data.status || before.reactions.length !== data.reactions.length) announce(t('consultation.live.changed'));
  }, [data, announce, t]);
}
