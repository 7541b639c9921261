import { z } from 'zod';
import { id } from '../../../shared/schemas/common';
import { createRegionRequest, createTrajectoryRequest, updateTrajectoryRequest, type TrajectoryDto } from '../../../shared/schemas/trajectories';
import { platformChain, type AuditDraft } from '../../audit/audit-log';
import { AppError, notFound } from '../../errors';
import { authorizePlatform, loadSeat, requireUser } from '../access';
import { defineOperation, defineTrajectoryOperation, noBody, noParams } from '../operation';
import { organisationView, regionView, trajectoryView } from './trajectory-views';
import { createInvitation } from '../invitations/create-invitation';
import { notifyPlanningChanged } from '../../notifications/events';
import { planningChange, planningSummary } from './planning-change';
import { findByIds } from '../../models/by-ids';

export const trajectoryParams = z.object({ trajectoryId: id });

async function regionName(ctx: { services: { models: { regions: { findById(id: unknown): { lean(): Promise<{ name: string } | null> } } } } }, regionId: unknown) {
  return (await ctx.services.models.regions.findById(regionId).lean())?.name ?? '—';
}

/** The trajectories the person belongs to; a platform administrator sees all. */
export const listTrajectories = defineOperation({
  name: 'trajectory.list',
  params: noParams,
  body: noBody,
  authorize: async (ctx) => requireUser(ctx),
  run: async (ctx, _p, _b, user) => {
    const { models } = ctx.services;
    const seats = await models.memberships.find({ userId: user.userId, removedAt: null }).lean();
    const roleOf = new Map(seats.map((s) => [String(s.trajectoryId), s.role]));
    const trajectories = await models.trajectories
      .find(user.platformAdmin ? {} : { _id: { $in: seats.map((s) => s.trajectoryId) } })
      .sort({ name: 1 })
      .lean();
    const regions = await findByIds(models.regions, trajectories.map((t) => t.regionId));
    const names = new Map(regions.map((r) => [String(r._id), r.name]));
    const result: TrajectoryDto[] = trajectories.map((t) => trajectoryView(t, names.get(String(t.regionId)) ?? '—', roleOf.get(String(t._id)) ?? null));
    return { result };
  },
});

export const getTrajectory = defineTrajectoryOperation({
  name: 'trajectory.view',
  action: 'trajectory.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, _p, _b, { trajectory, seat }) => ({ result: trajectoryView(trajectory, await regionName(ctx, trajectory.regionId), seat?.role ?? null) }),
});

function checkMunicipalities(regionMunicipalities: string[], chosen: string[]): void {
  const unknown = chosen.filter((m) => !regionMunicipalities.includes(m));
  if (unknown.length) throw new AppError('validation_failed', 'The input is not valid.', { municipalities: `not in this region: ${unknown.join(', ')}` });
}

/**
 * Creates a trajectory. A platform administrator may name the first procurement-team member
 * (invited by e-mail); a procurement-team member of the region becomes procurement here too.
 */
export const createTrajectory = defineOperation({
  name: 'trajectory.create',
  params: noParams,
  body: createTrajectoryRequest,
  authorize: async (ctx, _p, body) => {
    const user = await authorizePlatform(ctx, 'trajectory.create', body.regionId);
    const region = await ctx.services.models.regions.findById(body.regionId).lean();
    if (!region) throw new AppError('validation_failed', 'The input is not valid.', { regionId: 'no such region' });
    return { user, region };
  },
  run: async (ctx, _p, body, { user, region }) => {
    const { models } = ctx.services;
    checkMunicipalities(region.municipalities, body.municipalities);
    const trajectory = await models.trajectories.create({
      regionId: region._id,
      name: body.name,
      description: body.description,
      model: body.model,
      municipalities: [...new Set(body.municipalities)],
      phases: body.phases,
      milestones: body.milestones,
      createdBy: user.userId,
    });
    const trajectoryId = String(trajectory._id);
    const audit: Array<Omit<AuditDraft, 'actorId'>> = [{ chain: trajectoryId, action: 'trajectory.create', objectType: 'trajectory', objectId: trajectoryId, summary: { name: body.name, model: body.model, municipalities: body.municipalities.length } }];
    // The creator's own seat: their procurement organisation in another trajectory of this region.
    const seats = await models.memberships.find({ userId: user.userId, role: 'procurement', removedAt: null }).sort({ createdAt: 1 }).lean();
    const inRegion = await models.trajectories.find({ _id: { $in: seats.map((m) => m.trajectoryId) }, regionId: region._id }, { _id: 1 }).lean();
    const regionTrajectories = new Set(inRegion.map((t) => String(t._id)));
    const ownSeat = seats.find((m) => regionTrajectories.has(String(m.trajectoryId)));
    if (ownSeat) {
      const m = await models.memberships.create({ trajectoryId, userId: user.userId, organisationId: ownSeat.organisationId, role: 'procurement' });
      audit.push({ chain: trajectoryId, action: 'member.add', objectType: 'membership', objectId: String(m._id), summary: { role: 'procurement' } });
    }
    if (body.procurementLead) {
      const office = await models.organisations.findOneAndUpdate(
        { name: `Inkoopbureau ${region.name}`, type: 'procurement_office' },
        { $setOnInsert: { providerKind: null, createdAt: new Date() } },
        { upsert: true, returnDocument: 'after' },
      ).lean();
      const invitation = await createInvitation(ctx, trajectory.toObject(), { email: body.procurementLead.email, name: body.procurementLead.name, role: 'procurement', organisationId: String(office!._id) }, user.userId);
      audit.push(invitation.audit);
    }
    const seat = await loadSeat(ctx, trajectoryId);
    return { result: trajectoryView(trajectory.toObject(), region.name, seat?.role ?? null), audit };
  },
});

