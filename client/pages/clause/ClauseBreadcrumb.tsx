import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { agreementPaths } from '../../api/agreement';
import { RouterLink } from '../../components/RouterLink';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';

/** Trajectories › this trajectory › the agreement. */
export function ClauseBreadcrumb({ trajectory }: { trajectory: TrajectoryDto }) {
  const { t } = useTranslation();
  return (
    <Paragraph className="dt-breadcrumb">
      <RouterLink to="/trajecten">{t('trajectories.title')}</RouterLink>
      {' › '}
      <RouterLink to={`/trajecten/${trajectory.id}`}>{trajectory.name}</RouterLink>
      {' › '}
      <RouterLink to={agreementPaths.agreement(trajectory.id)}>{t('agreement.title')}</RouterLink>
    </Paragraph>
  );
}
