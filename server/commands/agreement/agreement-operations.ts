import { clauseDocumentName } from '../../../shared/domain/agreement';
import { clauseFragment, paragraphsOf, replaceContent } from '../../../shared/domain/clause-text';
import { createChapterRequest, createClauseRequest, updateChapterRequest, updateClauseRequest, variantRequest } from '../../../shared/schemas/agreement';
import { id } from '../../../shared/schemas/common';
import { setPlainSummaryRequest } from '../../../shared/schemas/summaries';
import { AppError, notFound } from '../../errors';
import type { Models } from '../../models';
import { defineTrajectoryOperation, noBody, type OperationContext, type TrajectoryAccess } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { agreementView } from './agreement-views';

const chapterParams = trajectoryParams.extend({ chapterId: id });
export const clauseParams = trajectoryParams.extend({ clauseId: id });
const variantParams = clauseParams.extend({ variantId: id });

const invalid = (field: string, message: string) => new AppError('validation_failed', 'The input is not valid.', { [field]: message });

export async function findClause(models: Models, trajectoryId: string, clauseId: string) {
  const clause = await models.clauses.findOne({ _id: clauseId, trajectoryId }).lean();
  if (!clause) throw notFound();
  return clause;
}

async function checkTopics(models: Models, trajectoryId: string, topicIds: string[]): Promise<void> {
  if (topicIds.length === 0) return;
  const found = await models.topics.countDocuments({ trajectoryId, _id: { $in: topicIds } });
  if (found !== new Set(topicIds).size) throw invalid('topicIds', 'names a topic that is not in this trajectory');
}

/** Puts `movedId` at `position` among the other clauses of the chapter and numbers them 0..n-1. */
async function placeClause(models: Models, chapterId: string, movedId: string, position: number): Promise<void> {
  const others = await models.clauses.find({ chapterId, _id: { $ne: movedId } }, { position: 1 }).sort({ position: 1 }).lean();
  const order = others.map((c) => String(c._id));
  order.splice(Math.min(position, order.length), 0, movedId);
  await models.clauses.bulkWrite(order.map((clauseId, index) => ({ updateOne: { filter: { _id: clauseId }, update: { $set: { position: index } } } })), { ordered: false });
}

async function placeChapter(models: Models, trajectoryId: string, movedId: string, position: number): Promise<void> {
  const others = await models.chapters.find({ trajectoryId, _id: { $ne: movedId } }, { position: 1 }).sort({ position: 1 }).lean();
  const order = others.map((c) => String(c._id));
  order.splice(Math.min(position, order.length), 0, movedId);
  await models.chapters.bulkWrite(order.map((chapterId, index) => ({ updateOne: { filter: { _id: chapterId }, update: { $set: { position: index } } } })), { ordered: false });
}

async function currentAgreement(ctx: OperationContext, trajectoryId: string, access: TrajectoryAccess) {
  return agreementView(ctx.services.models, trajectoryId, access.trajectory.name, { user: access.user, seat: access.seat });
}

export const getAgreement = defineTrajectoryOperation({
  name: 'agreement.view',
  action: 'agreement.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, access) => ({ result: await currentAgreement(ctx, p.trajectoryId, access) }),
});

export const createChapter = defineTrajectoryOperation({
  name: 'agreement.chapter.create',
  action: 'agreement.manage',
  params: trajectoryParams,
  body: createChapterRequest,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const count = await ctx.services.models.chapters.countDocuments({ trajectoryId: p.trajectoryId });
    const chapter = await ctx.services.models.chapters.create({ trajectoryId: p.trajectoryId, title: body.title, position: count });
    return {
      result: await currentAgreement(ctx, p.trajectoryId, access),
      audit: [{ chain: p.trajectoryId, action: 'agreement.chapter.create', objectType: 'chapter', objectId: String(chapter._id), summary: { title: body.title } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'agreement' }],
    };
  },
});

