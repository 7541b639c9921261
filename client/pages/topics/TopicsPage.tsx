import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { topicApi } from '../../api/topics';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { ProposeTopicForm } from './ProposeTopicForm';
import { TopicList } from './TopicList';

export function TopicsPage() {
  const { t } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const topics = useResource((signal) => topicApi.list(trajectory.id, signal), [trajectory.id]);
  // What just happened, for screen-reader users: a polite status that survives re-renders.
  const [announcement, setAnnouncement] = useState('');
  useTrajectoryChanges(trajectory.id, (what) => {
    if (what === 'topics') topics.reload();
  });

  return (
    <>
      <TrajectoryHeader title={t('topics.title')} />
      <Paragraph>{t('topics.intro')}</Paragraph>
      <div role="status" className="dt-visually-hidden" data-testid="topics-announcement">
        {announcement}
      </div>
      {topics.loading && <LoadingStatus />}
      {topics.error && <ErrorAlert error={topics.error} />}
      {topics.data && (
        <section aria-labelledby="topic-list-heading">
          <Heading2 id="topic-list-heading">{t('topics.listTitle', { count: topics.data.length })}</Heading2>
          {topics.data.length === 0 ? (
            <Paragraph>{t('topics.none')}</Paragraph>
          ) : (
            <TopicList
              trajectoryId={trajectory.id}
              topics={topics.data}
              mayDecide={may('topic.decide')}
              mayReorder={may('topic.update')}
              onTopics={topics.setData}
              onChanged={topics.reload}
              announce={setAnnouncement}
            />
          )}
        </section>
      )}
      {may('topic.propose') && (
        <ProposeTopicForm
          trajectoryId={trajectory.id}
          directlyAccepted={may('topic.decide')}
          onProposed={(topic) => {
            topics.setData((current) => [...(current ?? []).filter((t) => t.id !== topic.id), topic].sort((a, b) => a.order - b.order));
          }}
        />
      )}
    </>
  );
}
