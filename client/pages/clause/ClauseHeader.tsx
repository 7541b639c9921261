import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { agreementPaths } from '../../api/agreement';
import { RouterLink } from '../../components/RouterLink';
import type { ConnectionSnapshot } from '../../editor/clause-connection';
import type { ClauseAccess } from '../../../shared/policy';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';
import { ClauseStatusBadge } from '../agreement/ClauseStatusBadge';
import type { ClauseInAgreement } from '../agreement/agreement-helpers';
import { ClauseBreadcrumb } from './ClauseBreadcrumb';
import { useAccessText } from './access-text';

export interface ClauseHeaderProps {
  trajectory: TrajectoryDto;
  found: ClauseInAgreement;
  access: ClauseAccess;
  /** The server refused the text (no access any more). */
  discarded: boolean;
  snapshot: ConnectionSnapshot;
  /** A change was just proposed: say so, with the way to the list. */
  proposed: boolean;
}

/** The clause's title, where it belongs, what the person may do with it, and why the text may be closed. */
export function ClauseHeader({ trajectory, found, access, discarded, snapshot, proposed }: ClauseHeaderProps) {
  const { t } = useTranslation();
  const accessText = useAccessText();
  const { clause, chapter } = found;
  return (
    <>
      <ClauseBreadcrumb trajectory={trajectory} />
      <div className="dt-clause__title">
        <Heading1>{t('agreement.clauseHeading', { number: clause.number, title: clause.title })}</Heading1>
        <ClauseStatusBadge status={clause.status} />
      </div>
      <Paragraph className="dt-clause__meta">
        {t('agreement.clause.chapter', { number: chapter.number, title: chapter.title })}
        {' · '}
        {clause.topics.length > 0 ? t('agreement.topics', { topics: clause.topics.map((x) => x.title).join(', ') }) : t('agreement.noTopics')}
      </Paragraph>
      <Paragraph id="clause-access" className="dt-clause__access" data-testid="clause-access">
        {accessText(access, clause.status)}
      </Paragraph>
      {discarded && (
        <Alert type="warning" className="dt-alert">
          <Paragraph>{t('agreement.clause.accessRefused')}</Paragraph>
        </Alert>
      )}
      {snapshot.closed && !snapshot.limit && (
        <Alert type="warning" className="dt-alert">
          <Paragraph>{t('agreement.clause.accessClosed')}</Paragraph>
        </Alert>
      )}
      {snapshot.limit && (
        <Alert type="warning" className="dt-alert" data-testid="clause-limit">
          <Paragraph>{t(`limits.document.${snapshot.limit}`)}</Paragraph>
        </Alert>
      )}
      {proposed && (
        <Alert type="ok" className="dt-alert" data-testid="proposal-done">
          <Paragraph>
            {t('agreement.amendment.done')} <RouterLink to={agreementPaths.amendments(trajectory.id)}>{t('agreement.amendment.toList')}</RouterLink>
          </Paragraph>
        </Alert>
      )}
      <div className="dt-clause__links">
        <RouterLink to={agreementPaths.amendments(trajectory.id)}>
          {clause.pendingAmendments > 0 ? t('agreement.clause.pendingAmendments', { count: clause.pendingAmendments }) : t('agreement.toAmendments')}
        </RouterLink>
        <RouterLink to={agreementPaths.versions(trajectory.id)}>{t('agreement.toVersions')}</RouterLink>
      </div>
    </>
  );
}
