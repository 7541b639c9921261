import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { CheckboxGroup, RadioGroup } from '../components/forms/ChoiceGroup';
import { ErrorSummary } from '../components/forms/ErrorSummary';
import type { FieldErrors } from '../components/forms/field-errors';
import { errorFor } from '../components/forms/field-errors';
import { TextAreaField, TextField } from '../components/forms/TextField';
import { useSubmission } from '../components/forms/useSubmission';
import { pollKinds, stakeholderGroups } from '../../shared/live-table/polls';
import { votingGroups } from '../../shared/policy';
import type { PayloadOf } from '../realtime/events';
import type { LiveSession, LiveSnapshot } from './useLiveSession';
import type { PollKind, StakeholderGroup } from '../../shared/live-table/polls';
import { usePollText } from './poll-text';

/** The poll's settings as `poll:open` takes them (the socket contract). */
type PollSettingsPayload = PayloadOf<'poll:open'>['settings'];

interface OptionRow {
  key: number;
  label: string;
}

interface PollForm {
  kind: PollKind;
  question: string;
  options: OptionRow[];
  maxChoices: string;
  points: string;
  secrecy: 'named' | 'anonymous';
  visibility: 'live' | 'after_close';
  eligible: StakeholderGroup[];
}

let nextKey = 1;
const freshForm = (): PollForm => ({
  kind: 'consent',
  question: '',
  options: [
    { key: nextKey++, label: '' },
    { key: nextKey++, label: '' },
  ],
  maxChoices: '',
  points: '10',
  secrecy: 'named',
  visibility: 'live',
  eligible: [],
});

const whole = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN);

export interface OpenPollDialogProps {
  open: boolean;
  live: LiveSnapshot;
  send: LiveSession['send'];
  onClose: () => void;
}

