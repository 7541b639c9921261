import '../../styles/revisions.css';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementStructureApi, versionApi } from '../../api/revisions';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import { useClauseLabels } from '../amendments/clause-labels';
import { amendmentsPath, RevisionsHeader } from '../amendments/RevisionsHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { CompareSection } from './CompareSection';
import { SaveVersionForm } from './SaveVersionForm';
import { VersionTable } from './VersionTable';

/**
 * Versies: the named versions of the agreement or of one clause, saving a new one (procurement
 * team and facilitator), and comparing a clause between two versions or with the text of now.
 */
export function VersionsPage() {
  const { t } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const agreement = useResource((signal) => agreementStructureApi.get(trajectory.id, signal), [trajectory.id]);
  const versions = useResource((signal) => versionApi.list(trajectory.id, signal), [trajectory.id]);
  const labels = useClauseLabels(agreement.data);
  const [announcement, setAnnouncement] = useState('');

  useTrajectoryChanges(trajectory.id, (what) => {
    if (what === 'versions') versions.reload();
    if (what === 'agreement') agreement.reload();
  });

  return (
    <>
      <RevisionsHeader title={t('revisions.versions.title')} />
      <Paragraph>{t('revisions.versions.intro')}</Paragraph>
      <Paragraph>
        <RouterLink to={amendmentsPath(trajectory.id)}>{t('revisions.versions.toAmendments')}</RouterLink>
      </Paragraph>
      <div role="status" className="dt-visually-hidden" data-testid="versions-announcement">
        {announcement}
      </div>

      {(versions.loading || agreement.loading) && <LoadingStatus />}
      {versions.error && <ErrorAlert error={versions.error} />}
      {agreement.error && !versions.error && <ErrorAlert error={agreement.error} />}

      {versions.data && agreement.data && (
        <>
          <section aria-labelledby="versions-heading" className="dt-form-section">
            <Heading2 id="versions-heading">{t('revisions.versions.listTitle', { count: versions.data.length })}</Heading2>
            {versions.data.length === 0 ? (
              <Paragraph>{t('revisions.versions.none')}</Paragraph>
            ) : (
              <VersionTable trajectoryId={trajectory.id} versions={versions.data} labels={labels} />
            )}
          </section>

          {may('version.create') && (
            <SaveVersionForm
              trajectoryId={trajectory.id}
              labels={labels}
              onSaved={(version) => versions.setData((current) => [version, ...(current ?? []).filter((v) => v.id !== version.id)])}
            />
          )}

          <CompareSection versions={versions.data} labels={labels} announce={setAnnouncement} />
        </>
      )}
    </>
  );
}
