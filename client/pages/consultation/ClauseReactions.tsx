import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ConsultationDto, ReactionDto } from '../../../shared/schemas/consultations';
import { ReactForm } from './ReactForm';
import { ReactionCard } from './ReactionCard';
import { ResponseForm, type ResponseLinks } from './ResponseForm';

export interface ClauseReactionsProps {
  trajectoryId: string;
  consultation: ConsultationDto;
  clause: ConsultationDto['clauses'][number];
  reactions: ReactionDto[];
  links: ResponseLinks;
  onReacted: (reaction: ReactionDto) => void;
  onChanged: (reaction: ReactionDto) => void;
  onWithdrawn: (reaction: ReactionDto) => void;
  onStale: () => void;
}

/** One clause of the version: its text to read, the reactions on it the viewer may see, and the form to react. */
export function ClauseReactions({ trajectoryId, consultation, clause, reactions, links, onReacted, onChanged, onWithdrawn, onStale }: ClauseReactionsProps) {
  const { t } = useTranslation();
  const headingId = `clause-${clause.clauseId}`;
  const published = consultation.status === 'published';
  const teamResponds = consultation.mayManage && !published;
  return (
    <section aria-labelledby={headingId} className="dt-form-section dt-consultation__clause" data-testid="consultation-clause">
      <Heading2 id={headingId}>{t('consultation.clauseHeading', { number: clause.number, title: clause.title })}</Heading2>
      {/* Open for those who react: they react to this text. */}
      <details className="dt-consultation__clause-text" open={consultation.mayReact || undefined}>
        <summary>{t('consultation.clauseText')}</summary>
        {clause.texts.map((part, index) => (
          <div key={index}>
            {clause.texts.length > 1 && (
              <Paragraph>
                <strong>{part.variantLabel ? t('consultation.variant', { label: part.variantLabel }) : t('consultation.regional')}</strong>
              </Paragraph>
            )}
            <Paragraph className="dt-preformatted">{part.text || t('consultation.emptyText')}</Paragraph>
          </div>
        ))}
      </details>
      {(published || consultation.mayManage) && (
        <Paragraph className="dt-hint">{reactions.length === 0 ? t('consultation.noReactionsOnClause') : t('consultation.reactionsOnClause', { count: reactions.length })}</Paragraph>
      )}
      {reactions.length > 0 && (
        <ul className="dt-card-list">
          {reactions.map((reaction) => (
            <ReactionCard key={reaction.id} trajectoryId={trajectoryId} consultationId={consultation.id} reaction={reaction} showResponse={published} onChanged={onChanged} onWithdrawn={onWithdrawn} onStale={onStale}>
              {teamResponds && <ResponseForm trajectoryId={trajectoryId} consultationId={consultation.id} reaction={reaction} links={links} onSaved={onChanged} />}
            </ReactionCard>
          ))}
        </ul>
      )}
      {consultation.mayReact && (
        <ReactForm trajectoryId={trajectoryId} consultationId={consultation.id} clause={clause} mayBeAnonymous={consultation.mayReactAnonymously} onReacted={onReacted} onStale={onStale} />
      )}
      {consultation.mayReactOnBehalf && (
        <ReactForm trajectoryId={trajectoryId} consultationId={consultation.id} clause={clause} mayBeAnonymous={false} onBehalf onReacted={onReacted} onStale={onStale} />
      )}
    </section>
  );
}