/** The facilitator's form for a poll: its kind, question, options and who votes how. */
export function OpenPollDialog({ open, live, send, onClose }: OpenPollDialogProps) {
  const { t } = useTranslation();
  const text = usePollText();
  const submission = useSubmission();
  const [form, setForm] = useState<PollForm>(freshForm);
  const set = (patch: Partial<PollForm>) => setForm((current) => ({ ...current, ...patch }));
  const focusOption = useRef<number | undefined>(undefined);
  const { clear } = submission;

  useEffect(() => {
    if (!open) return;
    setForm(freshForm());
    clear();
  }, [open, clear]);

  useEffect(() => {
    if (focusOption.current === undefined) return;
    document.getElementById(`poll-option-${focusOption.current}`)?.focus();
    focusOption.current = undefined;
  });

  const topic = live.session.status === 'live' ? live.session.agenda[live.currentIndex] : undefined;
  const withOptions = form.kind !== 'consent';

  const build = (): { settings: PollSettingsPayload; errors: FieldErrors } => {
    const errors: FieldErrors = {};
    if (!form.question.trim()) errors['settings.question'] = t('fieldError.required');
    const labels = form.options.map((o) => o.label.trim()).filter(Boolean);
    const settings: PollSettingsPayload = {
      kind: form.kind,
      question: form.question.trim(),
      anonymous: form.secrecy === 'anonymous',
      resultsVisibility: form.visibility,
      eligibleGroups: form.eligible,
    };
    if (withOptions) {
      if (labels.length < 2 || new Set(labels.map((l) => l.toLowerCase())).size !== labels.length) {
        errors['settings.options'] = t('sessions.poll.form.errors.options');
      }
      settings.options = labels.map((label, index) => ({ id: `o${index + 1}`, label }));
    }
    if (form.kind === 'multiple_choice' && form.maxChoices.trim()) {
      const max = whole(form.maxChoices);
      if (!(max >= 1 && max <= Math.max(1, labels.length))) errors['settings.maxChoices'] = t('sessions.poll.form.errors.maxChoices');
      else settings.maxChoices = max;
    }
    if (form.kind === 'dot_voting') {
      const points = whole(form.points);
      if (!(points >= 1 && points <= 100)) errors['settings.points'] = t('sessions.poll.form.errors.points');
      else settings.points = points;
    }
    return { settings, errors };
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { settings, errors } = build();
    const ok = await submission.submit(async () => {
      await send('poll:open', { sessionId: live.session.id, settings });
    }, errors);
    if (ok) onClose();
  };

  const errors = submission.fieldErrors;
  const summary = submission.summary({
    'settings.kind': { target: 'poll-kind', label: t('sessions.poll.form.kind') },
    'settings.question': { target: 'poll-question', label: t('sessions.poll.form.question') },
    'settings.options': { target: 'poll-options', label: t('sessions.poll.form.options') },
    'settings.maxChoices': { target: 'poll-max', label: t('sessions.poll.form.maxChoices') },
    'settings.points': { target: 'poll-points', label: t('sessions.poll.form.points') },
    'settings.eligibleGroups': { target: 'poll-eligible', label: t('sessions.poll.form.eligible') },
    settings: { target: 'poll-question', label: t('sessions.poll.form.title') },
  });

  return (
    <Dialog open={open} title={t('sessions.poll.form.title')} onClose={onClose}>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form dt-poll-form">
        <Paragraph>
          {topic ? t('sessions.poll.form.intro', { topic: topic.title }) : t('sessions.poll.form.introNoTopic')}
        </Paragraph>
        {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
        <RadioGroup
          id="poll-kind"
          name="poll-kind"
          legend={t('sessions.poll.form.kind')}
          value={form.kind}
          onChange={(kind) => set({ kind: kind as PollKind })}
          options={pollKinds.map((kind) => ({
            value: kind,
            label: (
              <>
                <strong>{t(`sessions.poll.kinds.${kind}`)}</strong> – {t(`sessions.poll.kindHints.${kind}`)}
              </>
            ),
          }))}
        />
        <TextAreaField
          id="poll-question"
          label={t('sessions.poll.form.question')}
          description={t('sessions.poll.form.questionHint')}
          value={form.question}
          onChange={(question) => set({ question })}
          rows={3}
          required
          data-autofocus
          error={errorFor(errors, 'settings.question')}
        />
        {withOptions && (
          <fieldset id="poll-options" className="dt-row" aria-describedby={errors['settings.options'] ? 'poll-options-error' : undefined}>
            <legend className="dt-row__legend">{t('sessions.poll.form.options')}</legend>
            <Paragraph appearance="small">{t('sessions.poll.form.optionsHint')}</Paragraph>
            {errors['settings.options'] && (
              <Paragraph id="poll-options-error" className="dt-field-error">
                {errors['settings.options']}
              </Paragraph>
            )}
            {form.options.map((option, index) => (
              <div key={option.key} className="dt-inline-form">
                <TextField
                  id={`poll-option-${index}`}
                  label={t('sessions.poll.form.option', { n: index + 1 })}
                  value={option.label}
                  onChange={(label) => set({ options: form.options.map((o) => (o.key === option.key ? { ...o, label } : o)) })}
                />
                {form.options.length > 2 && (
                  <ButtonGroup>
                    <Button
                      appearance="subtle-button"
                      onClick={() => {
                        set({ options: form.options.filter((o) => o.key !== option.key) });
                        focusOption.current = Math.max(0, index - 1);
                      }}
                    >
                      {t('sessions.poll.form.removeOption', { n: index + 1 })}
                    </Button>
                  </ButtonGroup>
                )}
              </div>
            ))}
            <ButtonGroup>
              <Button
                appearance="secondary-action-button"
                onClick={() => {
                  focusOption.current = form.options.length;
                  set({ options: [...form.options, { key: nextKey++, label: '' }] });
                }}
              >
                {t('sessions.poll.form.addOption')}
              </Button>
            </ButtonGroup>
          </fieldset>
        )}
        {form.kind === 'multiple_choice' && (
          <TextField
            id="poll-max"
            inputMode="numeric"
            label={t('sessions.poll.form.maxChoices')}
            value={form.maxChoices}
            onChange={(maxChoices) => set({ maxChoices })}
            className="dt-input-short"
            error={errorFor(errors, 'settings.maxChoices')}
          />
        )}
        {form.kind === 'dot_voting' && (
          <TextField
            id="poll-points"
            inputMode="numeric"
            label={t('sessions.poll.form.points')}
            value={form.points}
            onChange={(points) => set({ points })}
            className="dt-input-short"
            error={errorFor(errors, 'settings.points')}
          />
        )}
        <RadioGroup
          id="poll-secrecy"
          name="poll-secrecy"
          legend={t('sessions.poll.form.secrecy')}
          value={form.secrecy}
          onChange={(secrecy) => set({ secrecy: secrecy as PollForm['secrecy'] })}
          options={[
            { value: 'named', label: t('sessions.poll.named') },
            { value: 'anonymous', label: t('sessions.poll.anonymous') },
          ]}
        />
        <RadioGroup
          id="poll-visibility"
          name="poll-visibility"
          legend={t('sessions.poll.form.visibility')}
          value={form.visibility}
          onChange={(visibility) => set({ visibility: visibility as PollForm['visibility'] })}
          options={[
            { value: 'live', label: t('sessions.poll.form.visibilityLive') },
            { value: 'after_close', label: t('sessions.poll.form.visibilityAfter') },
          ]}
        />
        <CheckboxGroup
          id="poll-eligible"
          legend={t('sessions.poll.form.eligible')}
          description={t('sessions.poll.form.eligibleHint')}
          values={form.eligible}
          onChange={(values) => set({ eligible: values as StakeholderGroup[] })}
          options={stakeholderGroups.filter((group) => votingGroups.includes(group)).map((group) => ({ value: group, label: text.group(group) }))}
          error={errorFor(errors, 'settings.eligibleGroups')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
            {t('sessions.poll.form.submit')}
          </Button>
          <Button appearance="secondary-action-button" onClick={onClose}>
            {t('cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Dialog>
  );
}
