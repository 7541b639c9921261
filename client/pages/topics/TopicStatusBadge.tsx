import { StatusBadge } from '@utrecht/component-library-react';
import { useLabels } from '../../labels/useLabels';
import type { TopicDto } from '../../../shared/schemas/topics';

const badge: Record<TopicDto['status'], string> = {
  proposed: 'warning',
  accepted: 'safe',
  declined: 'danger',
  in_discussion: 'active',
  concluded: 'neutral',
};

export function TopicStatusBadge({ status }: { status: TopicDto['status'] }) {
  const labels = useLabels();
  return (
    <StatusBadge status={badge[status]} className="dt-badge" data-status={status}>
      {labels.topicStatus(status)}
    </StatusBadge>
  );
}
