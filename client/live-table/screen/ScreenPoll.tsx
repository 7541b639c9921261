import { useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { PollResult } from '../../../shared/live-table/polls';
import type { PollView } from '../../../shared/schemas/sessions';
import { percent, usePollText } from '../poll-text';
import { groupColour, useGroupLabel } from './group-label';
import { useFitDensity } from './useFitDensity';

/**
 * How the result is packed when it does not fit (see useFitDensity): one column, two columns,
 * two compact columns; beyond that a long poll shows its leading options, one fewer per level,
 * and sums up the rest in a line (never fewer than `fewestShown`).
 */
const densities = ['full', 'columns', 'compact'] as const;
const fewestShown = 4;

/**
 * The poll on the wall: question, turnout per group as it rises, and the result as large bars per
 * option, each split by group, with the figures per group beneath. What the server sends is all
 * there is: a result hidden until closing arrives as null and shows as a notice; the screen never
 * shows named ballots. A long poll packs itself tighter (two columns, then compact rows) until it
 * fits the screen without scrolling.
 */
export function ScreenPoll({ poll }: { poll: PollView }) {
  const { t } = useTranslation();
  const open = poll.status === 'open';
  const panel = useRef<HTMLElement>(null);
  const optionCount = poll.result?.options.length ?? 0;
  const maxLevel = densities.length - 1 + Math.max(0, optionCount - fewestShown);
  const level = useFitDensity(panel, maxLevel, `${poll.id}:${poll.status}:${optionCount}:${poll.result ? 1 : 0}`);
  const density = Math.min(level, densities.length - 1);
  // Options left out at the tightest packings: one per level beyond the last layout.
  const shown = optionCount - Math.max(0, level - (densities.length - 1));
  return (
    <section
      ref={panel}
      aria-labelledby="screen-poll-heading"
      className="dt-screen__panel dt-screen__poll"
      data-testid="screen-poll"
      data-status={poll.status}
      data-poll-id={poll.id}
      data-density={densities[density]}
    >
      <p className="dt-screen__eyebrow">
        {open ? t('room.screen.poll') : t('room.screen.pollClosed')}
        {poll.anonymous && <span className="dt-screen__note"> · {t('room.screen.anonymous')}</span>}
      </p>
      <h2 id="screen-poll-heading" className="dt-screen__question" data-testid="screen-question">
        {poll.question}
      </h2>
      {poll.result ? (
        <>
          <Turnout result={poll.result} />
          <Bars poll={poll} result={poll.result} shown={shown} />
        </>
      ) : (
        <p className="dt-screen__hidden" data-testid="screen-result-hidden">
          {t('room.screen.resultHidden')}
        </p>
      )}
    </section>
  );
}

/** Turnout per group; each group's swatch is also the key to the colours of the result bars. */
function Turnout({ result }: { result: PollResult }) {
  const { t } = useTranslation();
  const groupLabel = useGroupLabel();
  const groups = Object.entries(result.turnout) as Array<[string, { eligible: number; voted: number }]>;
  return (
    <div className="dt-screen__turnout" data-testid="screen-turnout">
      <h3 className="dt-screen__subhead">{t('room.screen.turnout')}</h3>
      <ul className="dt-screen__chips">
        {groups.map(([group, { eligible, voted }], index) => (
          <li key={group} className="dt-screen__chip" data-testid={`screen-turnout-${group}`} data-voted={voted} style={{ '--dt-group': groupColour(group, index) } as CSSProperties}>
            <span className="dt-screen__chip-text">
              <span className="dt-screen__swatch" aria-hidden="true" />
              <span className="dt-screen__label">{groupLabel(group)}</span> <span className="dt-screen__number">{t('room.screen.turnoutLine', { voted, eligible })}</span>
            </span>
            <span className="dt-screen__chip-track" aria-hidden="true">
              <span className="dt-screen__chip-fill" style={{ inlineSize: `${percent(voted, eligible)}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Bars({ poll, result, shown }: { poll: PollView; result: PollResult; shown: number }) {
  const { t } = useTranslation();
  const text = usePollText();
  const groupLabel = useGroupLabel();
  const top = Math.max(1, ...result.options.map((o) => o.score));
  const usesPoints = result.kind === 'ranking' || result.kind === 'dot_voting';
  const amount = (count: number) => (usesPoints ? t('sessions.poll.results.points', { count }) : t('sessions.poll.results.votes', { count }));
  // The same colour for a group in every bar as in its turnout swatch: by its place in the turnout.
  const order = Object.keys(result.turnout);
  const colourOf = (group: string) => groupColour(group, order.includes(group) ? order.indexOf(group) : order.length);
  // All options in the poll's order; when not all fit, the leading ones by score, the rest summed up.
  const all = result.options.length;
  const options = shown >= all ? result.options : [...result.options].sort((a, b) => b.score - a.score).slice(0, shown);
  const rest = result.options.filter((option) => !options.includes(option));
  return (
    <div className="dt-screen__result" data-testid="screen-result">
      <h3 className="dt-visually-hidden">{t('room.screen.result')}</h3>
      {result.ballots === 0 && <p className="dt-screen__note">{t('room.screen.noBallots')}</p>}
      <ul className="dt-screen__options">
        {options.map((option) => {
          const label = text.optionLabel(poll, option.optionId);
          const groups = (Object.entries(option.byGroup) as Array<[string, number]>).filter(([, score]) => score > 0);
          return (
            <li key={option.optionId} className="dt-screen__option" data-testid="screen-option" data-option={option.optionId} data-score={option.score}>
              <span className="dt-screen__label dt-screen__option-label">{label}</span>
              <div className="dt-screen__bar-row">
                <span className="dt-screen__track" aria-hidden="true">
                  <span className="dt-screen__fill" style={{ inlineSize: `${(option.score / top) * 100}%` }}>
                    {groups.map(([group, score]) => (
                      <span key={group} className="dt-screen__segment" style={{ inlineSize: `${(score / option.score) * 100}%`, background: colourOf(group) }} />
                    ))}
                  </span>
                </span>
                <span className="dt-screen__number dt-screen__option-total">{amount(option.score)}</span>
              </div>
              {groups.length > 0 && (
                <ul className="dt-screen__by-group" aria-label={`${t('room.screen.byGroup')}: ${label}`}>
                  {groups.map(([group, score]) => (
                    <li key={group} className="dt-screen__by-group-item" data-testid={`screen-option-${group}`} data-score={score} style={{ '--dt-group': colourOf(group) } as CSSProperties}>
                      <span className="dt-screen__swatch" aria-hidden="true" />
                      <span className="dt-screen__label">{groupLabel(group)}</span> <span className="dt-screen__number">{score}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {rest.length > 0 && (
        <p className="dt-screen__more" data-testid="screen-options-more" data-count={rest.length}>
          {t('room.screen.moreOptions', { count: rest.length, amount: amount(rest.reduce((sum, option) => sum + option.score, 0)) })}
        </p>
      )}
    </div>
  );
}
