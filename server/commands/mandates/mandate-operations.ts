import { mayHoldMandates, noMandates, providerKindOf, type MandateCounts } from '../../../shared/domain/provider-kinds';
import { roleMay } from '../../../shared/domain/permissions';
import { id } from '../../../shared/schemas/common';
import { grantMandateRequest, mandateRuleRequest, providerKindRequest, revokeMandateRequest, type MandateDto, type MandatesOverviewDto } from '../../../shared/schemas/mandates';
import { AppError, notFound } from '../../errors';
import type { MandateRecord } from '../../models/mandate';
import type { NotificationDraft } from '../../notifications/produce';
import { decideTrajectoryAction } from '../../policies/trajectory-policy';
import type { Seat } from '../../policies/trajectory-policy';
import type { UserActor } from '../../policies/actor';
import type { Services } from '../../services';
import { enforce, loadSeat, requireUser } from '../access';
import { defineOperation, defineTrajectoryOperation, noBody, type OperationContext } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { findByIds } from '../../models/by-ids';

const mandateParams = trajectoryParams.extend({ mandateId: id });
const sessionParams = trajectoryParams.extend({ sessionId: id });
const organisationParams = trajectoryParams.extend({ organisationId: id });

/** The trajectory's sessions whose live table shows open polls: their tallies follow a mandate at once. */
async function liveSessionsOf(services: Services, trajectoryId: string): Promise<string[]> {
  const sessions = await services.models.dialogueSessions.find({ trajectoryId, status: 'live' }, { _id: 1 }).lean();
  return sessions.map((s) => String(s._id));
}

function mayRevoke(mandate: MandateRecord, user: UserActor, seat: Seat | null): boolean {
  return decideTrajectoryAction(user, seat, 'mandate.revokeThis', {
    mandate: { holderOrganisationId: String(mandate.organisationId), practitionerUserId: mandate.practitioner.userId ? String(mandate.practitioner.userId) : null, askerOrganisationId: seat?.organisationId ?? null },
  }).allowed;
}

function mandateView(m: MandateRecord, organisationName: string, may: boolean): MandateDto {
  return {
    id: String(m._id),
    organisation: { id: String(m.organisationId), name: organisationName },
    practitioner: { name: m.practitioner.name, kvk: m.practitioner.kvk, agb: m.practitioner.agb, hasAccount: m.practitioner.userId !== null },
    scopes: m.scopes,
    grantedAt: m.grantedAt.toISOString(),
    revokedAt: m.revokedAt ? m.revokedAt.toISOString() : null,
    revokeReason: m.revokeReason,
    mayRevoke: m.revokedAt === null && may,
  };
}

/** Who is told of a mandate: the holding organisation's members and the practitioner (with an account). */
const notifyMandate = (m: MandateRecord, what: string, except: string): NotificationDraft => ({
  kind: 'mandate.changed',
  trajectoryId: String(m.trajectoryId),
  link: `/trajecten/${String(m.trajectoryId)}/mandaten`,
  params: { title: `${m.practitioner.name}: ${what}` },
  to: { organisationIds: [String(m.organisationId)], ...(m.practitioner.userId ? { userIds: [String(m.practitioner.userId)] } : {}) },
  except: [except],
});

/**
 * The mandates of a trajectory, with per organisation how many practitioners it acts for. A
 * trajectory holds one mandate per practitioner and organisation at most a few hundred; the list
 * is read by the index on (trajectoryId, grantedAt).
 */
