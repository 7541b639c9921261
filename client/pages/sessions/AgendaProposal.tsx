import { Button, ButtonGroup, Heading4, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import { useTranslation } from 'react-i18next';
import { sessionApi } from '../../api/sessions';
import type { AgendaProposal as Proposal } from '../../api/sessions';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmission } from '../../components/forms/useSubmission';
import type { SessionDto } from '../../../shared/schemas/sessions';

export interface AgendaProposalProps {
  session: SessionDto;
  mayAdopt: boolean;
  onAdopted: (session: SessionDto) => void;
  announce: (message: string) => void;
  /** Told whether a ranking poll of the session is open now, so that no second one is opened. */
  onRankingOpen: (open: boolean) => void;
}

/** The proposal's order applied to the agenda: proposed topics first (as ranked), others after, minutes kept. */
function adoptedAgenda(session: SessionDto, proposal: Proposal) {
  const onAgenda = new Map(session.agenda.map((item) => [item.topicId, item]));
  const ranked = proposal.order.filter((o) => onAgenda.has(o.topicId)).map((o) => onAgenda.get(o.topicId)!);
  const rest = session.agenda.filter((item) => !ranked.includes(item));
  return [...ranked, ...rest].map((item) => ({ topicId: item.topicId, minutes: item.minutes }));
}

/** What the table's ranking poll proposes as the agenda order; the procurement team decides to adopt it. */
export function AgendaProposal({ session, mayAdopt, onAdopted, announce, onRankingOpen }: AgendaProposalProps) {
  const { t } = useTranslation();
  const proposal = useResource((signal) => sessionApi.agendaProposal(session.id, signal), [session.id]);
  const { busy, error, submit } = useSubmission();
  const data = proposal.data;
  // Closing the ranking at the table proposes an order: show it without reloading.
  useTrajectoryChanges(session.trajectoryId, (what) => {
    if (what === 'sessions') proposal.reload();
  });
  useEffect(() => {
    if (data) onRankingOpen(data.openRankingPollId !== null);
  }, [data, onRankingOpen]);
  if (!data?.pollId || data.order.length === 0) return null;

  const next = adoptedAgenda(session, data);
  const same = next.every((item, index) => session.agenda[index]?.topicId === item.topicId);
  const headingId = `proposal-${session.id}`;

  const adopt = () =>
    submit(async () => {
      const updated = await sessionApi.update(session.id, { agenda: next });
      onAdopted(updated);
      announce(t('sessions.ranking.adopted'));
    });

  return (
    <section aria-labelledby={headingId} className="dt-proposal" data-testid="agenda-proposal">
      <Heading4 id={headingId}>{t('sessions.ranking.proposal')}</Heading4>
      <Paragraph appearance="small">{t('sessions.ranking.proposalIntro', { count: data.ballots })}</Paragraph>
      <OrderedList>
        {data.order.map((item) => (
          <OrderedListItem key={item.topicId}>
            {item.title} <span className="dt-hint">({t('sessions.ranking.score', { count: item.score })})</span>
          </OrderedListItem>
        ))}
      </OrderedList>
      {error && <ErrorAlert error={error} />}
      {mayAdopt && session.status === 'planned' && (
        same ? (
          <Paragraph appearance="small">{t('sessions.ranking.sameOrder')}</Paragraph>
        ) : (
          <ButtonGroup>
            <Button appearance="secondary-action-button" busy={busy} onClick={() => void adopt()}>
              {t('sessions.ranking.adopt')}
            </Button>
          </ButtonGroup>
        )
      )}
    </section>
  );
}