export const updateChapter = defineTrajectoryOperation({
  name: 'agreement.chapter.update',
  action: 'agreement.manage',
  params: chapterParams,
  body: updateChapterRequest,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const { chapters } = ctx.services.models;
    if (!(await chapters.exists({ _id: p.chapterId, trajectoryId: p.trajectoryId }))) throw notFound();
    if (body.title !== undefined) await chapters.updateOne({ _id: p.chapterId }, { $set: { title: body.title } });
    if (body.position !== undefined) await placeChapter(ctx.services.models, p.trajectoryId, p.chapterId, body.position);
    return {
      result: await currentAgreement(ctx, p.trajectoryId, access),
      audit: [{ chain: p.trajectoryId, action: 'agreement.chapter.update', objectType: 'chapter', objectId: p.chapterId, summary: body }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'agreement' }],
    };
  },
});

/** A new clause, at the end of its chapter, optionally starting from plain text. */
export const createClause = defineTrajectoryOperation({
  name: 'agreement.clause.create',
  action: 'agreement.manage',
  params: trajectoryParams,
  body: createClauseRequest,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    if (!(await models.chapters.exists({ _id: body.chapterId, trajectoryId: p.trajectoryId }))) throw invalid('chapterId', 'is not a chapter of this agreement');
    await checkTopics(models, p.trajectoryId, body.topicIds);
    const position = await models.clauses.countDocuments({ chapterId: body.chapterId });
    const clause = await models.clauses.create({
      trajectoryId: p.trajectoryId,
      chapterId: body.chapterId,
      position,
      title: body.title,
      status: 'concept',
      topicIds: body.topicIds,
      createdBy: access.user.userId,
    });
    if (body.text.trim()) {
      await ctx.services.documents.change(clauseDocumentName(p.trajectoryId, String(clause._id)), (doc) => replaceContent(clauseFragment(doc), paragraphsOf(body.text)));
    }
    return {
      result: await currentAgreement(ctx, p.trajectoryId, access),
      audit: [{ chain: p.trajectoryId, action: 'agreement.clause.create', objectType: 'clause', objectId: String(clause._id), summary: { title: body.title } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'agreement' }],
    };
  },
});

/** Title, status, topics, or a move to another place or chapter; numbering follows. */
export const updateClause = defineTrajectoryOperation({
  name: 'agreement.clause.update',
  action: 'agreement.manage',
  params: clauseParams,
  body: updateClauseRequest,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    const clause = await findClause(models, p.trajectoryId, p.clauseId);
    if (body.topicIds) await checkTopics(models, p.trajectoryId, body.topicIds);
    const chapterId = body.chapterId ?? String(clause.chapterId);
    if (body.chapterId && !(await models.chapters.exists({ _id: body.chapterId, trajectoryId: p.trajectoryId }))) {
      throw invalid('chapterId', 'is not a chapter of this agreement');
    }
    const set: Record<string, unknown> = { updatedAt: new Date() };
    if (body.title !== undefined) set.title = body.title;
    if (body.status !== undefined) set.status = body.status;
    if (body.topicIds !== undefined) set.topicIds = body.topicIds;
    if (body.chapterId !== undefined) set.chapterId = body.chapterId;
    await models.clauses.updateOne({ _id: p.clauseId }, { $set: set });
    if (body.position !== undefined || chapterId !== String(clause.chapterId)) {
      await placeClause(models, chapterId, p.clauseId, body.position ?? Number.MAX_SAFE_INTEGER);
      // Close the gap the clause left in its old chapter.
      if (chapterId !== String(clause.chapterId)) {
        const rest = await models.clauses.find({ chapterId: clause.chapterId }, { _id: 1 }).sort({ position: 1 }).lean();
        await models.clauses.bulkWrite(rest.map((c, index) => ({ updateOne: { filter: { _id: c._id }, update: { $set: { position: index } } } })), { ordered: false });
      }
    }
    const summary: Record<string, unknown> = { changed: Object.keys(body) };
    if (body.status) summary.status = { from: clause.status, to: body.status };
    return {
      result: await currentAgreement(ctx, p.trajectoryId, access),
      audit: [{ chain: p.trajectoryId, action: body.status && body.status !== clause.status ? 'agreement.clause.status' : 'agreement.clause.update', objectType: 'clause', objectId: p.clauseId, summary }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'agreement' }],
      ...(body.status && body.status !== clause.status ? { access: [p.trajectoryId] } : {}),
    };
  },
});

