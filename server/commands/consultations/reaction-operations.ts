import type { z } from 'zod';
import { id } from '../../../shared/schemas/common';
import { editReactionRequest, reactOnBehalfRequest, reactRequest, respondRequest, type ReactionDto } from '../../../shared/schemas/consultations';
import { AppError, notFound } from '../../errors';
import type { Models } from '../../models';
import type { ConsultationRecord, ReactionRecord } from '../../models/consultation';
import { authorOf } from '../agreement/contribution';
import { defineTrajectoryOperation, noBody, type OperationContext, type TrajectoryAccess } from '../operation';
import { consultationLock, consultationParams } from './consultation-operations';
import { findConsultation, findVersionOf, reactionViews, requireOpen, viewerOf } from './consultation-views';

type ConsultationParams = z.infer<typeof consultationParams>;
const reactionParams = consultationParams.extend({ reactionId: id });
const invalid = (field: string, message: string) => new AppError('validation_failed', 'The input is not valid.', { [field]: message });

async function oneView(models: Models, consultation: ConsultationRecord, reactionId: unknown, access: TrajectoryAccess): Promise<ReactionDto> {
  const reaction = (await models.consultationReactions.findById(reactionId).lean())!;
  return (await reactionViews(models, consultation, await findVersionOf(models, consultation), [reaction], viewerOf(access)))[0]!;
}

async function findReaction(models: Models, consultation: ConsultationRecord, reactionId: string): Promise<ReactionRecord> {
  const reaction = await models.consultationReactions.findOne({ _id: reactionId, consultationId: consultation._id }).lean();
  if (!reaction) throw notFound();
  return reaction;
}

/** Only its author changes or withdraws a reaction, while the consultation is open and before the team responded. */
function requireOwnAndUnanswered(reaction: ReactionRecord, access: TrajectoryAccess): void {
  // Someone else's reaction is not theirs to learn about before publication.
  if (String(reaction.authorId) !== access.user.userId) throw notFound();
  if (reaction.response) throw new AppError('conflict', 'The procurement team has already responded to this reaction; it no longer changes.', { reason: 'answered' });
}

/** What a reaction says and for whom; `onBehalfOf` names someone without an account, recorded by the author. */
interface ReactionInput {
  clauseId: string;
  text: string;
  anonymous: boolean;
  onBehalfOf?: string;
}

/**
 * Writes one reaction on a clause of the consultation's version. The audit event carries not the
 * text (before publication only its author and the team read it); an anonymous reaction names no
 * one, in the log neither.
 */
async function writeReaction(ctx: OperationContext, p: ConsultationParams, input: ReactionInput, access: TrajectoryAccess) {
  const { models } = ctx.services;
  const consultation = await findConsultation(models, p.trajectoryId, p.consultationId);
  const version = await findVersionOf(models, consultation);
  if (!version.documents.some((d) => String(d.clauseId) === input.clauseId)) throw invalid('clauseId', 'is not a clause of the version under consultation');
  const author = authorOf(access, input.anonymous);
  requireOpen(consultation);
  const now = new Date();
  const onBehalf = input.onBehalfOf === undefined ? {} : { onBehalfOf: input.onBehalfOf };
  const reaction = await models.consultationReactions.create({ trajectoryId: p.trajectoryId, consultationId: consultation._id, clauseId: input.clauseId, ...author, text: input.text, ...onBehalf, createdAt: now, updatedAt: now });
  return {
    result: await oneView(models, consultation, reaction._id, access),
    audit: [{ chain: p.trajectoryId, action: 'consultation.react', objectType: 'consultation_reaction', objectId: String(reaction._id), summary: { consultationId: p.consultationId, clauseId: input.clauseId, ...onBehalf }, anonymous: input.anonymous }],
    publish: [{ trajectoryId: p.trajectoryId, what: 'consultations' as const }],
  };
}

/** A reaction on one clause of the consultation's version; a client representative may react anonymously. */
export const react = defineTrajectoryOperation({
  name: 'consultation.react',
  action: 'consultation.react',
  params: consultationParams,
  body: reactRequest,
  lock: consultationLock,
  run: (ctx, p, body, access) => writeReaction(ctx, p, body, access),
});

