import { Alert, Button, ButtonGroup, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { questionApi } from '../../api/questions';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import type { FieldErrors } from '../../components/forms/field-errors';
import { describedBy, FieldFrame, TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import type { QuestionDto } from '../../../shared/schemas/questions';
import { conflictReason, maxQuestionLength } from './question-helpers';

export interface AboutChoice {
  topics: Array<{ id: string; title: string }>;
  clauses: Array<{ id: string; label: string }>;
}

export interface AskQuestionFormProps {
  trajectoryId: string;
  choices: AboutChoice;
  onAsked: (question: QuestionDto) => void;
  /** The server said the deadline has passed: the question was not sent. */
  onRefused: (text: string) => void;
}

// One choice for what the question is about: a topic, a clause, or nothing in particular.
const encode = (kind: 'topic' | 'clause', id: string) => `${kind}:${id}`;
function decode(value: string): { topicId: string | null; clauseId: string | null } {
  const [kind, id] = value.split(':');
  return { topicId: kind === 'topic' && id ? id : null, clauseId: kind === 'clause' && id ? id : null };
}

export function AskQuestionForm({ trajectoryId, choices, onAsked, onRefused }: AskQuestionFormProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [text, setText] = useState('');
  const [about, setAbout] = useState('');
  const [done, setDone] = useState(false);

  const localErrors = (): FieldErrors => {
    const trimmed = text.trim();
    if (!trimmed) return { text: t('questions.ask.required') };
    if (trimmed.length > maxQuestionLength) return { text: t('questions.ask.tooLong', { max: maxQuestionLength }) };
    return {};
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    let created: QuestionDto | undefined;
    let refused = false;
    const ok = await submission.submit(async () => {
      try {
        created = await questionApi.ask(trajectoryId, { text: text.trim(), ...decode(about) });
      } catch (caught) {
        // After the deadline the server refuses; that is no fault in the form, so it is told above it.
        if (conflictReason(caught) !== 'deadline_passed') throw caught;
        refused = true;
      }
    }, localErrors());
    if (!ok) return;
    if (refused) {
      onRefused(text.trim());
      return;
    }
    if (created) {
      setText('');
      setAbout('');
      setDone(true);
      onAsked(created);
    }
  };

  // The server's messages for the choice ("is not a topic of this trajectory") say: choose again.
  const fieldErrors = { ...submission.fieldErrors };
  for (const key of ['topicId', 'clauseId']) {
    if (fieldErrors[key]) {
      delete fieldErrors[key];
      fieldErrors.about = t('questions.ask.aboutInvalid');
    }
  }
  const summary = submission.summary({
    text: { target: 'question-text', label: t('questions.ask.text') },
    topicId: { target: 'question-about', label: t('questions.ask.about') },
    clauseId: { target: 'question-about', label: t('questions.ask.about') },
  });
  if (summary) {
    for (const item of summary.items) if (item.target === 'question-about') item.message = t('questions.ask.aboutInvalid');
  }
  const aboutError = errorFor(fieldErrors, 'about');

  return (
    <>
      <div role="status" data-testid="ask-status">
        {done && (
          <Alert type="ok" role="none">
            <Paragraph>{t('questions.ask.done')}</Paragraph>
          </Alert>
        )}
      </div>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form" data-testid="ask-form">
        {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
        <TextAreaField
          id="question-text"
          label={t('questions.ask.text')}
          description={t('questions.ask.textHint')}
          value={text}
          onChange={(value) => {
            setText(value);
            setDone(false);
          }}
          rows={6}
          required
          error={errorFor(fieldErrors, 'text')}
        />
        {(choices.topics.length > 0 || choices.clauses.length > 0) && (
          <FieldFrame id="question-about" label={t('questions.ask.about')} description={t('questions.ask.aboutHint')} error={aboutError}>
            <Select
              id="question-about"
              value={about}
              invalid={Boolean(aboutError)}
              aria-describedby={describedBy('question-about', t('questions.ask.aboutHint'), aboutError)}
              onChange={(event) => setAbout(event.target.value)}
            >
              <SelectOption value="">{t('questions.ask.aboutNone')}</SelectOption>
              {choices.topics.length > 0 && (
                <optgroup label={t('questions.ask.topicsGroup')}>
                  {choices.topics.map((topic) => (
                    <SelectOption key={topic.id} value={encode('topic', topic.id)}>
                      {topic.title}
                    </SelectOption>
                  ))}
                </optgroup>
              )}
              {choices.clauses.length > 0 && (
                <optgroup label={t('questions.ask.clausesGroup')}>
                  {choices.clauses.map((clause) => (
                    <SelectOption key={clause.id} value={encode('clause', clause.id)}>
                      {clause.label}
                    </SelectOption>
                  ))}
                </optgroup>
              )}
            </Select>
          </FieldFrame>
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
            {t('questions.ask.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