/**
 * The procurement team writes (or, empty, removes) a clause's summary in plain language (B1).
 * It explains the text and is no part of it, so it may still be written once the agreement is final.
 */
export const setClauseSummary = defineTrajectoryOperation({
  name: 'agreement.clause.summary',
  action: 'agreement.manage',
  params: clauseParams,
  body: setPlainSummaryRequest,
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    await findClause(models, p.trajectoryId, p.clauseId);
    await models.clauses.updateOne({ _id: p.clauseId }, { $set: { summary: body.summary, updatedAt: new Date() } });
    return {
      result: await currentAgreement(ctx, p.trajectoryId, access),
      audit: [{ chain: p.trajectoryId, action: 'agreement.clause.summary', objectType: 'clause', objectId: p.clauseId, summary: { length: body.summary.length } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'agreement' }],
    };
  },
});

function checkMunicipalities(municipalities: string[], participating: string[]): void {
  const unknown = municipalities.filter((m) => !participating.includes(m));
  if (unknown.length > 0) throw invalid('municipalities', `not a participating municipality: ${unknown.join(', ')}`);
  if (new Set(municipalities).size !== municipalities.length) throw invalid('municipalities', 'names a municipality twice');
}

/** A municipality variant: its own text beside the regional text, for the municipalities it names. */
export const createVariant = defineTrajectoryOperation({
  name: 'agreement.variant.create',
  action: 'agreement.manage',
  params: clauseParams,
  body: variantRequest,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const clause = await findClause(ctx.services.models, p.trajectoryId, p.clauseId);
    checkMunicipalities(body.municipalities, access.trajectory.municipalities);
    const taken = clause.variants.flatMap((v) => v.municipalities).filter((m) => body.municipalities.includes(m));
    if (taken.length > 0) throw invalid('municipalities', `already has a variant: ${taken.join(', ')}`);
    const updated = await ctx.services.models.clauses.findOneAndUpdate(
      { _id: p.clauseId },
      { $push: { variants: { label: body.label, municipalities: body.municipalities } }, $set: { updatedAt: new Date() } },
      { returnDocument: 'after' },
    ).lean();
    const variant = updated!.variants[updated!.variants.length - 1]!;
    return {
      result: await currentAgreement(ctx, p.trajectoryId, access),
      audit: [{ chain: p.trajectoryId, action: 'agreement.variant.create', objectType: 'clause', objectId: p.clauseId, summary: { variantId: String(variant._id), label: body.label, municipalities: body.municipalities } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'agreement' }],
    };
  },
});

export const updateVariant = defineTrajectoryOperation({
  name: 'agreement.variant.update',
  action: 'agreement.manage',
  params: variantParams,
  body: variantRequest,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const clause = await findClause(ctx.services.models, p.trajectoryId, p.clauseId);
    if (!clause.variants.some((v) => String(v._id) === p.variantId)) throw notFound();
    checkMunicipalities(body.municipalities, access.trajectory.municipalities);
    const taken = clause.variants.filter((v) => String(v._id) !== p.variantId).flatMap((v) => v.municipalities).filter((m) => body.municipalities.includes(m));
    if (taken.length > 0) throw invalid('municipalities', `already has a variant: ${taken.join(', ')}`);
    // The whole list is written back (under the agreement's lock): FerretDB has no positional `$` update.
    const variants = clause.variants.map((v) => (String(v._id) === p.variantId ? { ...v, label: body.label, municipalities: body.municipalities } : v));
    await ctx.services.models.clauses.updateOne({ _id: p.clauseId }, { $set: { variants, updatedAt: new Date() } });
    return {
      result: await currentAgreement(ctx, p.trajectoryId, access),
      audit: [{ chain: p.trajectoryId, action: 'agreement.variant.update', objectType: 'clause', objectId: p.clauseId, summary: { variantId: p.variantId, label: body.label, municipalities: body.municipalities } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'agreement' }],
    };
  },
});
