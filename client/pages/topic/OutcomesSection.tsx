import { Button, Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { OutcomeDto, TopicChainDto } from '../../../shared/schemas/outcomes';
import { formatDate } from '../../format/dates';

/** One agreement: what, which kind, which term, its status (with each side's position), actions and what it rests on. */
function OutcomeCard({ outcome, chain, onEdit }: { outcome: OutcomeDto; chain: TopicChainDto; onEdit?: (() => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const titleId = `outcome-${outcome.id}-title`;
  const polls = chain.polls.filter((p) => outcome.links.pollIds.includes(p.id));
  const amendments = chain.amendments.filter((a) => outcome.links.amendmentIds.includes(a.id));
  const versions = chain.versions.filter((v) => outcome.links.versionIds.includes(v.id));
  const basedOn = [
    ...polls.map((p) => t('outcomes.outcomes.linkPoll', { question: p.question })),
    ...amendments.map((a) => t('outcomes.outcomes.linkAmendment', { number: a.clauseNumber })),
    ...versions.map((v) => t('outcomes.outcomes.linkVersion', { name: v.name })),
  ];
  return (
    <li className="dt-chain__item dt-outcome-card" data-testid="outcome" data-status={outcome.status} aria-labelledby={titleId}>
      <Heading3 id={titleId} className="dt-chain__item-title" tabIndex={-1}>
        {t('outcomes.outcomes.number', { number: outcome.number })}: {t(`outcomes.outcomes.statuses.${outcome.status}`)}
      </Heading3>
      <Paragraph>{outcome.text}</Paragraph>
      <dl className="dt-chain__facts">
        <dt>{t('outcomes.outcomes.categoryLabel')}</dt>
        <dd>{t(`outcomes.outcomes.categories.${outcome.category}`)}</dd>
        <dt>{t('outcomes.outcomes.horizonLabel')}</dt>
        <dd>{t(`outcomes.outcomes.horizons.${outcome.horizon}`)}</dd>
        {outcome.session && (
          <>
            <dt>{t('outcomes.outcomes.sessionLabel')}</dt>
            <dd>{outcome.session.title}</dd>
          </>
        )}
      </dl>
      {outcome.positions.length > 0 && (
        <>
          <Paragraph>
            <strong>{t('outcomes.outcomes.positions')}</strong>
          </Paragraph>
          <dl className="dt-chain__facts" data-testid="outcome-positions">
            {outcome.positions.map((p, i) => (
              <div key={i}>
                <dt>{p.party}</dt>
                <dd>{p.position}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {outcome.actions.length > 0 && (
        <>
          <Paragraph>
            <strong>{t('outcomes.outcomes.actions')}</strong>
          </Paragraph>
          <UnorderedList data-testid="outcome-actions">
            {outcome.actions.map((a) => (
              <UnorderedListItem key={a.id}>
                <strong>{a.status === 'done' ? t('outcomes.outcomes.actionDone') : t('outcomes.outcomes.actionOpen')}:</strong>{' '}
                {t('outcomes.outcomes.actionLine', { description: a.description, owner: a.owner.name, organisation: a.owner.organisationName, date: formatDate(a.dueDate, i18n.language) })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {basedOn.length > 0 && (
        <>
          <Paragraph>
            <strong>{t('outcomes.outcomes.basedOn')}</strong>
          </Paragraph>
          <UnorderedList>
            {basedOn.map((line, i) => (
              <UnorderedListItem key={i}>{line}</UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      <Paragraph appearance="small">{t('outcomes.outcomes.recordedBy', { name: outcome.recordedBy.name, date: formatDate(outcome.createdAt, i18n.language) })}</Paragraph>
      {onEdit && (
        <Button appearance="secondary-action-button" onClick={onEdit}>
          {t('outcomes.outcomes.edit', { number: outcome.number })}
        </Button>
      )}
    </li>
  );
}

/** Afspraken: the agreements recorded on the topic, in the order they were recorded. */
export function OutcomesSection({ chain, onEdit }: { chain: TopicChainDto; onEdit?: ((outcome: OutcomeDto) => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="chain-outcomes" className="dt-chain__section" data-testid="chain-outcomes">
      <Heading2 id="chain-outcomes">{t('outcomes.outcomes.title')}</Heading2>
      {chain.outcomes.length === 0 ? (
        <Paragraph>{t('outcomes.outcomes.none')}</Paragraph>
      ) : (
        <ul className="dt-chain__list">
          {chain.outcomes.map((o) => (
            <OutcomeCard key={o.id} outcome={o} chain={chain} onEdit={onEdit ? () => onEdit(o) : undefined} />
          ))}
        </ul>
      )}
    </section>
  );
}
