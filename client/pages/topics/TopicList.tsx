import { OrderedList } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { topicApi } from '../../api/topics';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmission } from '../../components/forms/useSubmission';
import type { TopicDto } from '../../../shared/schemas/topics';
import { DeclineTopicDialog } from './DeclineTopicDialog';
import { TopicItem } from './TopicItem';

export interface TopicListProps {
  trajectoryId: string;
  topics: TopicDto[];
  mayDecide: boolean;
  mayReorder: boolean;
  onTopics: (topics: TopicDto[]) => void;
  onChanged: () => void;
  announce: (message: string) => void;
}

function moved(topics: TopicDto[], index: number, by: -1 | 1): TopicDto[] {
  const next = [...topics];
  const [topic] = next.splice(index, 1);
  next.splice(index + by, 0, topic!);
  return next.map((t, i) => ({ ...t, order: i + 1 }));
}

/** The topics in their order, with the procurement team's controls where they apply. */
export function TopicList({ trajectoryId, topics, mayDecide, mayReorder, onTopics, onChanged, announce }: TopicListProps) {
  const { t } = useTranslation();
  // One change at a time; after a failure the list is loaded again, for it may have changed meanwhile.
  const submission = useSubmission();
  const { busy, error } = submission;
  const [declining, setDeclining] = useState<TopicDto | undefined>(undefined);

  const run = async (action: () => Promise<void>) => {
    if (!(await submission.submit(action))) onChanged();
  };

  // After a decision the buttons that were used are gone; put focus on the topic itself.
  const focusTopic = (topicId: string) =>
    requestAnimationFrame(() => document.getElementById(`topic-${topicId}-title`)?.focus());

  const move = (index: number, by: -1 | 1) =>
    run(async () => {
      const next = moved(topics, index, by);
      const topic = next[index + by]!;
      onTopics(next);
      // Keep focus on the control that was used; if it just disappeared (first or last place), on its twin.
      const direction = by === -1 ? 'up' : 'down';
      const position = index + by;
      const still = direction === 'up' ? position > 0 : position < next.length - 1;
      requestAnimationFrame(() =>
        document.getElementById(`topic-${topic.id}-${still ? direction : direction === 'up' ? 'down' : 'up'}`)?.focus(),
      );
      announce(t('topics.movedTo', { title: topic.title, position: position + 1, count: next.length }));
      const answer = await topicApi.reorder(trajectoryId, next.map((t) => t.id));
      if (Array.isArray(answer)) onTopics(answer);
    });

  const accept = (topic: TopicDto) =>
    run(async () => {
      const updated = await topicApi.decide(trajectoryId, topic.id, { decision: 'accept' });
      onTopics(topics.map((t) => (t.id === updated.id ? updated : t)));
      focusTopic(topic.id);
      announce(t('topics.acceptedAnnouncement', { title: topic.title }));
    });

  return (
    <>
      {error && <ErrorAlert error={error} />}
      <OrderedList className="dt-topic-list" data-testid="topic-list" aria-busy={busy || undefined}>
        {topics.map((topic, index) => (
          <TopicItem
            key={topic.id}
            trajectoryId={trajectoryId}
            topic={topic}
            position={index + 1}
            count={topics.length}
            mayDecide={mayDecide}
            mayReorder={mayReorder}
            onAccept={() => void accept(topic)}
            onDecline={() => setDeclining(topic)}
            onUp={() => void move(index, -1)}
            onDown={() => void move(index, 1)}
          />
        ))}
      </OrderedList>
      <DeclineTopicDialog
        trajectoryId={trajectoryId}
        topic={declining}
        onClose={() => setDeclining(undefined)}
        onDeclined={(updated) => {
          setDeclining(undefined);
          onTopics(topics.map((t) => (t.id === updated.id ? updated : t)));
          focusTopic(updated.id);
          announce(t('topics.declinedAnnouncement', { title: updated.title }));
        }}
      />
    </>
  );
}