export const updateTrajectory = defineTrajectoryOperation({
  name: 'trajectory.update',
  action: 'trajectory.update',
  params: trajectoryParams,
  body: updateTrajectoryRequest,
  // One planning at a time: two editors' changes never interleave, and each notification names what it changed.
  lock: (p) => `planning:${p.trajectoryId}`,
  run: async (ctx, p, body, { trajectory, seat, user }) => {
    const region = await ctx.services.models.regions.findById(trajectory.regionId).lean();
    if (body.municipalities) checkMunicipalities(region?.municipalities ?? [], body.municipalities);
    const before = (await ctx.services.models.trajectories.findById(p.trajectoryId, { phases: 1, milestones: 1 }).lean()) ?? trajectory;
    const updated = await ctx.services.models.trajectories.findByIdAndUpdate(p.trajectoryId, { $set: body }, { returnDocument: 'after' }).lean();
    if (!updated) throw notFound();
    // The question deadline is the planning's questions_deadline milestone (shared/domain/calendar.ts): moving it moves the deadline.
    const planning = planningChange(before, body);
    return {
      result: trajectoryView(updated, region?.name ?? '—', seat?.role ?? null),
      audit: [{ chain: p.trajectoryId, action: 'trajectory.update', objectType: 'trajectory', objectId: p.trajectoryId, summary: { changed: Object.keys(body), ...(planning ? { planning: planning.changed, questionDeadline: planning.questionDeadline } : {}) } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'trajectory' }],
      ...(planning ? { notify: [notifyPlanningChanged(p.trajectoryId, planningSummary(planning), user.userId)] } : {}),
    };
  },
});

export const listRegions = defineOperation({
  name: 'region.list',
  params: noParams,
  body: noBody,
  authorize: (ctx) => authorizePlatform(ctx, 'region.list'),
  run: async (ctx) => ({ result: (await ctx.services.models.regions.find().sort({ name: 1 }).lean()).map(regionView) }),
});

export const createRegion = defineOperation({
  name: 'region.create',
  params: noParams,
  body: createRegionRequest,
  authorize: (ctx) => authorizePlatform(ctx, 'region.create'),
  run: async (ctx, _p, body) => {
    const existing = await ctx.services.models.regions.findOne({ name: body.name }).lean();
    if (existing) throw new AppError('conflict', 'A region with this name exists already.');
    const region = await ctx.services.models.regions.create({ name: body.name, municipalities: [...new Set(body.municipalities)] });
    return {
      result: regionView(region.toObject()),
      audit: [{ chain: platformChain, action: 'region.create', objectType: 'region', objectId: String(region._id), summary: { name: body.name } }],
    };
  },
});

export const listOrganisations = defineOperation({
  name: 'organisation.list',
  params: noParams,
  body: noBody,
  authorize: (ctx) => authorizePlatform(ctx, 'organisation.list'),
  run: async (ctx) => ({ result: (await ctx.services.models.organisations.find().sort({ name: 1 }).lean()).map(organisationView) }),
});
