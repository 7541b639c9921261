import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { stakeholderGroups } from '../../shared/live-table/polls';
import type { PollResult, StakeholderGroup } from '../../shared/live-table/polls';
import type { PollView } from '../../shared/schemas/sessions';
import { DeclarationAside } from '../pages/sessions/Declaration';
import { formatClock } from '../pages/sessions/session-time';
import { PollKindResults } from './PollKindResults';
import { OnBehalfResults } from './OnBehalfResults';
import { percent, usePollText } from './poll-text';
import { ScrollTable } from './ScrollTable';

/** A bar beside a number: decoration only (aria-hidden); the number always says it in text. */
function Bar({ value, max }: { value: number; max: number }) {
  const width = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <span className="dt-bar" aria-hidden="true">
      <span className="dt-bar__fill" style={{ inlineSize: `${width}%` }} />
    </span>
  );
}

function Outcome({ poll, result }: { poll: PollView; result: PollResult }) {
  const { t } = useTranslation();
  const text = usePollText();
  let outcome: string;
  if (result.ballots === 0) {
    return (
      <Paragraph className="dt-outcome" data-testid="poll-outcome">
        {t('sessions.poll.results.noBallots')}
      </Paragraph>
    );
  }
  if (result.consent) {
    outcome = result.consent.reached
      ? t('sessions.poll.results.consentReached')
      : t('sessions.poll.results.consentNotReached', { count: result.consent.blocks });
    if (result.consent.objections > 0) outcome += ` ${t('sessions.poll.results.objections', { count: result.consent.objections })}`;
  } else {
    const leaders = result.leaders.map((id) => text.optionLabel(poll, id)).join(', ');
    outcome = result.leaders.length > 1 ? t('sessions.poll.results.tie', { options: leaders }) : t('sessions.poll.results.leader', { options: leaders });
  }
  return (
    <Paragraph className="dt-outcome" data-testid="poll-outcome">
      <strong>{outcome}</strong> {t('sessions.poll.results.ballots', { count: result.ballots })}
    </Paragraph>
  );
}

/**
 * A poll's result, never one verdict only: the score per option in total and per stakeholder
 * group, turnout per group, the named ballots where the poll was named, and with it the
 * session's declaration of what the result means.
 */
export function PollResults({ poll, result }: { poll: PollView; result: PollResult }) {
  const { t, i18n } = useTranslation();
  const text = usePollText();
  const closed = poll.status === 'closed';
  const usesPoints = result.kind === 'ranking' || result.kind === 'dot_voting';
  const amount = (count: number) => (usesPoints ? t('sessions.poll.results.points', { count }) : t('sessions.poll.results.votes', { count }));
  const groups = stakeholderGroups.filter((g) => result.options.some((o) => o.byGroup[g] !== undefined));
  const turnoutGroups = stakeholderGroups.filter((g) => result.turnout[g] !== undefined);
  const maxScore = Math.max(0, ...result.options.map((o) => o.score));
  // Per group, bars show the share of that group's voters (points: of the column's highest).
  const groupMax = (g: StakeholderGroup) =>
    usesPoints ? Math.max(0, ...result.options.map((o) => o.byGroup[g] ?? 0)) : (result.turnout[g]?.voted ?? 0);
  const resultCaption = `poll-${poll.id}-result-caption`;
  const turnoutCaption = `poll-${poll.id}-turnout-caption`;

  return (
    <div className="dt-results" data-testid="poll-results" data-final={closed ? 'true' : 'false'}>
      <div className={`dt-results__notice dt-results__notice--${closed ? 'final' : 'live'}`} data-testid="result-status">
        {closed && poll.closedAt
          ? t('sessions.poll.final', { time: formatClock(poll.closedAt, i18n.language) })
          : t('sessions.poll.liveResults')}
      </div>
      <DeclarationAside declaration={poll.declaration} />
      <Outcome poll={poll} result={result} />
      <div className="dt-results__tables">
        <ScrollTable labelledBy={resultCaption}>
          <Table className="dt-results__table">
            <TableCaption id={resultCaption} className="dt-results__caption">
              {t('sessions.poll.results.caption')}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('sessions.poll.results.option')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('sessions.poll.results.total')}</TableHeaderCell>
                {groups.map((g) => (
                  <TableHeaderCell key={g} scope="col">
                    {/* Break points (soft hyphens) for the long group names in narrow columns. */}
                    {t(`sessions.poll.results.groupHeaders.${g}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.options.map((option) => (
                <TableRow key={option.optionId} data-testid="result-row">
                  <TableHeaderCell scope="row">{text.optionLabel(poll, option.optionId)}</TableHeaderCell>
                  <TableCell className="dt-results__total">
                    <Bar value={option.score} max={maxScore} />
                    <span className="dt-results__number">{amount(option.score)}</span>
                  </TableCell>
                  {groups.map((g) => (
                    <TableCell key={g}>
                      <Bar value={option.byGroup[g] ?? 0} max={groupMax(g)} />
                      <span className="dt-results__number">{option.byGroup[g] ?? 0}</span>
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
        {result.kind === 'ranking' && (
          <Paragraph appearance="small" className="dt-hint">
            {t('sessions.poll.results.rankingNote', {
              count: result.options.length,
              first: t('sessions.poll.results.points', { count: Math.max(0, result.options.length - 1) }),
            })}
          </Paragraph>
        )}
        {turnoutGroups.length > 0 && (
          <ScrollTable labelledBy={turnoutCaption}>
            <Table className="dt-results__table dt-results__table--turnout" data-testid="turnout">
              <TableCaption id={turnoutCaption} className="dt-results__caption">
                {t('sessions.poll.results.turnoutCaption')}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('sessions.poll.results.group')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('sessions.poll.results.voted')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {turnoutGroups.map((g) => {
                  const turnout = result.turnout[g]!;
                  return (
                    <TableRow key={g} data-testid={`turnout-${g}`}>
                      <TableHeaderCell scope="row">{text.group(g)}</TableHeaderCell>
                      <TableCell className="dt-results__total">
                        <Bar value={turnout.voted} max={turnout.eligible} />
                        <span className="dt-results__number">
                          {t('sessions.poll.results.turnoutValue', {
                            voted: turnout.voted,
                            eligible: turnout.eligible,
                            percent: percent(turnout.voted, turnout.eligible),
                          })}
                        </span>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </ScrollTable>
        )}
      </div>
      {result.onBehalf && result.onBehalf.ballots > 0 && <OnBehalfResults poll={poll} onBehalf={result.onBehalf} />}
      <PollKindResults poll={poll} result={result} />
      {poll.namedBallots && poll.namedBallots.length > 0 && (
        <details className="dt-named-ballots">
          <summary>
            {t('sessions.poll.results.ballotsTitle')} ({poll.namedBallots.length})
          </summary>
          <ul>
            {[...poll.namedBallots]
              .sort((a, b) => stakeholderGroups.indexOf(a.group) - stakeholderGroups.indexOf(b.group) || a.name.localeCompare(b.name, 'nl'))
              .map((ballot) => (
                <li key={ballot.userId}>
                  {ballot.name} ({text.group(ballot.group)}): {text.choiceText(poll, ballot.choice)}
                </li>
              ))}
          </ul>
        </details>
      )}
    </div>
  );
}
