import { Alert, Button, ButtonGroup, Checkbox, FormField, FormFieldDescription, FormLabel, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { consultationApi, consultationConflict } from '../../api/consultations';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import type { FieldErrors } from '../../components/forms/field-errors';
import { TextAreaField, TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import type { ReactionDto } from '../../../shared/schemas/consultations';
import { maxReactionLength } from './consultation-helpers';
import { onBehalfError } from '../clause/OnBehalfChoice';

export interface ReactFormProps {
  trajectoryId: string;
  consultationId: string;
  clause: { clauseId: string; number: number };
  mayBeAnonymous: boolean;
  /** The facilitator or the procurement team records the reaction for someone without an account (issue 16). */
  onBehalf?: boolean;
  onReacted: (reaction: ReactionDto) => void;
  /** The server refused (closed meanwhile): load again. */
  onStale: () => void;
}

/**
 * A member's reaction on one clause; a client representative may give it anonymously. With
 * `onBehalf`, the facilitator or the procurement team records one for someone without an account,
 * described in a few words ("een jongere van Team Ed"); it is marked so everywhere.
 */
export function ReactForm({ trajectoryId, consultationId, clause, mayBeAnonymous, onBehalf = false, onReacted, onStale }: ReactFormProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [text, setText] = useState('');
  const [description, setDescription] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const fieldId = onBehalf ? `react-on-behalf-${clause.clauseId}` : `react-${clause.clauseId}`;

  const localErrors = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (onBehalf) {
      const behalf = onBehalfError({ checked: true, description });
      if (behalf) errors.onBehalfOf = t(`onBehalf.${behalf}`);
    }
    const trimmed = text.trim();
    if (!trimmed) errors.text = t('consultation.react.required');
    else if (trimmed.length > maxReactionLength) errors.text = t('fieldError.tooLong');
    return errors;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    let created: ReactionDto | undefined;
    let stale = false;
    const ok = await submission.submit(async () => {
      try {
        created = onBehalf
          ? await consultationApi.reactOnBehalf(trajectoryId, consultationId, { clauseId: clause.clauseId, text: text.trim(), onBehalfOf: description.trim() })
          : await consultationApi.react(trajectoryId, consultationId, { clauseId: clause.clauseId, text: text.trim(), ...(mayBeAnonymous ? { anonymous } : {}) });
      } catch (caught) {
        // Closed or published meanwhile: the message says so, and the page loads again without the form.
        stale = consultationConflict(caught) !== undefined;
        throw caught;
      }
    }, localErrors());
    if (!ok) {
      if (stale) onStale();
      return;
    }
    if (created) {
      setText('');
      setDescription('');
      setAnonymous(false);
      setDone(created.onBehalfOf ? t('onBehalf.reactionDone', { description: created.onBehalfOf }) : t('consultation.react.done'));
      onReacted(created);
    }
  };

  const textLabel = onBehalf ? t('onBehalf.reactionLabel', { number: clause.number }) : t('consultation.react.label', { number: clause.number });
  const summary = submission.summary({
    ...(onBehalf ? { onBehalfOf: { target: `${fieldId}-description`, label: t('onBehalf.description') } } : {}),
    text: { target: fieldId, label: textLabel },
  });
  return (
    <>
      <div role="status" data-testid="react-status">
        {done && (
          <Alert type="ok" role="none">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        className={`dt-form dt-consultation__react${onBehalf ? ' dt-on-behalf' : ''}`}
        data-testid={onBehalf ? 'react-on-behalf-form' : 'react-form'}
      >
        {onBehalf && (
          <>
            <Heading3 id={`${fieldId}-title`}>{t('onBehalf.reactionTitle')}</Heading3>
            <Paragraph className="dt-hint">{t('onBehalf.choiceHint')}</Paragraph>
          </>
        )}
        {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
        {onBehalf && (
          <TextField
            id={`${fieldId}-description`}
            label={t('onBehalf.description')}
            description={t('onBehalf.descriptionHint')}
            value={description}
            onChange={(value) => {
              setDescription(value);
              setDone(null);
            }}
            maxLength={120}
            required
            error={errorFor(submission.fieldErrors, 'onBehalfOf')}
          />
        )}
        <TextAreaField
          id={fieldId}
          label={textLabel}
          description={t('consultation.react.hint')}
          value={text}
          onChange={(value) => {
            setText(value);
            setDone(null);
          }}
          rows={4}
          required
          error={errorFor(submission.fieldErrors, 'text')}
        />
        {mayBeAnonymous && <AnonymousChoiceForConsultation id={`${fieldId}-anonymous`} checked={anonymous} onChange={setAnonymous} />}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
            {onBehalf ? t('onBehalf.reactionSubmit') : t('consultation.react.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}

/** For client representatives: react without one's name (the agreement's anonymity rule). */
function AnonymousChoiceForConsultation({ id, checked, onChange }: { id: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <FormField type="checkbox" className="dt-choice dt-anonymous">
      <Checkbox id={id} checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={`${id}-description`} className="utrecht-form-field__input" />
      <FormLabel htmlFor={id} type="checkbox" checked={checked} className="utrecht-form-field__label">
        {t('consultation.react.anonymous')}
      </FormLabel>
      <FormFieldDescription id={`${id}-description`} className="dt-anonymous__hint">
        {t('consultation.react.anonymousHint')}
      </FormFieldDescription>
    </FormField>
  );
}
