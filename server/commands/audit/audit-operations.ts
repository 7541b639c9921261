import { authorizeTrajectory } from '../access';
import { defineOperation, noBody } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { auditView, userNames } from '../views';

export const listAuditEvents = defineOperation({
  name: 'audit.list',
  params: trajectoryParams,
  body: noBody,
  authorize: (ctx, p) => authorizeTrajectory(ctx, p.trajectoryId, 'audit.view'),
  run: async (ctx, p) => {
    const events = await ctx.services.audit.list(p.trajectoryId);
    const names = await userNames(ctx.services.models, events.map((e) => e.actorId));
    return { result: events.map((e) => auditView(e, names)) };
  },
});

export const verifyAuditChain = defineOperation({
  name: 'audit.verify',
  params: trajectoryParams,
  body: noBody,
  authorize: (ctx, p) => authorizeTrajectory(ctx, p.trajectoryId, 'audit.view'),
  run: async (ctx, p) => ({ result: await ctx.services.audit.verify(p.trajectoryId) }),
});