/**
 * A reaction recorded for someone without an account (issue 16), by the facilitator or the
 * procurement team (policy contribution.onBehalf): the recorder is its author and the actor of the
 * audit event, which names on whose behalf; it is marked so on the page and in the reactienota.
 */
export const reactOnBehalf = defineTrajectoryOperation({
  name: 'consultation.react',
  action: 'contribution.onBehalf',
  params: consultationParams,
  body: reactOnBehalfRequest,
  lock: consultationLock,
  run: (ctx, p, body, access) => writeReaction(ctx, p, { ...body, anonymous: false }, access),
});

export const editReaction = defineTrajectoryOperation({
  name: 'consultation.reaction.edit',
  action: 'consultation.react',
  params: reactionParams,
  body: editReactionRequest,
  lock: consultationLock,
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    const consultation = await findConsultation(models, p.trajectoryId, p.consultationId);
    const reaction = await findReaction(models, consultation, p.reactionId);
    requireOwnAndUnanswered(reaction, access);
    requireOpen(consultation);
    await models.consultationReactions.updateOne({ _id: reaction._id }, { $set: { text: body.text, updatedAt: new Date() } });
    return {
      result: await oneView(models, consultation, reaction._id, access),
      audit: [{ chain: p.trajectoryId, action: 'consultation.reaction.edit', objectType: 'consultation_reaction', objectId: p.reactionId, summary: { consultationId: p.consultationId }, anonymous: reaction.anonymous }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'consultations' }],
    };
  },
});

export const withdrawReaction = defineTrajectoryOperation({
  name: 'consultation.reaction.withdraw',
  action: 'consultation.react',
  params: reactionParams,
  body: noBody,
  lock: consultationLock,
  run: async (ctx, p, _b, access) => {
    const { models } = ctx.services;
    const consultation = await findConsultation(models, p.trajectoryId, p.consultationId);
    const reaction = await findReaction(models, consultation, p.reactionId);
    requireOwnAndUnanswered(reaction, access);
    requireOpen(consultation);
    await models.consultationReactions.deleteOne({ _id: reaction._id });
    return {
      result: undefined,
      audit: [{ chain: p.trajectoryId, action: 'consultation.reaction.withdraw', objectType: 'consultation_reaction', objectId: p.reactionId, summary: { consultationId: p.consultationId }, anonymous: reaction.anonymous }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'consultations' }],
    };
  },
});

/** The team's response to one reaction, changeable until publication; it may point to an amendment or a version. */
export const respondToReaction = defineTrajectoryOperation({
  name: 'consultation.respond',
  action: 'consultation.manage',
  params: reactionParams,
  body: respondRequest,
  lock: consultationLock,
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    const consultation = await findConsultation(models, p.trajectoryId, p.consultationId);
    const reaction = await findReaction(models, consultation, p.reactionId);
    if (body.amendmentId && !(await models.amendments.exists({ _id: body.amendmentId, trajectoryId: p.trajectoryId }))) throw invalid('amendmentId', 'is not an amendment of this trajectory');
    if (body.versionId && !(await models.versions.exists({ _id: body.versionId, trajectoryId: p.trajectoryId }))) throw invalid('versionId', 'is not a version of this trajectory');
    if (consultation.status === 'published') throw new AppError('conflict', 'This consultation has been published; its responses no longer change.', { reason: 'published' });
    await models.consultationReactions.updateOne(
      { _id: reaction._id },
      { $set: { response: { text: body.text, outcome: body.outcome, amendmentId: body.amendmentId, versionId: body.versionId, respondedBy: access.user.userId, respondedAt: new Date() } } },
    );
    return {
      result: await oneView(models, consultation, reaction._id, access),
      audit: [{ chain: p.trajectoryId, action: 'consultation.respond', objectType: 'consultation_reaction', objectId: p.reactionId, summary: { consultationId: p.consultationId, outcome: body.outcome, amendmentId: body.amendmentId, versionId: body.versionId } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'consultations' }],
    };
  },
});
