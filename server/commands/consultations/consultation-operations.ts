import { recordPublication } from '../../audit/publication';
import { todayInAmsterdam } from '../../../shared/domain/calendar';
import { consultationPhase } from '../../../shared/domain/consultation';
import { roleMay } from '../../../shared/domain/permissions';
import { id } from '../../../shared/schemas/common';
import { openConsultationRequest, type ConsultationListDto } from '../../../shared/schemas/consultations';
import { AppError } from '../../errors';
import { defineTrajectoryOperation, noBody } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { consultationView, findConsultation, seesEverything, summaryView, viewerOf } from './consultation-views';
import { notifyConsultation } from '../../notifications/events';
import { findByIds } from '../../models/by-ids';

export const consultationParams = trajectoryParams.extend({ consultationId: id });
/** Reactions, responses, closing and publishing of one consultation decide on its state and write: one at a time. */
export const consultationLock = (p: { consultationId: string }) => `consultation:${p.consultationId}`;

const invalid = (field: string, message: string) => new AppError('validation_failed', 'The input is not valid.', { [field]: message });

/** The trajectory's consultations, newest first, with the reactions the viewer may see counted. */
export const listConsultations = defineTrajectoryOperation({
  name: 'consultation.list',
  action: 'consultation.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, access): Promise<{ result: ConsultationListDto }> => {
    const { models } = ctx.services;
    const viewer = viewerOf(access);
    const team = seesEverything(viewer);
    const consultations = await models.consultations.find({ trajectoryId: p.trajectoryId }).sort({ createdAt: -1 }).lean();
    const [reactions, versions] = await Promise.all([
      models.consultationReactions.find({ trajectoryId: p.trajectoryId }, { consultationId: 1, authorId: 1, response: 1 }).lean(),
      findByIds(models.versions, consultations.map((c) => c.versionId), { name: 1 }),
    ]);
    const versionNames = new Map(versions.map((v) => [String(v._id), v.name]));
    return {
      result: {
        consultations: consultations.map((c) => {
          const all = reactions.filter((r) => String(r.consultationId) === String(c._id));
          const visible = team || c.status === 'published' ? all : all.filter((r) => String(r.authorId) === viewer.userId);
          return summaryView(c, versionNames.get(String(c.versionId)) ?? '—', { visible: visible.length, unanswered: team ? all.filter((r) => !r.response).length : null });
        }),
        mayManage: team,
        mayReact: viewer.role !== null && roleMay(viewer.role, 'consultation.react'),
      },
    };
  },
});

/** Puts a version of the whole agreement out for reactions until the closing date. */
export const openConsultation = defineTrajectoryOperation({
  name: 'consultation.open',
  action: 'consultation.manage',
  params: trajectoryParams,
  body: openConsultationRequest,
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    // Not the documents' stored state: only whether there are clauses.
    const version = await models.versions
      .findOne({ _id: body.versionId, trajectoryId: p.trajectoryId }, { clauseId: 1, 'documents.clauseId': 1 })
      .lean<{ clauseId: unknown; documents: Array<{ clauseId: unknown }> }>();
    if (!version) throw invalid('versionId', 'is not a version of this trajectory');
    if (version.clauseId) throw invalid('versionId', 'is a version of one clause; choose a version of the whole agreement');
    if (version.documents.length === 0) throw invalid('versionId', 'has no clauses to react to');
    if (body.closesOn < todayInAmsterdam()) throw invalid('closesOn', 'has passed; choose today or a later day');
    const consultation = await models.consultations.create({
      trajectoryId: p.trajectoryId,
      versionId: body.versionId,
      title: body.title,
      explanation: body.explanation || null,
      closesOn: body.closesOn,
      createdBy: access.user.userId,
    });
    return {
      result: await consultationView(models, consultation.toObject(), viewerOf(access)),
      audit: [{ chain: p.trajectoryId, action: 'consultation.open', objectType: 'consultation', objectId: String(consultation._id), summary: { title: body.title, versionId: body.versionId, closesOn: body.closesOn } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'consultations' }],
      notify: [notifyConsultation('consultation.opened', consultation)],
    };
  },
});

/** One consultation: the version's clauses, and the reactions (with responses) the viewer may read. */
export const getConsultation = defineTrajectoryOperation({
  name: 'consultation.view',
  action: 'consultation.view',
  params: consultationParams,
  body: noBody,
  run: async (ctx, p, _b, access) => {
    const consultation = await findConsultation(ctx.services.models, p.trajectoryId, p.consultationId);
    return { result: await consultationView(ctx.services.models, consultation, viewerOf(access)) };
  },
});

/** The team ends the reaction period before the closing date. */
export const closeConsultation = defineTrajectoryOperation({
  name: 'consultation.close',
  action: 'consultation.manage',
  params: consultationParams,
  body: noBody,
  lock: consultationLock,
  run: async (ctx, p, _b, access) => {
    const { models } = ctx.services;
    const consultation = await findConsultation(models, p.trajectoryId, p.consultationId);
    const phase = consultationPhase(consultation.status, consultation.closesOn);
    if (phase === 'published') throw new AppError('conflict', 'This consultation has been published.', { reason: 'published' });
    if (phase === 'closed') throw new AppError('conflict', 'This consultation is already closed for reactions.', { reason: 'closed' });
    await models.consultations.updateOne({ _id: consultation._id }, { $set: { status: 'closed', closedAt: new Date(), closedBy: access.user.userId } });
    return {
      result: await consultationView(models, await findConsultation(models, p.trajectoryId, p.consultationId), viewerOf(access)),
      audit: [{ chain: p.trajectoryId, action: 'consultation.close', objectType: 'consultation', objectId: p.consultationId, summary: {} }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'consultations' }],
    };
  },
});

/**
 * Publishes the reactienota: every reaction with its response, to every member, once. Under the
 * consultation's lock, so two clicks are one publication and no reaction slips in meanwhile.
 */
export const publishConsultation = defineTrajectoryOperation({
  name: 'consultation.publish',
  action: 'consultation.manage',
  params: consultationParams,
  body: noBody,
  lock: consultationLock,
  run: async (ctx, p, _b, access) => {
    const { models } = ctx.services;
    const consultation = await findConsultation(models, p.trajectoryId, p.consultationId);
    if (consultation.status === 'published') throw new AppError('conflict', 'This consultation has already been published.', { reason: 'published' });
    const reactions = await models.consultationReactions.find({ consultationId: consultation._id }, { response: 1 }).lean();
    const unanswered = reactions.filter((r) => !r.response).length;
    if (unanswered > 0) {
      throw new AppError('conflict', `${unanswered} reaction(s) have no response yet; respond to every reaction before publishing.`, { reason: 'unanswered', unanswered: String(unanswered) });
    }
    const publishedAt = new Date();
    await models.consultations.updateOne({ _id: consultation._id, status: { $ne: 'published' } }, { $set: { status: 'published', publishedAt, publishedBy: access.user.userId } });
    await recordPublication(models, ctx.services.config, 'reactienota', p.trajectoryId, p.consultationId);
    return {
      result: { published: reactions.length, publishedAt: publishedAt.toISOString() },
      audit: [{ chain: p.trajectoryId, action: 'consultation.publish', objectType: 'consultation', objectId: p.consultationId, summary: { reactions: reactions.length } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'consultations' }],
    };
  },
});
