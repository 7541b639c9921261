import { Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, todayInAmsterdam } from '../../format/dates';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { inReview } from '../../../shared/domain/admission';
import { admissionApi } from './admission-api';
import { ApplicationStatusBadge } from './ApplicationStatus';

/** The procurement team's list of applications, newest first, with each review deadline. */
export function ReviewPage() {
  const { t, i18n } = useTranslation();
  const { trajectory } = useTrajectory();
  useDocumentTitle(t('admission.review.title'));
  const overview = useResource((signal) => admissionApi.overview(trajectory.id, signal), [trajectory.id]);
  useTrajectoryChanges(trajectory.id, (what) => {
    if (what === 'admission') overview.reload();
  });
  const today = todayInAmsterdam();
  return (
    <>
      <TrajectoryHeader />
      <Heading2 id="admission-heading">{t('admission.review.title')}</Heading2>
      <Paragraph>
        <RouterLink to={`/toetreding/${trajectory.id}`}>{t('admission.review.publicForm')}</RouterLink> · <RouterLink to={`/toetreding/${trajectory.id}/register`}>{t('admission.review.register')}</RouterLink>
      </Paragraph>
      {overview.loading && <LoadingStatus />}
      {overview.error && <ErrorAlert error={overview.error} />}
      {overview.data && (
        <>
          <Paragraph>{t('admission.review.intro', { weeks: overview.data.settings.reviewWeeks })}</Paragraph>
          {overview.data.applications.length === 0 ? (
            <Paragraph>{t('admission.review.empty')}</Paragraph>
          ) : (
            <div className="dt-table-scroll" tabIndex={0} role="region" aria-labelledby="admission-heading">
              <Table data-testid="applications-table">
                <TableHeader>
                  <TableRow>
                    {(['number', 'organisation', 'kind', 'perceelen', 'status', 'deadline'] as const).map((c) => (
                      <TableHeaderCell key={c} scope="col">
                        {t(`admission.review.${c}`)}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {overview.data.applications.map((a) => {
                    const open = inReview.includes(a.status);
                    return (
                      <TableRow key={a.id} data-testid="application-row" data-status={a.status}>
                        <TableCell>{a.number}</TableCell>
                        <TableHeaderCell scope="row">
                          <RouterLink to={`/trajecten/${trajectory.id}/toetreding/${a.id}`}>{a.organisationName}</RouterLink>
                        </TableHeaderCell>
                        <TableCell>{t(`admission.kinds.${a.kind}`)}</TableCell>
                        <TableCell>{a.perceelen.join(', ')}</TableCell>
                        <TableCell>
                          <ApplicationStatusBadge status={a.status} />
                        </TableCell>
                        <TableCell>
                          {open ? formatDate(a.reviewDeadline, i18n.language) : '—'}
                          {open && a.reviewDeadline < today && <> {t('admission.review.overdue')}</>}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          )}
        </>
      )}
    </>
  );
}
