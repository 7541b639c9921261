import { Button, ButtonGroup, Heading3, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { agreementApi, agreementPaths } from '../../api/agreement';
import { RouterLink } from '../../components/RouterLink';
import type { ClauseStatus } from '../../../shared/domain/agreement';
import type { ClauseDto } from '../../../shared/schemas/agreement';
import type { ChangeAgreement } from './AgreementPage';
import { ClauseStatusBadge } from './ClauseStatusBadge';
import { NewMarker } from '../calendar/visit-context';
import { StatusForm } from './StatusForm';
import { findClause } from './agreement-helpers';

export interface ClauseItemProps {
  trajectoryId: string;
  clause: ClauseDto;
  index: number;
  count: number;
  mayManage: boolean;
  change: ChangeAgreement;
}

/** One clause in the agreement's list: a link to it, its stage, topics and what is open on it. */
export function ClauseItem({ trajectoryId, clause, index, count, mayManage, change }: ClauseItemProps) {
  const { t } = useTranslation();
  const titleId = `clause-${clause.id}-title`;
  const open = [
    clause.openComments > 0 ? t('agreement.openComments', { count: clause.openComments }) : null,
    clause.pendingAmendments > 0 ? t('agreement.pendingAmendments', { count: clause.pendingAmendments }) : null,
  ].filter((x): x is string => x !== null);

  return (
    <OrderedListItem className="dt-clause-item" data-testid="clause-item" aria-labelledby={titleId}>
      <div className="dt-clause-item__head">
        <Heading3 id={titleId} className="dt-clause-item__title">
          <RouterLink to={agreementPaths.clause(trajectoryId, clause.id)}>
            {t('agreement.clauseHeading', { number: clause.number, title: clause.title })}
          </RouterLink>
        </Heading3>
        <ClauseStatusBadge status={clause.status} />
        <NewMarker changedAt={clause.updatedAt} />
      </div>
      <Paragraph appearance="small" className="dt-clause-item__meta">
        {clause.topics.length > 0 ? t('agreement.topics', { topics: clause.topics.map((x) => x.title).join(', ') }) : t('agreement.noTopics')}
        <br />
        <span data-testid="clause-open-items">{open.length > 0 ? open.join(' · ') : t('agreement.noOpenItems')}</span>
      </Paragraph>
      {mayManage && <ManageClause trajectoryId={trajectoryId} clause={clause} index={index} count={count} change={change} />}
    </OrderedListItem>
  );
}

function ManageClause({ trajectoryId, clause, index, count, change }: Omit<ClauseItemProps, 'mayManage'>) {
  const { t } = useTranslation();
  const changeStatus = (status: ClauseStatus) =>
    void change(
      () => agreementApi.updateClause(trajectoryId, clause.id, { status }),
      () => t('agreement.manage.statusChanged', { number: clause.number, status: t(`agreement.status.${status}`) }),
    );

  const move = (by: -1 | 1) => {
    const direction = by === -1 ? 'up' : 'down';
    const position = index + by;
    void change(
      () => agreementApi.updateClause(trajectoryId, clause.id, { position }),
      (next) => t('agreement.manage.clauseMoved', { title: clause.title, number: findClause(next, clause.id)?.clause.number ?? '' }),
    ).then((ok) => {
      if (!ok) return;
      const still = direction === 'up' ? position > 0 : position < count - 1;
      requestAnimationFrame(() => {
        // The clause's "manage" stays open where it went, so focus can stay on the control used.
        const details = document.getElementById(`clause-${clause.id}-manage`) as HTMLDetailsElement | null;
        if (details) details.open = true;
        document.getElementById(`clause-${clause.id}-${still ? direction : direction === 'up' ? 'down' : 'up'}`)?.focus();
      });
    });
  };

  return (
    <details className="dt-clause-item__manage" id={`clause-${clause.id}-manage`}>
      <summary aria-label={t('agreement.manage.clauseLabel', { number: clause.number })}>{t('agreement.manage.clause')}</summary>
      <StatusForm id={`clause-${clause.id}-status`} status={clause.status} onChange={changeStatus} />
      {count > 1 && (
        <ButtonGroup className="dt-clause-item__move">
          {index > 0 && (
            <Button id={`clause-${clause.id}-up`} appearance="subtle-button" onClick={() => move(-1)} aria-label={t('agreement.manage.moveUpLabel', { number: clause.number })}>
              {t('agreement.manage.moveUp')}
            </Button>
          )}
          {index < count - 1 && (
            <Button id={`clause-${clause.id}-down`} appearance="subtle-button" onClick={() => move(1)} aria-label={t('agreement.manage.moveDownLabel', { number: clause.number })}>
              {t('agreement.manage.moveDown')}
            </Button>
          )}
        </ButtonGroup>
      )}
    </details>
  );
}
