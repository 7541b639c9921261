import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, RadioGroup } from '../components/forms/ChoiceGroup';
import { ErrorSummary } from '../components/forms/ErrorSummary';
import type { FieldErrors } from '../components/forms/field-errors';
import { TextAreaField, TextField } from '../components/forms/TextField';
import { useSubmission } from '../components/forms/useSubmission';
import { ballotProblem } from '../../shared/live-table/tally';
import { ballotChoice, consentOptions } from '../../shared/live-table/polls';
import type { BallotChoice } from '../../shared/live-table/polls';
import type { PollView } from '../../shared/schemas/sessions';
import { usePollText } from './poll-text';
import './ballot.css';

export interface BallotFormProps {
  poll: PollView;
  /** The voter's current ballot, to start from and to change. */
  mine: BallotChoice | undefined;
  /** Resolves once the server acknowledged; `queued` when it is kept to be sent on reconnect (the phone's ballot). */
  cast: (pollId: string, choice: BallotChoice) => Promise<void | 'received' | 'queued'>;
  announce: (message: string) => void;
  /** Another ballot form of the same poll on the page (a vote on someone's behalf) has ids of its own. */
  idPrefix?: string;
  /** A field before the choice, checked with it: the description of a vote on someone's behalf. */
  extra?: BallotExtra;
  submitLabel?: string;
  /** What is announced once the server stored the ballot (default: the voter's own vote is saved). */
  savedMessage?: (choice: BallotChoice) => string;
}

export interface BallotExtra {
  /** The field's key in the error summary (and in the server's field errors). */
  field: string;
  target: string;
  label: string;
  check: () => string | undefined;
  render: (error: string | undefined) => ReactNode;
}

interface Draft {
  option: string;
  reason: string;
  options: string[];
  ranking: string[];
  points: Record<string, string>;
}

function draftFrom(poll: PollView, mine: BallotChoice | undefined): Draft {
  const draft: Draft = { option: '', reason: '', options: [], ranking: poll.options.map((o) => o.id), points: {} };
  for (const option of poll.options) draft.points[option.id] = '0';
  if (!mine) return draft;
  switch (mine.kind) {
    case 'consent':
      return { ...draft, option: mine.option, reason: mine.reason ?? '' };
    case 'single_choice':
      return { ...draft, option: mine.option };
    case 'multiple_choice':
      return { ...draft, options: mine.options };
    case 'ranking':
      return { ...draft, ranking: [...mine.ranking, ...draft.ranking.filter((id) => !mine.ranking.includes(id))] };
    case 'dot_voting':
      return { ...draft, points: { ...draft.points, ...Object.fromEntries(Object.entries(mine.points).map(([id, p]) => [id, String(p)])) } };
  }
}

const whole = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN);

