import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementApi } from '../../api/agreement';
import { CheckboxGroup } from '../../components/forms/ChoiceGroup';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { TextAreaField, TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import type { ChapterDto } from '../../../shared/schemas/agreement';
import type { TopicDto } from '../../../shared/schemas/topics';
import type { ChangeAgreement } from './AgreementPage';

export interface AddClauseFormProps {
  trajectoryId: string;
  chapter: ChapterDto;
  topics: TopicDto[];
  change: ChangeAgreement;
}

/** The procurement team adds a clause at the end of a chapter, optionally with topics and a first text. */
export function AddClauseForm({ trajectoryId, chapter, topics, change }: AddClauseFormProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [topicIds, setTopicIds] = useState<string[]>([]);
  const [text, setText] = useState('');
  const prefix = `chapter-${chapter.id}-new-clause`;
  // Topics on the agenda (or being discussed, or done); not proposals that were declined.
  const choosable = topics.filter((x) => x.status !== 'declined' && x.status !== 'proposed');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const value = title.trim();
    const ok = await submission.submit(
      async () => {
        const done = await change(
          () => agreementApi.addClause(trajectoryId, { chapterId: chapter.id, title: value, topicIds, text }),
          () => t('agreement.manage.clauseAdded', { title: value }),
        );
        if (!done) throw new Error('not added');
      },
      value ? {} : { title: t('fieldError.required') },
    );
    if (ok) {
      setTitle('');
      setTopicIds([]);
      setText('');
    }
  };
  const summary = submission.summary({
    title: { target: `${prefix}-title`, label: t('agreement.manage.clauseTitle') },
    topicIds: { target: `${prefix}-topics`, label: t('agreement.manage.clauseTopics') },
    text: { target: `${prefix}-text`, label: t('agreement.manage.clauseText') },
  });

  return (
    <details className="dt-add-clause" open={open} onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary aria-label={t('agreement.manage.addClauseLabel', { number: chapter.number })}>{t('agreement.manage.addClause')}</summary>
      {open && (
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
          <Paragraph>{t('agreement.manage.addClauseIntro')}</Paragraph>
          {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
          <TextField
            id={`${prefix}-title`}
            label={t('agreement.manage.clauseTitle')}
            description={t('agreement.manage.clauseTitleHint')}
            value={title}
            onChange={setTitle}
            required
            error={errorFor(submission.fieldErrors, 'title')}
          />
          {choosable.length > 0 && (
            <CheckboxGroup
              id={`${prefix}-topics`}
              legend={t('agreement.manage.clauseTopics')}
              description={t('agreement.manage.clauseTopicsHint')}
              options={choosable.map((x) => ({ value: x.id, label: x.title }))}
              values={topicIds}
              onChange={setTopicIds}
              error={errorFor(submission.fieldErrors, 'topicIds')}
            />
          )}
          <TextAreaField
            id={`${prefix}-text`}
            label={t('agreement.manage.clauseText')}
            description={t('agreement.manage.clauseTextHint')}
            value={text}
            onChange={setText}
            rows={5}
            error={errorFor(submission.fieldErrors, 'text')}
          />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={submission.busy}>
              {t('agreement.manage.addClause')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </details>
  );
}
