import { Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { TopicChainDto } from '../../../shared/schemas/outcomes';
import type { PollResult } from '../../../shared/live-table/polls';
import type { PollView } from '../../../shared/schemas/sessions';
import { RouterLink } from '../../components/RouterLink';
import { formatDateTime } from '../../format/dates';
import { useLabels } from '../../labels/useLabels';
import { PollResults } from '../../live-table/PollResults';

type Chain = TopicChainDto;
type Author = Chain['comments'][number]['author'];

/** A name, or for an anonymous client representative only her group: the server decided what may be shown. */
function useAuthorText() {
  const { t } = useTranslation();
  const labels = useLabels();
  return (author: Author) => {
    const group = labels.group(author.group);
    if (!author.name) return t('outcomes.input.anonymous', { group });
    return author.organisationName ? `${author.name} (${author.organisationName})` : `${author.name} (${group})`;
  };
}

/** Inbreng: the comments on the clauses of the topic. */
export function InputSection({ chain, trajectoryId }: { chain: Chain; trajectoryId: string }) {
  const { t, i18n } = useTranslation();
  const authorText = useAuthorText();
  // Input on someone's behalf (issue 16) is marked as such, not as the recorder's own group.
  const contributionText = (c: Chain['comments'][number]) =>
    c.onBehalfOf ? `${t('onBehalf.marked', { description: c.onBehalfOf })} · ${t('onBehalf.recordedBy', { name: c.author.name ?? '—' })}` : authorText(c.author);
  return (
    <section aria-labelledby="chain-input" className="dt-chain__section" data-testid="chain-input">
      <Heading2 id="chain-input">{t('outcomes.input.title')}</Heading2>
      {chain.clauses.length === 0 ? (
        <Paragraph>{t('outcomes.input.noClauses')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('outcomes.input.intro')}</Paragraph>
          <UnorderedList>
            {chain.clauses.map((c) => (
              <UnorderedListItem key={c.id}>
                <RouterLink to={`/trajecten/${trajectoryId}/overeenkomst/artikelen/${c.id}`}>{t('outcomes.changed.clause', { number: c.number, title: c.title })}</RouterLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {chain.comments.length === 0 ? (
        chain.clauses.length > 0 && <Paragraph>{t('outcomes.input.none')}</Paragraph>
      ) : (
        <ul className="dt-chain__list">
          {chain.comments.map((c) => (
            <li key={c.id} className="dt-chain__item" data-testid="chain-comment">
              <Paragraph appearance="small">
                {t('outcomes.input.onClause', { number: c.clauseNumber, title: c.clauseTitle })} · {contributionText(c)} · {formatDateTime(c.createdAt, i18n.language)}
                {c.status === 'resolved' && ` · ${t('outcomes.input.resolved')}`}
              </Paragraph>
              <Paragraph appearance="small" className="dt-chain__quote">
                {t('outcomes.input.quote', { quote: c.quote })}
              </Paragraph>
              <Paragraph>{c.body}</Paragraph>
              {c.replies.length > 0 && (
                <details>
                  <summary>{t('outcomes.input.replies', { count: c.replies.length })}</summary>
                  <ul>
                    {c.replies.map((r) => (
                      <li key={r.id}>
                        <strong>{authorText(r.author)}:</strong> {r.body}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Wijzigingsvoorstellen on the topic's clauses, with their outcome. */
export function AmendmentsSection({ chain }: { chain: Chain }) {
  const { t } = useTranslation();
  const authorText = useAuthorText();
  return (
    <section aria-labelledby="chain-amendments" className="dt-chain__section" data-testid="chain-amendments">
      <Heading2 id="chain-amendments">{t('outcomes.amendments.title')}</Heading2>
      {chain.amendments.length === 0 ? (
        <Paragraph>{t('outcomes.amendments.none')}</Paragraph>
      ) : (
        <ul className="dt-chain__list">
          {chain.amendments.map((a) => (
            <li key={a.id} className="dt-chain__item" data-testid="chain-amendment">
              <Heading3 className="dt-chain__item-title">{t('outcomes.amendments.proposal', { author: authorText(a.author), number: a.clauseNumber, title: a.clauseTitle })}</Heading3>
              <Paragraph appearance="small">
                <strong>{t(`outcomes.amendments.statuses.${a.status as 'pending'}`)}</strong>
              </Paragraph>
              <dl className="dt-chain__facts">
                {a.originalText && (
                  <>
                    <dt>{t('outcomes.amendments.original')}</dt>
                    <dd>{a.originalText}</dd>
                  </>
                )}
                <dt>{t('outcomes.amendments.proposed')}</dt>
                <dd>{a.proposedText}</dd>
                <dt>{t('outcomes.amendments.motivation')}</dt>
                <dd>{a.motivation}</dd>
              </dl>
              {a.reason && <Paragraph appearance="small">{t('outcomes.amendments.reason', { reason: a.reason })}</Paragraph>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The chain's poll in the shape the live table's result view takes (who voted what is never in it). */
function asPollView(poll: Chain['polls'][number]): PollView {
  return {
    ...poll,
    sessionId: poll.session?.id ?? null,
    topicId: null,
    maxChoices: null,
    points: null,
    eligibleGroups: [],
    closesAt: null,
    result: poll.result as PollResult | null,
    declaration: poll.declaration as PollView['declaration'],
  };
}

/** Stemmingen: each poll on the topic or its amendments, with the result per stakeholder group where it may be seen. */
export function PollsSection({ chain }: { chain: Chain }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="chain-polls" className="dt-chain__section" data-testid="chain-polls">
      <Heading2 id="chain-polls">{t('outcomes.polls.title')}</Heading2>
      {chain.polls.length === 0 ? (
        <Paragraph>{t('outcomes.polls.none')}</Paragraph>
      ) : (
        <ul className="dt-chain__list">
          {chain.polls.map((poll) => (
            <li key={poll.id} className="dt-chain__item" data-testid="chain-poll">
              <Heading3 className="dt-chain__item-title">{poll.question}</Heading3>
              <Paragraph appearance="small">
                {[poll.session ? t('outcomes.polls.atSession', { title: poll.session.title }) : null, poll.amendmentId ? t('outcomes.polls.onAmendment') : null, t(`outcomes.polls.${poll.status}`)]
                  .filter(Boolean)
                  .join(' · ')}
              </Paragraph>
              {poll.result ? <PollResults poll={asPollView(poll)} result={poll.result as PollResult} /> : <Paragraph>{t('outcomes.polls.hidden')}</Paragraph>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Gewijzigde artikelen: the clauses the topic's agreements changed. */
export function ChangedClausesSection({ chain, trajectoryId }: { chain: Chain; trajectoryId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="chain-changed" className="dt-chain__section" data-testid="chain-changed">
      <Heading2 id="chain-changed">{t('outcomes.changed.title')}</Heading2>
      {chain.changedClauses.length === 0 ? (
        <Paragraph>{t('outcomes.changed.none')}</Paragraph>
      ) : (
        <UnorderedList>
          {chain.changedClauses.map((c) => (
            <UnorderedListItem key={c.id}>
              <RouterLink to={`/trajecten/${trajectoryId}/overeenkomst/artikelen/${c.id}`}>{t('outcomes.changed.clause', { number: c.number, title: c.title })}</RouterLink>{' '}
              ({t('outcomes.changed.byOutcomes', { numbers: c.outcomeNumbers.map((n) => `A${n}`).join(', ') })})
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
