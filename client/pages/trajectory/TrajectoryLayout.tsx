import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Outlet, useParams } from 'react-router-dom';
import { trajectoryApi } from '../../api/trajectories';
import { useResource } from '../../api/useResource';
import { usePolicy } from '../../auth/usePolicy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import type { TrajectoryContext } from './trajectory-context';
import { VisitProvider } from '../calendar/visit-context';

/** Loads one trajectory for its screens (overview, topics, members, log) and keeps it live. */
export function TrajectoryLayout() {
  const { trajectoryId = '' } = useParams();
  const trajectory = useResource((signal) => trajectoryApi.get(trajectoryId, signal), [trajectoryId]);
  useTrajectoryChanges(trajectoryId, (what) => {
    if (what === 'trajectory') trajectory.reload();
  });

  const role = trajectory.data?.myRole ?? null;
  const may = usePolicy(role);

  if (trajectory.loading) return <LoadingStatus />;
  if (trajectory.error || !trajectory.data) {
    return <TrajectoryUnavailable error={trajectory.error} />;
  }
  const context: TrajectoryContext = { trajectory: trajectory.data, may, reload: trajectory.reload, replace: trajectory.setData };
  return (
    <VisitProvider trajectoryId={trajectoryId}>
      <Outlet context={context} />
    </VisitProvider>
  );
}

function TrajectoryUnavailable({ error }: { error: ReturnType<typeof useResource>['error'] }) {
  const { t } = useTranslation();
  const notFound = error?.code === 'not_found' || error?.code === 'forbidden';
  const title = notFound ? t('trajectory.notFoundTitle') : t('trajectory.errorTitle');
  useDocumentTitle(title);
  return (
    <>
      <Heading1>{title}</Heading1>
      {notFound ? <Paragraph>{t('trajectory.notFound')}</Paragraph> : error && <ErrorAlert error={error} />}
      <Paragraph>
        <RouterLink to="/trajecten">{t('trajectory.backToList')}</RouterLink>
      </Paragraph>
    </>
  );
}
