import { StatusBadge } from '@utrecht/component-library-react';
import { useLabels } from '../../labels/useLabels';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';

type PhaseStatus = TrajectoryDto['phases'][number]['status'];
const badge: Record<PhaseStatus, string> = { planned: 'neutral', active: 'active', done: 'safe' };

export function PhaseStatusBadge({ status }: { status: PhaseStatus }) {
  const labels = useLabels();
  return (
    <StatusBadge status={badge[status]} className="dt-badge">
      {labels.phaseStatus(status)}
    </StatusBadge>
  );
}
