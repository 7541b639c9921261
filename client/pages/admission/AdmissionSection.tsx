import { Heading2, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../components/RouterLink';
import { allowed, asMember } from '../../../shared/policy';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';

/** On an Open House trajectory's page: the public form, the register, and (procurement team) the review. */
export function AdmissionSection({ trajectory }: { trajectory: TrajectoryDto }) {
  const { t } = useTranslation();
  if (trajectory.model !== 'open_house') return null;
  const reviews = trajectory.myRole ? allowed(asMember(trajectory.myRole), 'admission.review') : false;
  return (
    <section aria-labelledby="admission-section-heading" data-testid="admission-section">
      <Heading2 id="admission-section-heading">{t('admission.trajectory.heading')}</Heading2>
      <UnorderedList>
        <UnorderedListItem>
          <RouterLink to={`/toetreding/${trajectory.id}`}>{t('admission.trajectory.form')}</RouterLink>
        </UnorderedListItem>
        <UnorderedListItem>
          <RouterLink to={`/toetreding/${trajectory.id}/register`}>{t('admission.trajectory.register')}</RouterLink>
        </UnorderedListItem>
        {reviews && (
          <UnorderedListItem>
            <RouterLink to={`/trajecten/${trajectory.id}/toetreding`}>{t('admission.trajectory.review')}</RouterLink>
          </UnorderedListItem>
        )}
      </UnorderedList>
    </section>
  );
}
