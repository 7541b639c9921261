import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { questionApi } from '../../api/questions';
import { TextAreaField } from '../../components/forms/TextField';
import { useErrorMessage } from '../../components/useErrorMessage';
import type { QuestionDto } from '../../../shared/schemas/questions';
import { conflictReason, maxAnswerLength } from './question-helpers';

export interface AnswerFormProps {
  trajectoryId: string;
  question: QuestionDto;
  /** The id of the question's heading, to tie the button to the question it saves. */
  headingId: string;
  onSaved: (question: QuestionDto) => void;
  /** The server said the question was published meanwhile: load again. */
  onStale: () => void;
}

/**
 * The procurement team's draft answer to one question. A live refresh brings a colleague's
 * saved answer in, unless this person is changing the answer at that moment.
 */
export function AnswerForm({ trajectoryId, question, headingId, onSaved, onStale }: AnswerFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const fieldId = `answer-${question.id}`;
  const serverAnswer = question.answer ?? '';
  const [draft, setDraft] = useState(serverAnswer);
  const [base, setBase] = useState(serverAnswer);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempts, setAttempts] = useState(0);
  const running = useRef(false);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (serverAnswer === base) return;
    if (draft === base) setDraft(serverAnswer);
    setBase(serverAnswer);
    // Only a change on the server matters here; the draft is read as it is at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverAnswer]);

  // After a failed attempt: to the field when the field is the problem, otherwise to the message.
  useEffect(() => {
    if (attempts === 0) return;
    if (fieldError) document.getElementById(fieldId)?.focus();
    else if (failure) failureRef.current?.focus();
  }, [attempts, fieldError, failure, fieldId]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (running.current) return;
    setSaved(false);
    const answer = draft.trim();
    const localError = !answer
      ? t('questions.team.required')
      : answer.length > maxAnswerLength
        ? t('questions.team.tooLong', { max: maxAnswerLength })
        : undefined;
    if (localError) {
      setFailure(undefined);
      setFieldError(localError);
      setAttempts((n) => n + 1);
      return;
    }
    running.current = true;
    setBusy(true);
    try {
      const updated = await questionApi.answer(trajectoryId, question.id, { answer });
      setFieldError(undefined);
      setFailure(undefined);
      setBase(updated.answer ?? '');
      setDraft(updated.answer ?? '');
      setSaved(true);
      onSaved(updated);
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : new ApiError(0, 'internal', String(caught));
      setFieldError(undefined);
      if (conflictReason(apiError) === 'published') {
        setFailure(t('questions.team.alreadyPublished'));
        onStale();
      } else if (apiError.code === 'validation_failed') {
        setFieldError(t('fieldError.generic'));
      } else {
        setFailure(errorMessage(apiError));
      }
      setAttempts((n) => n + 1);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form dt-answer-form" data-testid="answer-form">
      {failure && (
        <div ref={failureRef} tabIndex={-1} className="dt-questions__failure">
          <Alert type="error" role="alert">
            <Paragraph>{failure}</Paragraph>
          </Alert>
        </div>
      )}
      <TextAreaField
        id={fieldId}
        label={t('questions.team.answer')}
        description={t('questions.team.answerHint')}
        value={draft}
        onChange={(value) => {
          setDraft(value);
          setSaved(false);
        }}
        rows={5}
        required
        error={fieldError}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={busy} aria-describedby={headingId}>
          {t('questions.team.save')}
        </Button>
      </ButtonGroup>
      <div role="status" data-testid="answer-status">
        {saved && <Paragraph className="dt-questions__saved">{t('questions.team.saved')}</Paragraph>}
      </div>
    </form>
  );
}
