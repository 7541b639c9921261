import { defineTrajectoryOperation, noBody } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { userNames } from '../../models/names';
import { auditView } from './audit-view';

export const listAuditEvents = defineTrajectoryOperation({
  name: 'audit.list',
  action: 'audit.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p) => {
    const events = await ctx.services.audit.list(p.trajectoryId);
    const names = await userNames(ctx.services.models, events.map((e) => e.actorId));
    return { result: events.map((e) => auditView(e, names)) };
  },
});

export const verifyAuditChain = defineTrajectoryOperation({
  name: 'audit.verify',
  action: 'audit.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p) => ({ result: await ctx.services.audit.verify(p.trajectoryId) }),
});
