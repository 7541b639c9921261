import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../components/RouterLink';
import { formatDateTime } from '../../format/dates';
import type { VersionDto } from '../../../shared/schemas/agreement';
import type { ClauseLabels } from '../amendments/clause-labels';
import { versionsPath } from '../amendments/RevisionsHeader';

/** The saved versions, newest first: name (to view it), what it holds, who saved it and when. */
export function VersionTable({ trajectoryId, versions, labels }: { trajectoryId: string; versions: VersionDto[]; labels: ClauseLabels }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="dt-table-scroll">
      <Table data-testid="version-table">
        <TableCaption className="dt-visually-hidden">{t('revisions.versions.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('revisions.versions.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('revisions.versions.scope')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('revisions.versions.savedBy')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('revisions.versions.savedAt')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {versions.map((version) => {
            const clause = version.clauseId ? labels.byId.get(version.clauseId) : undefined;
            return (
              <TableRow key={version.id} data-testid="version-row">
                <TableCell>
                  <RouterLink to={`${versionsPath(trajectoryId)}/${version.id}`} aria-label={t('revisions.versions.viewLabel', { name: version.name })}>
                    {version.name}
                  </RouterLink>
                </TableCell>
                <TableCell>
                  {version.clauseId
                    ? clause
                      ? labels.label(clause)
                      : t('revisions.unknownClause')
                    : t('revisions.versions.wholeAgreement')}
                </TableCell>
                <TableCell>{version.createdBy?.name ?? '—'}</TableCell>
                <TableCell className="dt-nowrap">
                  <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, i18n.language, 'short')}</time>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