/** The right ballot for the poll's kind, starting from the voter's own ballot, which they may change until closing. */
export function BallotForm({ poll, mine, cast, announce, idPrefix, extra, submitLabel, savedMessage }: BallotFormProps) {
  const { t } = useTranslation();
  const text = usePollText();
  const submission = useSubmission();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(poll, mine));
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  // The own ballot may arrive after the form (joining again after a reconnect, another tab):
  // start from it then. After one's own cast it equals the draft, so nothing visibly changes.
  const mineKey = JSON.stringify(mine ?? null);
  useEffect(() => {
    setDraft(draftFrom(poll, mine));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mineKey]);
  const id = (part: string) => `${idPrefix ?? `poll-${poll.id}`}-${part}`;

  /** The ballot the draft stands for, as the voter filled it in; the shared schema and rules check it. */
  const drafted = (): unknown => {
    switch (poll.kind) {
      case 'consent': {
        const reason = draft.reason.trim();
        return { kind: 'consent', option: draft.option, ...(reason ? { reason } : {}) };
      }
      case 'single_choice':
        return { kind: 'single_choice', option: draft.option };
      case 'multiple_choice':
        // In the poll's order, whatever order they were ticked in.
        return { kind: 'multiple_choice', options: poll.options.map((o) => o.id).filter((o) => draft.options.includes(o)) };
      case 'ranking':
        return { kind: 'ranking', ranking: draft.ranking };
      case 'dot_voting': {
        const entries = poll.options.map((o) => [o.id, whole(draft.points[o.id] ?? '0')] as const);
        return { kind: 'dot_voting', points: Object.fromEntries(entries.filter(([, p]) => !(p === 0))) };
      }
    }
  };

  /** The server's checks, run here first: the ballot schema (shared/live-table/polls) and the poll’s rules (shared/live-table/tally). */
  const build = (): { choice: BallotChoice | undefined; errors: FieldErrors } => {
    const none = poll.kind === 'multiple_choice' ? t('sessions.poll.chooseAtLeastOne') : t('sessions.poll.chooseOne');
    const parsed = ballotChoice.safeParse(drafted());
    if (!parsed.success) {
      const [field, option] = parsed.error.issues[0]!.path.map(String);
      if (field === 'points' && option) return { choice: undefined, errors: { [`points.${option}`]: t('fieldError.generic') } };
      return { choice: undefined, errors: { option: none } };
    }
    const problem = ballotProblem({ kind: poll.kind, options: poll.options, maxChoices: poll.maxChoices ?? undefined, points: poll.points ?? undefined }, parsed.data);
    if (!problem) return { choice: parsed.data, errors: {} };
    const errors = ((): FieldErrors => {
      switch (problem.code) {
        case 'reason_required':
          return { reason: t('sessions.poll.reasonRequired') };
        case 'choose_at_least_one':
          return { option: none };
        case 'too_many':
          return { option: t('sessions.poll.chooseTooMany', { count: problem.max, given: problem.given }) };
        case 'no_points':
          return { points: t('sessions.poll.pointsNone') };
        case 'too_many_points':
          return { points: t('sessions.poll.pointsTooMany', { given: problem.given, total: problem.total }) };
        case 'points_invalid':
          return { [`points.${problem.option}`]: t('fieldError.generic') };
        default:
          return { choice: t('fieldError.generic') };
      }
    })();
    return { choice: undefined, errors };
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const built = build();
    const extraError = extra?.check();
    const { choice } = built;
    const errors = extra && extraError ? { [extra.field]: extraError, ...built.errors } : built.errors;
    const sent: { delivery: void | 'received' | 'queued' } = { delivery: undefined };
    const ok = await submission.submit(async () => {
      if (choice) sent.delivery = await cast(poll.id, choice);
    }, errors);
    if (ok && choice && sent.delivery !== 'queued') announce(savedMessage ? savedMessage(choice) : t('sessions.poll.saved', { choice: text.choiceText(poll, choice) }));
  };

  const errors = submission.fieldErrors;
  const summary = submission.summary({
    ...(extra ? { [extra.field]: { target: extra.target, label: extra.label } } : {}),
    option: { target: id('choice'), label: t('sessions.poll.yourChoice') },
    reason: { target: id('reason'), label: t('sessions.poll.reason') },
    choice: { target: id('choice'), label: t('sessions.poll.yourChoice') },
    points: { target: id('choice'), label: t('sessions.poll.yourChoice') },
  });

  const moveRank = (index: number, by: -1 | 1) => {
    const next = [...draft.ranking];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    set({ ranking: next });
    const position = index + by;
    const direction = by === -1 ? 'up' : 'down';
    const still = direction === 'up' ? position > 0 : position < next.length - 1;
    requestAnimationFrame(() => document.getElementById(id(`rank-${moved}-${still ? direction : direction === 'up' ? 'down' : 'up'}`))?.focus());
    announce(t('sessions.poll.rankMoved', { label: text.optionLabel(poll, moved!), position: position + 1 }));
  };

  const pointsGiven = poll.options.reduce((sum, o) => sum + (whole(draft.points[o.id] ?? '0') || 0), 0);

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form dt-ballot" data-testid={extra ? 'on-behalf-ballot-form' : 'ballot-form'}>
      {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
      {extra?.render(errors[extra.field])}
      {poll.kind === 'consent' && (
        <>
          <RadioGroup
            id={id('choice')}
            name={id('choice')}
            legend={t('sessions.poll.yourChoice')}
            value={draft.option}
            onChange={(option) => set({ option })}
            options={consentOptions.map((option) => ({
              value: option,
              label: (
                <>
                  <strong>{t(`sessions.poll.consent.${option}`)}</strong>
                  <span className="dt-choice__hint"> – {t(`sessions.poll.consentHints.${option}`)}</span>
                </>
              ),
            }))}
            error={errors.option}
          />
          <TextAreaField
            id={id('reason')}
            label={draft.option === 'block' ? t('sessions.poll.reason') : t('sessions.poll.reasonOptional')}
            description={t('sessions.poll.reasonHint', { anonymous: poll.anonymous ? t('sessions.poll.reasonAnonymous') : '' })}
            value={draft.reason}
            onChange={(reason) => set({ reason })}
            rows={2}
            required={draft.option === 'block'}
            error={errors.reason}
          />
        </>
      )}
      {poll.kind === 'single_choice' && (
        <RadioGroup
          id={id('choice')}
          name={id('choice')}
          legend={t('sessions.poll.yourChoice')}
          value={draft.option}
          onChange={(option) => set({ option })}
          options={poll.options.map((o) => ({ value: o.id, label: o.label }))}
          error={errors.option ?? errors.choice}
        />
      )}
      {poll.kind === 'multiple_choice' && (
        <CheckboxGroup
          id={id('choice')}
          legend={t('sessions.poll.yourChoice')}
          description={t('sessions.poll.chooseMax', { count: poll.maxChoices ?? poll.options.length })}
          values={draft.options}
          onChange={(options) => set({ options })}
          options={poll.options.map((o) => ({ value: o.id, label: o.label }))}
          error={errors.option ?? errors.choice}
        />
      )}
      {poll.kind === 'ranking' && (
        <fieldset id={id('choice')} className="dt-row dt-rank">
          <legend className="dt-row__legend">{t('sessions.poll.yourChoice')}</legend>
          <Paragraph appearance="small">{t('sessions.poll.rankIntro')}</Paragraph>
          <ol className="dt-rank__list">
            {draft.ranking.map((optionId, index) => (
              <li key={optionId} className="dt-rank__item">
                {/* The place in words too: a flex item shows no list number of its own. */}
                <span className="dt-rank__label">
                  {t('sessions.poll.rankPosition', { position: index + 1, label: text.optionLabel(poll, optionId) })}
                </span>
                <span className="dt-rank__buttons">
                  {index > 0 && (
                    <Button
                      id={id(`rank-${optionId}-up`)}
                      appearance="subtle-button"
                      aria-label={`${t('sessions.poll.rankUp')}: ${text.optionLabel(poll, optionId)}`}
                      onClick={() => moveRank(index, -1)}
                    >
                      {t('sessions.poll.rankUp')}
                    </Button>
                  )}
                  {index < draft.ranking.length - 1 && (
                    <Button
                      id={id(`rank-${optionId}-down`)}
                      appearance="subtle-button"
                      aria-label={`${t('sessions.poll.rankDown')}: ${text.optionLabel(poll, optionId)}`}
                      onClick={() => moveRank(index, 1)}
                    >
                      {t('sessions.poll.rankDown')}
                    </Button>
                  )}
                </span>
              </li>
            ))}
          </ol>
        </fieldset>
      )}
      {poll.kind === 'dot_voting' && (
        <fieldset
          id={id('choice')}
          className="dt-row dt-dots"
          aria-describedby={errors.points ? `${id('points-error')} ${id('points-left')}` : id('points-left')}
          aria-invalid={errors.points ? true : undefined}
        >
          <legend className="dt-row__legend">{t('sessions.poll.yourChoice')}</legend>
          <Paragraph appearance="small">{t('sessions.poll.pointsIntro', { count: poll.points ?? 0 })}</Paragraph>
          {errors.points && (
            <Paragraph id={id('points-error')} className="dt-field-error">
              {errors.points}
            </Paragraph>
          )}
          <div className="dt-dots__grid">
            {poll.options.map((o) => {
              const value = draft.points[o.id] ?? '0';
              // Plus and minus steppers for one thumb on a phone; the number can still be typed.
              const step = (by: -1 | 1) => {
                const next = Math.max(0, (whole(value) || 0) + by);
                set({ points: { ...draft.points, [o.id]: String(next) } });
              };
              return (
                <div key={o.id} className="dt-stepper">
                  <TextField
                    id={id(`points-${o.id}`)}
                    inputMode="numeric"
                    label={t('sessions.poll.pointsFor', { label: o.label })}
                    value={value}
                    onChange={(v) => set({ points: { ...draft.points, [o.id]: v } })}
                    className="dt-input-short"
                    error={errors[`points.${o.id}`]}
                  />
                  <span className="dt-stepper__buttons">
                    <Button appearance="secondary-action-button" className="dt-stepper__button" aria-label={t('room.dots.less', { label: o.label })} disabled={(whole(value) || 0) <= 0} onClick={() => step(-1)}>
                      −
                    </Button>
                    <Button appearance="secondary-action-button" className="dt-stepper__button" aria-label={t('room.dots.more', { label: o.label })} disabled={pointsGiven >= (poll.points ?? 0)} onClick={() => step(1)}>
                      +
                    </Button>
                  </span>
                </div>
              );
            })}
          </div>
          <Paragraph id={id('points-left')} className="dt-dots__left">
            {pointsGiven > (poll.points ?? 0)
              ? t('sessions.poll.pointsOver', { count: pointsGiven - (poll.points ?? 0), total: poll.points ?? 0 })
              : t('sessions.poll.pointsLeft', { left: (poll.points ?? 0) - pointsGiven, total: poll.points ?? 0 })}
          </Paragraph>
        </fieldset>
      )}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
          {submitLabel ?? (mine ? t('sessions.poll.change') : t('sessions.poll.vote'))}
        </Button>
      </ButtonGroup>
    </form>
  );
}
