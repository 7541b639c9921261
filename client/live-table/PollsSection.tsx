import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { LiveSession, LiveSnapshot } from './useLiveSession';
import type { BallotChoice, StakeholderGroup } from '../../shared/live-table/polls';
import { PollCard } from './PollCard';
import type { PollView } from '../../shared/schemas/sessions';

export interface PollsSectionProps {
  live: LiveSnapshot;
  myBallots: Record<string, BallotChoice>;
  myGroup: StakeholderGroup | undefined;
  mayVote: boolean;
  mayClose: boolean;
  mayVoteOnBehalf?: (poll: PollView) => boolean;
  cast: LiveSession['cast'];
  send: LiveSession['send'];
  announce: (message: string) => void;
}

/** Open polls (newest on top), then the stored results (latest on top). */
export function PollsSection({ live, myBallots, ...rest }: PollsSectionProps) {
  const { t } = useTranslation();
  const newestFirst = [...live.polls].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  const open = newestFirst.filter((p) => p.status === 'open');
  const closed = newestFirst.filter((p) => p.status === 'closed');

  return (
    <>
      {live.session.status !== 'ended' && (
        <section aria-labelledby="open-polls-heading" className="dt-live-panel dt-polls" data-testid="open-polls">
          <Heading2 id="open-polls-heading">{t('sessions.poll.openSection')}</Heading2>
          {open.length === 0 && <Paragraph className="dt-hint">{t('sessions.poll.noneOpen')}</Paragraph>}
          {open.map((poll) => (
            <PollCard key={poll.id} poll={poll} mine={myBallots[poll.id]} {...rest} />
          ))}
        </section>
      )}
      {(closed.length > 0 || live.session.status === 'ended') && (
        <section aria-labelledby="closed-polls-heading" className="dt-live-panel dt-polls" data-testid="closed-polls">
          <Heading2 id="closed-polls-heading">{t('sessions.poll.closedSection')}</Heading2>
          {closed.length === 0 && <Paragraph className="dt-hint">{t('sessions.poll.none')}</Paragraph>}
          {closed.map((poll) => (
            <PollCard key={poll.id} poll={poll} mine={myBallots[poll.id]} {...rest} />
          ))}
        </section>
      )}
    </>
  );
}
