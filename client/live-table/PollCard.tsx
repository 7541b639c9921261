import { Button, ButtonGroup, Heading3, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import type { LiveSession } from './useLiveSession';
import type { BallotChoice, StakeholderGroup } from '../../shared/live-table/polls';
import type { PollView } from '../../shared/schemas/sessions';
import { formatClock } from '../pages/sessions/session-time';
import { BallotForm } from './BallotForm';
import { OnBehalfVoteForm } from './OnBehalfVoteForm';
import { PollResults } from './PollResults';
import { mayVote as groupVotesIn } from '../../shared/policy';
import { usePollText } from './poll-text';
import { useLiveAction } from './useLiveAction';

export interface PollCardProps {
  poll: PollView;
  mine: BallotChoice | undefined;
  /** The viewer's stakeholder group in this trajectory (undefined without a seat). */
  myGroup: StakeholderGroup | undefined;
  mayVote: boolean;
  mayClose: boolean;
  /** Whether the viewer records votes on someone's behalf in this poll (the shared policy's poll.voteOnBehalf: the facilitator, consultative polls). */
  mayVoteOnBehalf?: (poll: PollView) => boolean;
  cast: LiveSession['cast'];
  send: LiveSession['send'];
  announce: (message: string) => void;
}

export function PollCard({ poll, mine, myGroup, mayVote, mayClose, mayVoteOnBehalf, cast, send, announce }: PollCardProps) {
  const { t, i18n } = useTranslation();
  const text = usePollText();
  const action = useLiveAction();
  const open = poll.status === 'open';
  // The shared policy's poll.vote rule with the poll's invited groups; the server decides again.
  const canVote = open && mayVote && myGroup !== undefined && groupVotesIn(myGroup, poll);
  const headingId = `poll-${poll.id}-question`;

  return (
    <article aria-labelledby={headingId} className={`dt-poll dt-poll--${poll.status}`} data-testid="poll" data-status={poll.status}>
      <Paragraph className="dt-poll__kind">
        <StatusBadge status={open ? 'active' : 'safe'} className="dt-badge" data-testid="poll-status">
          {open ? t('sessions.poll.status.open') : `${t('sessions.poll.status.closed')} · ${t('sessions.poll.finalBadge')}`}
        </StatusBadge>
        <span>{t(`sessions.poll.kinds.${poll.kind}`)}</span>
      </Paragraph>
      <Heading3 id={headingId} className="dt-poll__question">
        {poll.question}
      </Heading3>
      <Paragraph appearance="small" className="dt-poll__meta">
        {poll.anonymous ? t('sessions.poll.anonymous') : t('sessions.poll.named')} {text.whoVotes(poll)}
        {open && poll.closesAt && ` ${t('sessions.poll.closesAt', { time: formatClock(poll.closesAt, i18n.language) })}`}
      </Paragraph>

      {open && (
        <div className="dt-poll__ballot">
          {mine ? (
            <Paragraph className="dt-my-ballot" data-testid="my-ballot">
              <strong>{t('sessions.poll.myBallot', { choice: text.choiceText(poll, mine) })}</strong>
              {canVote && <> {t('sessions.poll.myBallotChange')}</>}
            </Paragraph>
          ) : (
            canVote && <Paragraph className="dt-my-ballot">{t('sessions.poll.notVoted')}</Paragraph>
          )}
          {canVote ? (
            <BallotForm key={poll.id} poll={poll} mine={mine} cast={cast} announce={announce} />
          ) : (
            <Paragraph className="dt-hint">{mayVote ? t('sessions.poll.notEligible') : t('sessions.poll.onlyFollow')}</Paragraph>
          )}
          {mayVoteOnBehalf?.(poll) && <OnBehalfVoteForm poll={poll} announce={announce} />}
        </div>
      )}

      {poll.result ? (
        <PollResults poll={poll} result={poll.result} />
      ) : (
        <Paragraph className="dt-hint">{t('sessions.poll.hiddenUntilClosed')}</Paragraph>
      )}

      {open && mayClose && (
        <ButtonGroup className="dt-poll__close">
          <Button
            appearance="secondary-action-button"
            aria-describedby={headingId}
            busy={action.busy === 'close'}
            onClick={() => void action.run('close', () => send('poll:close', { pollId: poll.id }))}
          >
            {t('sessions.poll.close')}
          </Button>
        </ButtonGroup>
      )}
      {action.error && <ErrorAlert error={action.error} />}
    </article>
  );
}
