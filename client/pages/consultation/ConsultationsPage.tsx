import '../../styles/consultation.css';
import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consultationApi, consultationPath } from '../../api/consultations';
import { versionApi } from '../../api/revisions';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../format/dates';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import type { ConsultationSummaryDto } from '../../../shared/schemas/consultations';
import { RevisionsHeader } from '../amendments/RevisionsHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { ConsultationStatusBadge } from './consultation-helpers';
import { OpenConsultationForm } from './OpenConsultationForm';

/** /trajecten/:id/overeenkomst/consultatie — the consultations on versions of the agreement; the team opens new ones here. */
export function ConsultationsPage() {
  const { t } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const list = useResource((signal) => consultationApi.list(trajectory.id, signal), [trajectory.id]);
  const mayManage = may('consultation.manage');
  const versions = useResource((signal) => (mayManage ? versionApi.list(trajectory.id, signal) : Promise.resolve([])), [trajectory.id, mayManage]);
  const [announcement, setAnnouncement] = useState('');

  useTrajectoryChanges(trajectory.id, (what) => {
    if (what === 'consultations') list.reload();
    if (what === 'versions' && mayManage) versions.reload();
  });

  return (
    <>
      <RevisionsHeader title={t('consultation.title')} />
      <Paragraph>{t('consultation.intro')}</Paragraph>
      <Paragraph className="dt-hint" data-testid="council-help">
        {t('consultation.councilHelp')}
      </Paragraph>
      <div role="status" className="dt-visually-hidden" data-testid="consultations-announcement">
        {announcement}
      </div>
      {list.loading && <LoadingStatus />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <section aria-labelledby="consultations-heading" className="dt-form-section">
          <Heading2 id="consultations-heading">{t('consultation.listTitle')}</Heading2>
          {list.data.consultations.length === 0 ? (
            <Paragraph>{t('consultation.none')}</Paragraph>
          ) : (
            <ul className="dt-card-list" data-testid="consultation-list">
              {list.data.consultations.map((c) => (
                <ConsultationCard key={c.id} trajectoryId={trajectory.id} consultation={c} team={list.data!.mayManage} />
              ))}
            </ul>
          )}
        </section>
      )}
      {mayManage && versions.data && (
        <OpenConsultationForm
          trajectoryId={trajectory.id}
          versions={versions.data.filter((v) => v.clauseId === null)}
          onOpened={() => {
            setAnnouncement(t('consultation.open.done'));
            list.reload();
          }}
        />
      )}
    </>
  );
}

function ConsultationCard({ trajectoryId, consultation: c, team }: { trajectoryId: string; consultation: ConsultationSummaryDto; team: boolean }) {
  const { t, i18n } = useTranslation();
  const headingId = `consultation-${c.id}`;
  return (
    <li className="dt-card" aria-labelledby={headingId} data-testid="consultation-card">
      <div className="dt-consultation__head">
        <Heading3 id={headingId} className="dt-card__title">
          <RouterLink to={consultationPath(trajectoryId, c.id)}>{c.title}</RouterLink>
        </Heading3>
        <ConsultationStatusBadge status={c.status} />
      </div>
      <Paragraph appearance="small" className="dt-hint">
        {t('consultation.versionOf', { name: c.version.name })}
        {' · '}
        {c.status === 'open' ? t('consultation.closesOn', { date: formatDate(c.closesOn, i18n.language) }) : c.publishedAt ? t('consultation.publishedOn', { date: formatDate(c.publishedAt, i18n.language) }) : t('consultation.closedOn', { date: formatDate(c.closesOn, i18n.language) })}
      </Paragraph>
      <Paragraph>
        {team || c.status === 'published' ? t('consultation.reactionCount', { count: c.reactionCount }) : t('consultation.ownCount', { count: c.reactionCount })}
        {team && c.unanswered ? ` · ${t('consultation.unanswered', { count: c.unanswered })}` : ''}
      </Paragraph>
    </li>
  );
}