export const listMandates = defineTrajectoryOperation({
  name: 'mandate.list',
  action: 'mandate.list',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, { seat, user }) => {
    const { models } = ctx.services;
    const [mandates, sessions] = await Promise.all([
      models.mandates.find({ trajectoryId: p.trajectoryId }).sort({ grantedAt: 1 }).lean(),
      models.dialogueSessions.find({ trajectoryId: p.trajectoryId }, { title: 1, startsAt: 1, mandateRule: 1 }).sort({ startsAt: 1 }).lean(),
    ]);
    const orgIds = new Set(mandates.map((m) => String(m.organisationId)));
    if (seat) orgIds.add(seat.organisationId);
    const orgs = await findByIds(models.organisations, [...orgIds], { name: 1, type: 1, providerKind: 1 });
    const orgById = new Map(orgs.map((o) => [String(o._id), o]));
    const counts = new Map<string, MandateCounts>();
    for (const m of mandates) {
      if (m.revokedAt) continue;
      const c = counts.get(String(m.organisationId)) ?? noMandates();
      for (const scope of m.scopes) c[scope] += 1;
      counts.set(String(m.organisationId), c);
    }
    const own = seat ? orgById.get(seat.organisationId) : undefined;
    const result: MandatesOverviewDto = {
      mandates: mandates.map((m) => mandateView(m, orgById.get(String(m.organisationId))?.name ?? '—', mayRevoke(m, user, seat))),
      holders: [...counts.entries()].map(([orgId, c]) => {
        const o = orgById.get(orgId);
        return { organisation: { id: orgId, name: o?.name ?? '—', providerKind: providerKindOf(o?.providerKind) }, counts: c };
      }),
      mayGrantFor: own && seat && roleMay(seat.role, 'mandate.grant') && own.type === 'provider' && mayHoldMandates(providerKindOf(own.providerKind)) ? [{ id: String(own._id), name: own.name }] : [],
      sessions: sessions.map((s) => ({ id: String(s._id), title: s.title, startsAt: s.startsAt.toISOString(), mandateRule: s.mandateRule ?? 'one_vote' })),
      mayDeclareRule: user.platformAdmin || (seat !== null && roleMay(seat.role, 'mandate.rule')),
    };
    return { result };
  },
});

/** A member of a cooperative (or association) registers a practitioner's mandate for this trajectory. */
export const grantMandate = defineTrajectoryOperation({
  name: 'mandate.grant',
  action: 'mandate.grant',
  params: trajectoryParams,
  body: grantMandateRequest,
  lock: (p) => `mandates:${p.trajectoryId}`,
  run: async (ctx, p, body, { seat, user }) => {
    const { models } = ctx.services;
    // The policy let a provider in; only for their own organisation, and only a cooperative holds mandates.
    if (!seat || seat.organisationId !== body.organisationId) throw new AppError('forbidden', 'You can register mandates only for your own organisation.');
    const org = await models.organisations.findById(body.organisationId).lean();
    if (!org) throw notFound();
    if (org.type !== 'provider' || !mayHoldMandates(providerKindOf(org.providerKind))) {
      throw new AppError('conflict', 'Only a cooperative or association of practitioners holds mandates.', { reason: 'not_a_cooperative' });
    }
    const practitionerUser = body.practitioner.email ? await models.users.findOne({ email: body.practitioner.email }, { _id: 1 }).lean() : null;
    const now = new Date();
    const created = await models.mandates.create({
      trajectoryId: p.trajectoryId,
      organisationId: org._id,
      practitioner: { name: body.practitioner.name, kvk: body.practitioner.kvk ?? null, agb: body.practitioner.agb ?? null, userId: practitionerUser?._id ?? null },
      scopes: body.scopes,
      grantedBy: user.userId,
      grantedAt: now,
    });
    const record = created.toObject() as MandateRecord;
    return {
      result: mandateView(record, org.name, true),
      audit: [{ chain: p.trajectoryId, action: 'mandate.grant', objectType: 'mandate', objectId: String(record._id), summary: { organisationId: String(org._id), scopes: body.scopes } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'mandates' }],
      live: await liveSessionsOf(ctx.services, p.trajectoryId),
      ...(record.practitioner.userId ? { notify: [notifyMandate(record, 'verleend', user.userId)] } : {}),
    };
  },
});

/**
 * Revokes a mandate: the practitioner themselves (with an account, seated or not), a member of
 * the holding organisation, or the procurement team. It stops counting at once: the held counts
 * are forgotten on the write, and live tables of the trajectory get their tallies again.
 */
