import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../../api/audit';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { AuditTable } from './AuditTable';
import { VerifyChain } from './VerifyChain';

export function AuditLogPage() {
  const { t } = useTranslation();
  const { trajectory } = useTrajectory();
  const events = useResource((signal) => auditApi.list(trajectory.id, signal), [trajectory.id]);
  useTrajectoryChanges(trajectory.id, (what) => {
    if (what === 'audit') events.reload();
  });

  return (
    <>
      <TrajectoryHeader title={t('audit.title')} />
      <Paragraph>{t('audit.intro')}</Paragraph>
      <VerifyChain trajectoryId={trajectory.id} />
      {events.loading && <LoadingStatus />}
      {events.error && <ErrorAlert error={events.error} />}
      {events.data && <AuditTable events={events.data} />}
    </>
  );
}
