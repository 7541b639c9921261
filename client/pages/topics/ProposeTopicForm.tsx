import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { topicApi } from '../../api/topics';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { TextAreaField, TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import type { TopicDto } from '../../../shared/schemas/topics';

export interface ProposeTopicFormProps {
  trajectoryId: string;
  /** The procurement team's own proposals are on the list at once. */
  directlyAccepted: boolean;
  onProposed: (topic: TopicDto) => void;
}

export function ProposeTopicForm({ trajectoryId, directlyAccepted, onProposed }: ProposeTopicFormProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [done, setDone] = useState<TopicDto | undefined>(undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    let created: TopicDto | undefined;
    const ok = await submission.submit(
      async () => {
        created = await topicApi.propose(trajectoryId, { title: title.trim(), description: description.trim() });
      },
      title.trim() ? {} : { title: t('fieldError.required') },
    );
    if (ok && created) {
      setDone(created);
      setTitle('');
      setDescription('');
      onProposed(created);
    }
  };
  const summary = submission.summary({
    title: { target: 'topic-title', label: t('topics.proposeName') },
    description: { target: 'topic-description', label: t('topics.proposeDescription') },
  });

  return (
    <section aria-labelledby="propose-heading" className="dt-form-section">
      <Heading2 id="propose-heading">{t('topics.proposeTitle')}</Heading2>
      <Paragraph>{directlyAccepted ? t('topics.proposeIntroTeam') : t('topics.proposeIntro')}</Paragraph>
      <div role="status">
        {done && (
          <Alert type="ok" role="none">
            <Paragraph>
              {done.status === 'proposed'
                ? t('topics.proposedDone', { title: done.title })
                : t('topics.addedDone', { title: done.title })}
            </Paragraph>
          </Alert>
        )}
      </div>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
        {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
        <TextField
          id="topic-title"
          label={t('topics.proposeName')}
          value={title}
          onChange={(value) => {
            setTitle(value);
            setDone(undefined);
          }}
          required
          error={errorFor(submission.fieldErrors, 'title')}
        />
        <TextAreaField
          id="topic-description"
          label={t('topics.proposeDescription')}
          description={t('topics.proposeDescriptionHint')}
          value={description}
          onChange={setDescription}
          rows={4}
          error={errorFor(submission.fieldErrors, 'description')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
            {directlyAccepted ? t('topics.proposeSubmitTeam') : t('topics.proposeSubmit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
