import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { topicApi } from '../../api/endpoints';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import type { TopicDto } from '../../../shared/schemas/topics';

export interface DeclineTopicDialogProps {
  trajectoryId: string;
  /** The topic to decline; the dialog is open while set. */
  topic: TopicDto | undefined;
  onClose: () => void;
  onDeclined: (topic: TopicDto) => void;
}

/** Declining a proposal needs a reason: the person who proposed it sees what was done with it. */
export function DeclineTopicDialog({ trajectoryId, topic, onClose, onDeclined }: DeclineTopicDialogProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [reason, setReason] = useState('');
  const { clear } = submission;

  useEffect(() => {
    setReason('');
    clear();
  }, [topic?.id, clear]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!topic) return;
    let updated: TopicDto | undefined;
    const ok = await submission.submit(
      async () => {
        updated = await topicApi.decide(trajectoryId, topic.id, { decision: 'decline', reason: reason.trim() });
      },
      reason.trim() ? {} : { reason: t('fieldError.reason') },
    );
    if (ok && updated) onDeclined(updated);
  };
  const summary = submission.summary({ reason: { target: 'decline-reason', label: t('topics.declineReason') } });

  return (
    <Dialog open={Boolean(topic)} title={t('topics.declineTitle')} onClose={onClose}>
      {topic && (
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
          <Paragraph>{t('topics.declineIntro', { title: topic.title })}</Paragraph>
          {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
          <TextAreaField
            id="decline-reason"
            label={t('topics.declineReason')}
            description={t('topics.declineReasonHint')}
            value={reason}
            onChange={setReason}
            rows={4}
            required
            data-autofocus
            error={errorFor(submission.fieldErrors, 'reason')}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
              {t('topics.declineSubmit')}
            </Button>
            <Button appearance="secondary-action-button" onClick={onClose}>
              {t('cancel')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </Dialog>
  );
}
