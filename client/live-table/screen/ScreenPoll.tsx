import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { PollResult, StakeholderGroup } from '../../../shared/live-table/polls';
import type { PollView } from '../../../shared/schemas/sessions';
import { percent, usePollText } from '../poll-text';

/**
 * The poll on the wall: question, turnout per group as it rises, and the result as large bars per
 * option with a bar per group beneath. What the server sends is all there is: a result hidden
 * until closing arrives as null and shows as a notice; the screen never shows named ballots.
 */
export function ScreenPoll({ poll }: { poll: PollView }) {
  const { t } = useTranslation();
  const text = usePollText();
  const open = poll.status === 'open';
  return (
    <section aria-labelledby="screen-poll-heading" className="dt-screen__panel dt-screen__poll" data-testid="screen-poll" data-status={poll.status} data-poll-id={poll.id}>
      <Heading2 id="screen-poll-heading">{open ? t('room.screen.poll') : t('room.screen.pollClosed')}</Heading2>
      <p className="dt-screen__question" data-testid="screen-question">
        {poll.question}
      </p>
      {poll.anonymous && <Paragraph className="dt-screen__note">{t('room.screen.anonymous')}</Paragraph>}
      {poll.result ? (
        <>
          <Turnout result={poll.result} />
          <Bars poll={poll} result={poll.result} />
        </>
      ) : (
        <p className="dt-screen__hidden" data-testid="screen-result-hidden">
          {t('room.screen.resultHidden')}
        </p>
      )}
    </section>
  );
}

function Turnout({ result }: { result: PollResult }) {
  const { t } = useTranslation();
  const text = usePollText();
  const groups = Object.entries(result.turnout) as Array<[StakeholderGroup, { eligible: number; voted: number }]>;
  return (
    <div className="dt-screen__turnout" data-testid="screen-turnout">
      <h3 className="dt-screen__subhead">{t('room.screen.turnout')}</h3>
      <ul className="dt-screen__bars">
        {groups.map(([group, { eligible, voted }]) => (
          <li key={group} className="dt-screen__bar-row" data-testid={`screen-turnout-${group}`} data-voted={voted}>
            <span className="dt-screen__bar-label">{text.group(group)}</span>
            <span className="dt-screen__bar-track" aria-hidden="true">
              <span className="dt-screen__bar-fill dt-screen__bar-fill--turnout" style={{ inlineSize: `${percent(voted, eligible)}%` }} />
            </span>
            <span className="dt-screen__bar-number">{t('room.screen.turnoutLine', { voted, eligible })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Bars({ poll, result }: { poll: PollView; result: PollResult }) {
  const { t } = useTranslation();
  const text = usePollText();
  const top = Math.max(1, ...result.options.map((o) => o.score));
  const usesPoints = result.kind === 'ranking' || result.kind === 'dot_voting';
  const amount = (count: number) => (usesPoints ? t('sessions.poll.results.points', { count }) : t('sessions.poll.results.votes', { count }));
  return (
    <div className="dt-screen__result" data-testid="screen-result">
      <h3 className="dt-screen__subhead">{t('room.screen.result')}</h3>
      {result.ballots === 0 && <p className="dt-screen__note">{t('room.screen.noBallots')}</p>}
      <ul className="dt-screen__bars">
        {result.options.map((option) => {
          const groups = Object.entries(option.byGroup) as Array<[StakeholderGroup, number]>;
          return (
            <li key={option.optionId} className="dt-screen__option" data-testid="screen-option" data-option={option.optionId} data-score={option.score}>
              <div className="dt-screen__bar-row">
                <span className="dt-screen__bar-label">{text.optionLabel(poll, option.optionId)}</span>
                <span className="dt-screen__bar-track" aria-hidden="true">
                  <span className="dt-screen__bar-fill" style={{ inlineSize: `${(option.score / top) * 100}%` }} />
                </span>
                <span className="dt-screen__bar-number">{amount(option.score)}</span>
              </div>
              {groups.length > 0 && (
                <ul className="dt-screen__groups" aria-label={`${t('room.screen.byGroup')}: ${text.optionLabel(poll, option.optionId)}`}>
                  {groups.map(([group, score]) => (
                    <li key={group} className="dt-screen__bar-row dt-screen__bar-row--group" data-testid={`screen-option-${group}`}>
                      <span className="dt-screen__bar-label">{text.group(group)}</span>
                      <span className="dt-screen__bar-track" aria-hidden="true">
                        <span className={`dt-screen__bar-fill dt-screen__bar-fill--${group}`} style={{ inlineSize: `${(score / top) * 100}%` }} />
                      </span>
                      <span className="dt-screen__bar-number">{score}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
