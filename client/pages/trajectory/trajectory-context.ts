import { useOutletContext } from 'react-router-dom';
import type { May } from '../../auth/usePolicy';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';

export interface TrajectoryContext {
  trajectory: TrajectoryDto;
  /** Whether to offer a control; the server decides again. */
  may: May;
  reload: () => void;
  /** Shows a trajectory a write answered, without waiting for a reload. */
  replace: (trajectory: TrajectoryDto) => void;
}

export function useTrajectory(): TrajectoryContext {
  return useOutletContext<TrajectoryContext>();
}
