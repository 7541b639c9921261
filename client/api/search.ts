import { call } from './call';

// Search across one trajectory.
export const searchApi = {
  search: (trajectoryId: string, q: string, signal?: AbortSignal) => call('searchTrajectory', { params: { trajectoryId }, query: { q } }, signal),
};
