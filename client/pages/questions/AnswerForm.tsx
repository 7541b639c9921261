import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { questionApi } from '../../api/questions';
import { FailureAlert } from '../../components/FailureAlert';
import { TextAreaField } from '../../components/forms/TextField';
import type { FieldErrors } from '../../components/forms/field-errors';
import { useSubmission } from '../../components/forms/useSubmission';
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
  const [saved, setSaved] = useState(false);
  // The server's check of the text is said at the field; a refusal (published meanwhile, …) in a message.
  const submission = useSubmission({
    fieldErrorsFor: (error): FieldErrors => (error.code === 'validation_failed' ? { answer: t('fieldError.generic') } : {}),
    focusFields: { answer: fieldId },
    onFailure: (error) => {
      if (conflictReason(error) === 'published') onStale();
    },
  });
  const failure = submission.failure;

  useEffect(() => {
    if (serverAnswer === base) return;
    if (draft === base) setDraft(serverAnswer);
    setBase(serverAnswer);
    // Only a change on the server matters here; the draft is read as it is at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverAnswer]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const answer = draft.trim();
    const localError = !answer
      ? t('questions.team.required')
      : answer.length > maxAnswerLength
        ? t('questions.team.tooLong', { max: maxAnswerLength })
        : undefined;
    await submission.submit(
      async () => {
        const updated = await questionApi.answer(trajectoryId, question.id, { answer });
        setBase(updated.answer ?? '');
        setDraft(updated.answer ?? '');
        setSaved(true);
        onSaved(updated);
      },
      localError ? { answer: localError } : {},
    );
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form dt-answer-form" data-testid="answer-form">
      {failure && (
        <FailureAlert
          message={conflictReason(failure) === 'published' ? t('questions.team.alreadyPublished') : errorMessage(failure)}
          focusRef={submission.summaryRef}
          focusClassName="dt-questions__failure"
        />
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
        error={submission.fieldErrors.answer}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={submission.busy} aria-describedby={headingId}>
          {t('questions.team.save')}
        </Button>
      </ButtonGroup>
      <div role="status" data-testid="answer-status">
        {saved && <Paragraph className="dt-questions__saved">{t('questions.team.saved')}</Paragraph>}
      </div>
    </form>
  );
}