export const revokeMandate = defineOperation({
  name: 'mandate.revoke',
  params: mandateParams,
  body: revokeMandateRequest,
  lock: (p) => `mandates:${p.trajectoryId}`,
  authorize: async (ctx: OperationContext, p) => {
    const user = requireUser(ctx);
    const seat = await loadSeat(ctx, p.trajectoryId);
    const mandate = await ctx.services.models.mandates.findById(p.mandateId).lean();
    // Someone without a seat learns nothing unless it is their own mandate.
    if (!mandate || String(mandate.trajectoryId) !== p.trajectoryId) throw notFound();
    enforce(
      decideTrajectoryAction(ctx.actor, seat, 'mandate.revokeThis', {
        mandate: { holderOrganisationId: String(mandate.organisationId), practitionerUserId: mandate.practitioner.userId ? String(mandate.practitioner.userId) : null, askerOrganisationId: seat?.organisationId ?? null },
      }),
    );
    return { user, mandate };
  },
  run: async (ctx, p, body, { user, mandate }) => {
    const { models } = ctx.services;
    if (mandate.revokedAt) throw new AppError('conflict', 'This mandate has been revoked already.', { reason: 'revoked' });
    const now = new Date();
    const revoked = await models.mandates.findOneAndUpdate({ _id: mandate._id, revokedAt: null }, { $set: { revokedAt: now, revokedBy: user.userId, revokeReason: body.reason ?? null } }, { returnDocument: 'after' }).lean();
    if (!revoked) throw new AppError('conflict', 'This mandate has been revoked already.', { reason: 'revoked' });
    const org = await models.organisations.findById(revoked.organisationId, { name: 1 }).lean();
    return {
      result: mandateView(revoked, org?.name ?? '—', false),
      audit: [{ chain: p.trajectoryId, action: 'mandate.revoke', objectType: 'mandate', objectId: p.mandateId, summary: { organisationId: String(revoked.organisationId), byPractitioner: String(revoked.practitioner.userId) === user.userId } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'mandates' }],
      live: await liveSessionsOf(ctx.services, p.trajectoryId),
      notify: [notifyMandate(revoked, 'ingetrokken', user.userId)],
    };
  },
});

/** The session's declared rule: how a ballot cast with vote mandates counts. */
export const declareMandateRule = defineTrajectoryOperation({
  name: 'mandate.rule',
  action: 'mandate.rule',
  params: sessionParams,
  body: mandateRuleRequest,
  run: async (ctx, p, body) => {
    const { dialogueSessions } = ctx.services.models;
    const session = await dialogueSessions.findById(p.sessionId, { trajectoryId: 1, status: 1 }).lean();
    if (!session || String(session.trajectoryId) !== p.trajectoryId) throw notFound();
    await dialogueSessions.updateOne({ _id: session._id }, { $set: { mandateRule: body.mandateRule } });
    return {
      result: { sessionId: p.sessionId, mandateRule: body.mandateRule },
      audit: [{ chain: p.trajectoryId, action: 'mandate.rule', objectType: 'session', objectId: p.sessionId, summary: { mandateRule: body.mandateRule } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'sessions' }],
      live: session.status === 'live' ? [p.sessionId] : [],
    };
  },
});

/** The members admin sets the kind of a provider organisation seated in the trajectory. */
export const setProviderKind = defineTrajectoryOperation({
  name: 'organisation.provider_kind',
  action: 'member.changeRole',
  params: organisationParams,
  body: providerKindRequest,
  run: async (ctx, p, body) => {
    const { models } = ctx.services;
    const seated = await models.memberships.findOne({ trajectoryId: p.trajectoryId, organisationId: p.organisationId, removedAt: null }, { _id: 1 }).lean();
    if (!seated) throw notFound();
    const org = await models.organisations.findById(p.organisationId).lean();
    if (!org) throw notFound();
    if (org.type !== 'provider') throw new AppError('validation_failed', 'The input is not valid.', { providerKind: 'only a provider organisation has a kind' });
    await models.organisations.updateOne({ _id: org._id }, { $set: { providerKind: body.providerKind } });
    return {
      result: { id: p.organisationId, name: org.name, type: org.type, providerKind: body.providerKind },
      audit: [{ chain: p.trajectoryId, action: 'organisation.provider_kind', objectType: 'organisation', objectId: p.organisationId, summary: { from: providerKindOf(org.providerKind), to: body.providerKind } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'members' }],
    };
  },
});

