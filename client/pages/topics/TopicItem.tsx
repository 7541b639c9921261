import { Button, ButtonGroup, Heading3, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { TopicDto } from '../../../shared/schemas/topics';
import { RouterLink } from '../../components/RouterLink';
import { TopicStatusBadge } from './TopicStatusBadge';
import { NewMarker } from '../calendar/visit-context';

export interface TopicItemProps {
  trajectoryId: string;
  topic: TopicDto;
  position: number;
  count: number;
  mayDecide: boolean;
  mayReorder: boolean;
  onAccept: () => void;
  onDecline: () => void;
  onUp: () => void;
  onDown: () => void;
}

export function TopicItem({ trajectoryId, topic, position, count, mayDecide, mayReorder, onAccept, onDecline, onUp, onDown }: TopicItemProps) {
  const { t } = useTranslation();
  const titleId = `topic-${topic.id}-title`;
  return (
    <OrderedListItem className="dt-topic" data-testid="topic" aria-labelledby={titleId}>
      <div className="dt-topic__head">
        <Heading3 id={titleId} className="dt-topic__title" tabIndex={-1}>
          {topic.title}
        </Heading3>
        <TopicStatusBadge status={topic.status} />
        <NewMarker changedAt={topic.createdAt} />
      </div>
      {topic.description && <Paragraph className="dt-topic__description">{topic.description}</Paragraph>}
      <Paragraph>
        <RouterLink to={`/trajecten/${trajectoryId}/onderwerpen/${topic.id}`} aria-label={`${t('outcomes.openTopic')}: ${topic.title}`}>
          {t('outcomes.openTopic')}
        </RouterLink>
      </Paragraph>
      {topic.proposedBy && (
        <Paragraph appearance="small">{t('topics.proposedBy', { name: topic.proposedBy.name })}</Paragraph>
      )}
      {topic.status === 'declined' && topic.decisionReason && (
        <Paragraph appearance="small">{t('topics.declineReasonShown', { reason: topic.decisionReason })}</Paragraph>
      )}
      {(mayDecide || mayReorder) && (
        <ButtonGroup className="dt-topic__actions">
          {mayDecide && topic.status === 'proposed' && (
            <>
              <Button appearance="primary-action-button" onClick={onAccept} aria-describedby={titleId}>
                {t('topics.accept')}
              </Button>
              <Button appearance="secondary-action-button" onClick={onDecline} aria-describedby={titleId}>
                {t('topics.decline')}
              </Button>
            </>
          )}
          {mayReorder && position > 1 && (
            <Button id={`topic-${topic.id}-up`} appearance="subtle-button" onClick={onUp} aria-label={`${t('topics.moveUp')}: ${topic.title}`}>
              {t('topics.moveUp')}
            </Button>
          )}
          {mayReorder && position < count && (
            <Button id={`topic-${topic.id}-down`} appearance="subtle-button" onClick={onDown} aria-label={`${t('topics.moveDown')}: ${topic.title}`}>
              {t('topics.moveDown')}
            </Button>
          )}
        </ButtonGroup>
      )}
    </OrderedListItem>
  );
}
