import { ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { trajectoryApi } from '../../api/trajectories';
import { useResource } from '../../api/useResource';
import { mayCreateTrajectory, useSession } from '../../auth/session-context';
import { ButtonRouterLink } from '../../components/ButtonRouterLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { TrajectoryCard } from './TrajectoryCard';

export function TrajectoriesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('trajectories.title'));
  const { me } = useSession();
  const trajectories = useResource((signal) => trajectoryApi.list(signal), []);

  return (
    <>
      <Heading1>{t('trajectories.title')}</Heading1>
      <Paragraph>{t('trajectories.intro')}</Paragraph>
      {mayCreateTrajectory(me) && (
        <ButtonGroup>
          <ButtonRouterLink to="/trajecten/nieuw" appearance="primary-action-button">
            {t('trajectories.new')}
          </ButtonRouterLink>
        </ButtonGroup>
      )}
      {trajectories.loading && <LoadingStatus />}
      {trajectories.error && <ErrorAlert error={trajectories.error} />}
      {trajectories.data && trajectories.data.length === 0 && <Paragraph>{t('trajectories.none')}</Paragraph>}
      {trajectories.data && trajectories.data.length > 0 && (
        <ul className="dt-card-list" data-testid="trajectory-list">
          {trajectories.data.map((trajectory) => (
            <li key={trajectory.id}>
              <TrajectoryCard trajectory={trajectory} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
