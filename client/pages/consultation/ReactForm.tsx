import { Alert, Button, ButtonGroup, Checkbox, FormField, FormFieldDescription, FormLabel, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { consultationApi, consultationConflict } from '../../api/consultations';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import type { FieldErrors } from '../../components/forms/field-errors';
import { TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import type { ReactionDto } from '../../../shared/schemas/consultations';
import { maxReactionLength } from './consultation-helpers';

export interface ReactFormProps {
  trajectoryId: string;
  consultationId: string;
  clause: { clauseId: string; number: number };
  mayBeAnonymous: boolean;
  onReacted: (reaction: ReactionDto) => void;
  /** The server refused (closed meanwhile): load again. */
  onStale: () => void;
}

/** A member's reaction on one clause; a client representative may give it anonymously. */
export function ReactForm({ trajectoryId, consultationId, clause, mayBeAnonymous, onReacted, onStale }: ReactFormProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [done, setDone] = useState(false);
  const fieldId = `react-${clause.clauseId}`;

  const localErrors = (): FieldErrors => {
    const trimmed = text.trim();
    if (!trimmed) return { text: t('consultation.react.required') };
    if (trimmed.length > maxReactionLength) return { text: t('fieldError.tooLong') };
    return {};
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    let created: ReactionDto | undefined;
    let stale = false;
    const ok = await submission.submit(async () => {
      try {
        created = await consultationApi.react(trajectoryId, consultationId, { clauseId: clause.clauseId, text: text.trim(), ...(mayBeAnonymous ? { anonymous } : {}) });
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
      setAnonymous(false);
      setDone(true);
      onReacted(created);
    }
  };

  const summary = submission.summary({ text: { target: fieldId, label: t('consultation.react.label', { number: clause.number }) } });
  return (
    <>
      <div role="status" data-testid="react-status">
        {done && (
          <Alert type="ok" role="none">
            <Paragraph>{t('consultation.react.done')}</Paragraph>
          </Alert>
        )}
      </div>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form dt-consultation__react" data-testid="react-form">
        {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
        <TextAreaField
          id={fieldId}
          label={t('consultation.react.label', { number: clause.number })}
          description={t('consultation.react.hint')}
          value={text}
          onChange={(value) => {
            setText(value);
            setDone(false);
          }}
          rows={4}
          required
          error={errorFor(submission.fieldErrors, 'text')}
        />
        {mayBeAnonymous && <AnonymousChoiceForConsultation id={`${fieldId}-anonymous`} checked={anonymous} onChange={setAnonymous} />}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
            {t('consultation.react.submit')}
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
