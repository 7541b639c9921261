import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { finalApi, finalPagePath } from '../../api/final';
import { useResource } from '../../api/useResource';
import { RouterLink } from '../../components/RouterLink';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import { SignoffTable } from './SignoffTable';

/** On the trajectory overview: where the definitive agreement stands, per municipality, live. */
export function FinalStatusSection({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const final = useResource((signal) => finalApi.get(trajectoryId, signal), [trajectoryId]);
  useTrajectoryChanges(trajectoryId, (what) => {
    if (what === 'final') final.reload();
  });
  const data = final.data;
  if (!data) return null;
  return (
    <section aria-labelledby="final-status-heading" data-testid="final-status">
      <Heading2 id="final-status-heading">{t('final.overview.title')}</Heading2>
      <Paragraph>
        {t(`final.overview.${data.status === 'not_assembled' ? 'notAssembled' : data.status}`)}{' '}
        <RouterLink to={finalPagePath(trajectoryId)}>{t('final.overview.link')}</RouterLink>
      </Paragraph>
      {data.status !== 'not_assembled' && <SignoffTable signoffs={data.signoffs} captionId="final-status-heading" />}
    </section>
  );
}
