import { Button, ButtonGroup, Heading3, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../components/RouterLink';
import { formatDateTime } from '../../format/dates';
import type { AmendmentDto } from '../../../shared/schemas/agreement';
import { AmendmentReplies } from './AmendmentReplies';
import type { AuthorText } from './author-text';
import { clausePath } from './RevisionsHeader';

const badge: Record<AmendmentDto['status'], string> = {
  pending: 'warning',
  accepted: 'safe',
  declined: 'danger',
  withdrawn: 'neutral',
};

export interface AmendmentCardProps {
  trajectoryId: string;
  amendment: AmendmentDto;
  clauseLabel: string;
  mayWithdraw: boolean;
  mayReply: boolean;
  mayBeAnonymous: boolean;
  authorText: AuthorText;
  onAccept: () => void;
  onDecline: () => void;
  onWithdraw: () => void;
  onUpdated: (amendment: AmendmentDto) => void;
  announce: (message: string) => void;
}

export const amendmentTitleId = (amendmentId: string) => `amendment-${amendmentId}-title`;

/**
 * One proposal: the clause, the words that are there (struck) and the words proposed
 * (underlined), why, who proposed it, what was decided, and the conversation about it.
 */
export function AmendmentCard(props: AmendmentCardProps) {
  const { trajectoryId, amendment, clauseLabel, mayWithdraw, mayReply, mayBeAnonymous, authorText, onAccept, onDecline, onWithdraw, onUpdated, announce } = props;
  const { t, i18n } = useTranslation();
  const titleId = amendmentTitleId(amendment.id);
  const date = (instant: string | null) => (instant ? formatDateTime(instant, i18n.language) : '—');
  const pending = amendment.status === 'pending';

  return (
    <article className={`dt-amendment dt-amendment--${amendment.status}`} data-testid="amendment" data-status={amendment.status} aria-labelledby={titleId}>
      <div className="dt-amendment__head">
        <Heading3 id={titleId} className="dt-amendment__title" tabIndex={-1}>
          {clauseLabel}
        </Heading3>
        <StatusBadge status={badge[amendment.status]} className="dt-badge" data-testid="amendment-status">
          {t(`revisions.amendments.status.${amendment.status}`)}
        </StatusBadge>
      </div>
      <Paragraph appearance="small" data-testid="amendment-author">
        {t('revisions.amendments.proposedBy', { who: authorText(amendment.author), date: date(amendment.createdAt) })}
        {' · '}
        <RouterLink to={clausePath(trajectoryId, amendment.clauseId)} aria-describedby={titleId}>
          {t('revisions.amendments.toClause')}
        </RouterLink>
      </Paragraph>

      <dl className="dt-amendment__change">
        {amendment.originalText.trim() ? (
          <div className="dt-amendment__part dt-amendment__part--old">
            <dt>{pending ? t('revisions.amendments.currentText') : t('revisions.amendments.formerText')}</dt>
            <dd>
              <del className="dt-diff dt-diff--deleted" data-testid="amendment-original">
                <span className="dt-visually-hidden">{t('revisions.amendments.removed')} </span>
                {amendment.originalText}
              </del>
            </dd>
          </div>
        ) : (
          <div className="dt-amendment__part dt-amendment__part--old">
            <dt>{pending ? t('revisions.amendments.currentText') : t('revisions.amendments.formerText')}</dt>
            <dd>
              <Paragraph className="dt-hint">{t('revisions.amendments.wholeClause')}</Paragraph>
            </dd>
          </div>
        )}
        <div className="dt-amendment__part dt-amendment__part--new">
          <dt>{t('revisions.amendments.proposedText')}</dt>
          <dd>
            <ins className="dt-diff dt-diff--inserted" data-testid="amendment-proposed">
              <span className="dt-visually-hidden">{t('revisions.amendments.added')} </span>
              {amendment.proposedText}
            </ins>
          </dd>
        </div>
        <div className="dt-amendment__part dt-amendment__part--why">
          <dt>{t('revisions.amendments.motivation')}</dt>
          <dd className="dt-preformatted" data-testid="amendment-motivation">
            {amendment.motivation}
          </dd>
        </div>
      </dl>

      {amendment.status !== 'pending' && (
        <div className="dt-amendment__outcome" data-testid="amendment-outcome">
          {amendment.status === 'accepted' && (
            <Paragraph>
              <strong>
                {t('revisions.amendments.outcome.accepted', { name: amendment.decidedBy?.name ?? '—', date: date(amendment.decidedAt) })}
              </strong>
            </Paragraph>
          )}
          {amendment.status === 'declined' && (
            <>
              <Paragraph>
                <strong className="dt-preformatted">{t('revisions.amendments.outcome.declined', { reason: amendment.reason ?? '—' })}</strong>
              </Paragraph>
              <Paragraph appearance="small">
                {t('revisions.amendments.outcome.declinedBy', { name: amendment.decidedBy?.name ?? '—', date: date(amendment.decidedAt) })}
              </Paragraph>
            </>
          )}
          {amendment.status === 'withdrawn' && (
            <Paragraph>
              <strong>{t('revisions.amendments.outcome.withdrawn', { date: date(amendment.decidedAt) })}</strong>
            </Paragraph>
          )}
        </div>
      )}

      {pending && (amendment.mayDecide || mayWithdraw) && (
        <ButtonGroup className="dt-amendment__actions">
          {amendment.mayDecide && (
            <>
              <Button appearance="primary-action-button" onClick={onAccept} aria-describedby={titleId}>
                {t('revisions.amendments.accept')}
              </Button>
              <Button appearance="secondary-action-button" onClick={onDecline} aria-describedby={titleId}>
                {t('revisions.amendments.decline')}
              </Button>
            </>
          )}
          {mayWithdraw && (
            <Button appearance="secondary-action-button" onClick={onWithdraw} aria-describedby={titleId}>
              {t('revisions.amendments.withdraw')}
            </Button>
          )}
        </ButtonGroup>
      )}

      <AmendmentReplies
        trajectoryId={trajectoryId}
        amendment={amendment}
        mayReply={mayReply}
        mayBeAnonymous={mayBeAnonymous}
        authorText={authorText}
        onReplied={onUpdated}
        announce={announce}
      />
    </article>
  );
}
