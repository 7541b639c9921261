import { DataList, DataListItem, DataListKey, DataListValue, Heading2 } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../components/RouterLink';
import { formatDate, nextDeadline } from '../../format/dates';
import { useLabels } from '../../labels/useLabels';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';

export function TrajectoryCard({ trajectory }: { trajectory: TrajectoryDto }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const next = nextDeadline(trajectory.milestones);
  const rows = [
    { key: t('trajectory.region'), value: trajectory.regionName },
    { key: t('trajectory.model'), value: labels.model(trajectory.model) },
    { key: t('trajectory.myRole'), value: trajectory.myRole ? labels.role(trajectory.myRole) : t('trajectory.noRole') },
    {
      key: t('trajectory.nextDeadline'),
      value: next ? `${formatDate(next.date, i18n.language)}: ${next.title}` : t('trajectory.noDeadline'),
    },
  ];
  return (
    <article className="dt-card" aria-labelledby={`trajectory-${trajectory.id}`}>
      <Heading2 id={`trajectory-${trajectory.id}`} className="dt-card__title">
        <RouterLink to={`/trajecten/${trajectory.id}`}>{trajectory.name}</RouterLink>
      </Heading2>
      <DataList className="dt-data-list">
        {rows.map((row) => (
          <DataListItem key={row.key}>
            <DataListKey>{row.key}</DataListKey>
            <DataListValue>{row.value}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
    </article>
  );
}
