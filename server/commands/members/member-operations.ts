import { organisationTypesByRole } from '../../../shared/domain/roles';
import { id } from '../../../shared/schemas/common';
import { changeRoleRequest } from '../../../shared/schemas/trajectories';
import { AppError, notFound } from '../../errors';
import { roleMay } from '../../../shared/domain/permissions';
import { defineTrajectoryOperation, noBody } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { memberView } from './member-view';
import type { OperationContext } from '../operation';
import { notifyRemoved, notifyRoleChanged } from '../../notifications/events';
import { findByIds } from '../../models/by-ids';

const memberParams = trajectoryParams.extend({ memberId: id });

async function loadMemberView(ctx: OperationContext, membershipId: string, showEmail: boolean) {
  const { models } = ctx.services;
  const m = await models.memberships.findById(membershipId).lean();
  if (!m) throw notFound();
  const [user, org] = await Promise.all([models.users.findById(m.userId).lean(), models.organisations.findById(m.organisationId).lean()]);
  return memberView(m, user ?? undefined, org ?? undefined, showEmail);
}

/** Members by organisation and role. E-mail addresses are shown only to those who manage members. */
export const listMembers = defineTrajectoryOperation({
  name: 'member.list',
  action: 'member.list',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, { seat, user }) => {
    const { models } = ctx.services;
    const memberships = await models.memberships.find({ trajectoryId: p.trajectoryId, removedAt: null }).lean();
    const [users, orgs] = await Promise.all([
      findByIds(models.users, memberships.map((m) => m.userId), { name: 1, email: 1 }),
      findByIds(models.organisations, memberships.map((m) => m.organisationId)),
    ]);
    const userById = new Map(users.map((u) => [String(u._id), u]));
    const orgById = new Map(orgs.map((o) => [String(o._id), o]));
    const showEmail = user.platformAdmin || (seat !== null && roleMay(seat.role, 'member.invite'));
    const result = memberships
      .map((m) => memberView(m, userById.get(String(m.userId)), orgById.get(String(m.organisationId)), showEmail))
      .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'nl') || a.name.localeCompare(b.name, 'nl'));
    return { result };
  },
});

export const changeMemberRole = defineTrajectoryOperation({
  name: 'member.change_role',
  action: 'member.changeRole',
  params: memberParams,
  lock: (p) => `members:${p.trajectoryId}`,
  body: changeRoleRequest,
  run: async (ctx, p, body) => {
    const { models } = ctx.services;
    const membership = await models.memberships.findOne({ _id: p.memberId, trajectoryId: p.trajectoryId, removedAt: null }).lean();
    if (!membership) throw notFound();
    const org = await models.organisations.findById(membership.organisationId).lean();
    if (org && !organisationTypesByRole[body.role].includes(org.type)) {
      throw new AppError('validation_failed', 'The input is not valid.', { role: 'does not fit the type of the organisation' });
    }
    await guardLastProcurement(ctx, p.trajectoryId, membership.role, body.role);
    await models.memberships.updateOne({ _id: membership._id }, { $set: { role: body.role } });
    return {
      result: await loadMemberView(ctx, p.memberId, true),
      audit: [{ chain: p.trajectoryId, action: 'member.change_role', objectType: 'membership', objectId: p.memberId, summary: { from: membership.role, to: body.role } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'members' }],
      notify: [notifyRoleChanged(p.trajectoryId, membership.userId, body.role)],
    };
  },
});

/** Removes a seat; what the person contributed stays, attributed to them. */
export const removeMember = defineTrajectoryOperation({
  name: 'member.remove',
  action: 'member.remove',
  params: memberParams,
  lock: (p) => `members:${p.trajectoryId}`,
  body: noBody,
  run: async (ctx, p) => {
    const { models, publisher } = ctx.services;
    const membership = await models.memberships.findOne({ _id: p.memberId, trajectoryId: p.trajectoryId, removedAt: null }).lean();
    if (!membership) throw notFound();
    await guardLastProcurement(ctx, p.trajectoryId, membership.role, null);
    await models.memberships.updateOne({ _id: membership._id }, { $set: { removedAt: new Date() } });
    const sessions = await models.dialogueSessions.find({ trajectoryId: p.trajectoryId }, { _id: 1 }).lean();
    await publisher.removeFromTrajectory(p.trajectoryId, String(membership.userId), sessions.map((s) => String(s._id)));
    return {
      result: undefined,
      audit: [{ chain: p.trajectoryId, action: 'member.remove', objectType: 'membership', objectId: p.memberId, summary: { role: membership.role } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'members' }],
      notify: [notifyRemoved(p.trajectoryId, membership.userId)],
    };
  },
});

/** A trajectory never loses its last procurement-team member: someone must be able to run it. */
async function guardLastProcurement(ctx: OperationContext, trajectoryId: string, from: string, to: string | null): Promise<void> {
  if (from !== 'procurement' || to === 'procurement') return;
  const count = await ctx.services.models.memberships.countDocuments({ trajectoryId, role: 'procurement', removedAt: null });
  if (count <= 1) throw new AppError('conflict', 'The last member of the procurement team cannot be removed or given another role.');
}
