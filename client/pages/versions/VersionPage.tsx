import '../../styles/revisions.css';
import { Alert, Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { versionApi } from '../../api/revisions';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { formatDateTime } from '../../format/dates';
import type { VersionContentDto } from '../../../shared/schemas/agreement';
import { ConfirmDialog } from '../amendments/ConfirmDialog';
import { RevisionsHeader, versionsPath } from '../amendments/RevisionsHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { compareSearch } from './CompareSection';

type VersionDocument = VersionContentDto['documents'][number];

/** The documents of one clause in a version: its regional text, then each municipality variant. */
function byClause(documents: VersionDocument[]): VersionDocument[][] {
  const groups = new Map<string, VersionDocument[]>();
  for (const document of [...documents].sort((a, b) => a.number - b.number)) {
    const group = groups.get(document.clauseId) ?? [];
    group.push(document);
    groups.set(document.clauseId, group);
  }
  return [...groups.values()].map((group) => group.sort((a, b) => (a.variantId === null ? -1 : b.variantId === null ? 1 : 0)));
}

/** Paragraphs of a stored text (one per line), or a note that there was none. */
function StoredText({ text }: { text: string }) {
  const { t } = useTranslation();
  const paragraphs = text.split('\n').filter((line) => line.trim() !== '');
  if (paragraphs.length === 0) return <Paragraph className="dt-hint">{t('revisions.versions.version.emptyText')}</Paragraph>;
  return (
    <div className="dt-version-text" data-testid="version-text">
      {paragraphs.map((paragraph, index) => (
        <Paragraph key={index}>{paragraph}</Paragraph>
      ))}
    </div>
  );
}

/**
 * One version, read-only: the text of every clause it holds as it was then, with the way to
 * compare it with the text of now and (procurement team) to put it back as a new edit.
 */
export function VersionPage() {
  const { t, i18n } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const { versionId = '' } = useParams();
  const version = useResource((signal) => versionApi.get(trajectory.id, versionId, signal), [trajectory.id, versionId]);
  const [restoring, setRestoring] = useState<VersionDocument | undefined>(undefined);
  const [restored, setRestored] = useState<string | undefined>(undefined);

  const title = version.data?.name ?? t('revisions.versions.version.titleFallback');
  const base = versionsPath(trajectory.id);
  const clauseLabel = (d: VersionDocument) =>
    d.variantLabel
      ? t('revisions.clauseVariant', { number: d.number, title: d.title, variant: d.variantLabel })
      : t('revisions.clause', { number: d.number, title: d.title });

  return (
    <>
      <RevisionsHeader title={title} extraCrumbs={[{ to: base, label: t('revisions.versions.title') }]} />
      {version.loading && <LoadingStatus />}
      {version.error && <ErrorAlert error={version.error} />}
      {version.data && (
        <>
          <Paragraph data-testid="version-meta">
            {version.data.createdBy
              ? t('revisions.versions.version.meta', {
                  name: version.data.createdBy.name,
                  date: formatDateTime(version.data.createdAt, i18n.language),
                })
              : t('revisions.versions.version.metaUnknown', { date: formatDateTime(version.data.createdAt, i18n.language) })}
            {' · '}
            {version.data.clauseId && version.data.documents[0]
              ? t('revisions.clause', { number: version.data.documents[0].number, title: version.data.documents[0].title })
              : t('revisions.versions.wholeAgreement')}
          </Paragraph>
          <Alert type="info">
            <Paragraph>{t('revisions.versions.version.readOnly')}</Paragraph>
          </Alert>
          <div role="status">
            {restored && (
              <Alert type="ok" data-testid="restore-done">
                <Paragraph>{restored}</Paragraph>
              </Alert>
            )}
          </div>
          {version.data.documents.length === 0 && <Paragraph>{t('revisions.versions.version.empty')}</Paragraph>}
          {byClause(version.data.documents).map((group) => {
            const first = group[0]!;
            const headingId = `version-clause-${first.clauseId}`;
            return (
              <section key={first.clauseId} aria-labelledby={headingId} className="dt-version-clause" data-testid="version-clause">
                <Heading2 id={headingId}>{t('revisions.clause', { number: first.number, title: first.title })}</Heading2>
                {group.map((document) => {
                  const partId = `${headingId}-${document.variantId ?? 'regional'}`;
                  return (
                    <div key={document.variantId ?? 'regional'} className="dt-version-document" aria-labelledby={group.length > 1 ? partId : undefined} role={group.length > 1 ? 'group' : undefined}>
                      {group.length > 1 && (
                        <Heading3 id={partId}>
                          {document.variantLabel ? t('revisions.variantHeading', { label: document.variantLabel }) : t('revisions.regionalText')}
                        </Heading3>
                      )}
                      <StoredText text={document.text} />
                      <ButtonGroup className="dt-version-document__actions">
                        <RouterLink
                          to={`${base}${compareSearch({ clauseId: document.clauseId, variantId: document.variantId, from: version.data!.id, to: 'current' })}`}
                          aria-describedby={group.length > 1 ? `${headingId} ${partId}` : headingId}
                        >
                          {t('revisions.versions.version.compareWithCurrent')}
                        </RouterLink>
                        {may('version.restore') && (
                          <Button
                            appearance="secondary-action-button"
                            aria-describedby={group.length > 1 ? `${headingId} ${partId}` : headingId}
                            onClick={() => setRestoring(document)}
                          >
                            {t('revisions.versions.version.restore')}
                          </Button>
                        )}
                      </ButtonGroup>
                    </div>
                  );
                })}
              </section>
            );
          })}
          <Paragraph>
            <RouterLink to={base}>{t('revisions.versions.version.back')}</RouterLink>
          </Paragraph>
        </>
      )}

      <ConfirmDialog
        open={Boolean(restoring)}
        title={t('revisions.versions.restore.title')}
        confirmLabel={t('revisions.versions.restore.yes')}
        testId="restore-version"
        onClose={() => setRestoring(undefined)}
        onConfirm={async () => {
          if (!restoring || !version.data) return;
          await versionApi.restore(trajectory.id, version.data.id, { clauseId: restoring.clauseId, variantId: restoring.variantId });
          setRestored(t('revisions.versions.restore.done', { clause: clauseLabel(restoring), name: version.data.name }));
          setRestoring(undefined);
        }}
      >
        {restoring && version.data && (
          <Paragraph>{t('revisions.versions.restore.confirm', { clause: clauseLabel(restoring), name: version.data.name })}</Paragraph>
        )}
      </ConfirmDialog>
    </>
  );
}
