import { useOutletContext } from 'react-router-dom';
import type { TrajectoryAction } from '../../../shared/domain/permissions';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';

export interface TrajectoryContext {
  trajectory: TrajectoryDto;
  /** Whether to offer a control; the server decides again. */
  may: (action: TrajectoryAction) => boolean;
  reload: () => void;
}

export function useTrajectory(): TrajectoryContext {
  return useOutletContext<TrajectoryContext>();
}
