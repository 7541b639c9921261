import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { catalogueApi } from '../../api/trajectories';
import { useResource } from '../../api/useResource';
import { mayCreateTrajectory, useSession } from '../../auth/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { TrajectoryForm } from './TrajectoryForm';

export function NewTrajectoryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('newTrajectory.title'));
  const navigate = useNavigate();
  const { me } = useSession();
  const regions = useResource((signal) => catalogueApi.regions(signal), []);

  return (
    <>
      <Heading1>{t('newTrajectory.title')}</Heading1>
      {!mayCreateTrajectory(me) ? (
        <Paragraph>{t('newTrajectory.notAllowed')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('newTrajectory.intro')}</Paragraph>
          {regions.loading && <LoadingStatus />}
          {regions.error && <ErrorAlert error={regions.error} />}
          {regions.data && (
            <TrajectoryForm
              regions={regions.data}
              askForLead={Boolean(me?.user.platformAdmin)}
              onCreated={(trajectory) => navigate(`/trajecten/${trajectory.id}`)}
            />
          )}
        </>
      )}
      <Paragraph>
        <RouterLink to="/trajecten">{t('newTrajectory.cancel')}</RouterLink>
      </Paragraph>
    </>
  );
}
