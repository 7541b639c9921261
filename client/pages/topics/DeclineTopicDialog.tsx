import { useTranslation } from 'react-i18next';
import { topicApi } from '../../api/topics';
import { ReasonDialog } from '../../components/ReasonDialog';
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
  return (
    <ReasonDialog
      subject={topic}
      fieldId="decline-reason"
      title={t('topics.declineTitle')}
      intro={topic ? t('topics.declineIntro', { title: topic.title }) : ''}
      label={t('topics.declineReason')}
      hint={t('topics.declineReasonHint')}
      submitLabel={t('topics.declineSubmit')}
      backLabel={t('cancel')}
      act={(reason) => topicApi.decide(trajectoryId, topic!.id, { decision: 'decline', reason })}
      onClose={onClose}
      onDone={onDeclined}
    />
  );
}
