import { searchQuery, type SearchResult } from '../../shared/schemas/search';
import { defineTrajectoryOperation } from '../commands/operation';
import { trajectoryParams } from '../commands/trajectories/trajectory-operations';

/**
 * Searches one trajectory. The trajectory policy lets every seat in (`trajectory.view`); what each
 * result shows is then decided per item by the policy of that item's own view (visibility.ts).
 */
export const searchTrajectory = defineTrajectoryOperation({
  name: 'search.query',
  action: 'trajectory.view',
  params: trajectoryParams,
  body: searchQuery,
  run: async (ctx, p, query, access): Promise<{ result: SearchResult }> => ({
    result: await ctx.services.search.search(p.trajectoryId, { actor: ctx.actor, seat: access.seat }, query.q, query.limit),
  }),
});
