import { commentStatusRequest, createCommentRequest, listCommentsQuery, replyRequest } from '../../../shared/schemas/agreement';
import { id } from '../../../shared/schemas/common';
import { AppError, notFound } from '../../errors';
import { decideTrajectoryAction } from '../../policies/trajectory-policy';
import type { CommentRecord } from '../../models/clause-comment';
import { defineTrajectoryOperation, type OperationContext, type TrajectoryAccess } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { clauseParams, findClause } from './agreement-operations';
import { clauseLabels, commentView, loadPeople } from './agreement-views';
import { authorOf, checkAnchor, checkOnBehalf, checkOpenForDiscussion } from './contribution';
import { notifyReply } from '../../notifications/events';

const commentParams = trajectoryParams.extend({ commentId: id });
async function views(ctx: OperationContext, trajectoryId: string, records: CommentRecord[], access: TrajectoryAccess) {
  const [labels, people] = await Promise.all([
    clauseLabels(ctx.services.models, trajectoryId),
    loadPeople(ctx.services.models, [...records, ...records.flatMap((c) => c.replies)], records.map((c) => c.resolvedBy)),
  ]);
  const viewer = { user: access.user, seat: access.seat };
  return records.map((c) => commentView(c, labels.get(String(c.clauseId)) ?? { number: 0, title: '—' }, people, viewer));
}

async function oneView(ctx: OperationContext, trajectoryId: string, commentId: string, access: TrajectoryAccess) {
  const record = await ctx.services.models.comments.findById(commentId).lean();
  if (!record) throw notFound();
  return (await views(ctx, trajectoryId, [record], access))[0]!;
}

/** Open and resolved comments of the whole agreement, or of one clause, oldest first. */
export const listComments = defineTrajectoryOperation({
  name: 'comment.list',
  action: 'agreement.view',
  params: trajectoryParams,
  body: listCommentsQuery,
  run: async (ctx, p, query, access) => {
    const filter: Record<string, unknown> = { trajectoryId: p.trajectoryId };
    if (query.clauseId) filter.clauseId = query.clauseId;
    if (query.status) filter.status = query.status;
    const records = await ctx.services.models.comments.find(filter).sort({ createdAt: 1 }).lean();
    return { result: await views(ctx, p.trajectoryId, records, access) };
  },
});

/** A comment on a range of a clause's text; a client representative may post it anonymously. */
export const createComment = defineTrajectoryOperation({
  name: 'comment.create',
  action: 'comment.create',
  params: clauseParams,
  body: createCommentRequest,
  // Under the agreement's lock like the final seal: a comment lands before the seal or is refused.
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const clause = await findClause(ctx.services.models, p.trajectoryId, p.clauseId);
    checkOpenForDiscussion(clause, access, body.anchor.variantId);
    checkAnchor(body.anchor);
    const onBehalfOf = checkOnBehalf(ctx, access, body.onBehalfOf, body.anonymous);
    const author = authorOf(access, body.anonymous);
    const comment = await ctx.services.models.comments.create({
      trajectoryId: p.trajectoryId,
      clauseId: p.clauseId,
      variantId: body.anchor.variantId,
      anchor: { start: body.anchor.start, end: body.anchor.end, quote: body.anchor.quote },
      body: body.body,
      ...author,
      onBehalfOf,
    });
    return {
      result: await oneView(ctx, p.trajectoryId, String(comment._id), access),
      // An anonymous comment's audit event names no one either: the log is readable by the table.
      audit: [{ chain: p.trajectoryId, action: 'comment.create', objectType: 'comment', objectId: String(comment._id), summary: { clauseId: p.clauseId, ...(onBehalfOf ? { onBehalfOf } : {}) }, anonymous: body.anonymous }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'comments' }],
    };
  },
});

async function findComment(ctx: OperationContext, trajectoryId: string, commentId: string) {
  const comment = await ctx.services.models.comments.findOne({ _id: commentId, trajectoryId }).lean();
  if (!comment) throw notFound();
  return comment;
}

export const replyToComment = defineTrajectoryOperation({
  name: 'comment.reply',
  action: 'comment.create',
  params: commentParams,
  body: replyRequest,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const comment = await findComment(ctx, p.trajectoryId, p.commentId);
    const clause = await findClause(ctx.services.models, p.trajectoryId, String(comment.clauseId));
    checkOpenForDiscussion(clause, access, null);
    const author = authorOf(access, body.anonymous);
    await ctx.services.models.comments.updateOne({ _id: p.commentId }, { $push: { replies: { ...author, body: body.body, createdAt: new Date() } } });
    return {
      result: await oneView(ctx, p.trajectoryId, p.commentId, access),
      audit: [{ chain: p.trajectoryId, action: 'comment.reply', objectType: 'comment', objectId: p.commentId, summary: {}, anonymous: body.anonymous }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'comments' }],
      // Batched in the digest by default for anonymous replies: the mail never names who replied.
      notify: [notifyReply(p.trajectoryId, comment.authorId, access.user.userId, clause.title, `/overeenkomst/artikelen/${String(comment.clauseId)}`, body.anonymous)],
    };
  },
});

/** Resolve or reopen: the author of the comment, the procurement team or the facilitator. */
export const setCommentStatus = defineTrajectoryOperation({
  name: 'comment.status',
  action: 'comment.create',
  params: commentParams,
  body: commentStatusRequest,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const comment = await findComment(ctx, p.trajectoryId, p.commentId);
    const own = String(comment.authorId) === access.user.userId;
    if (!decideTrajectoryAction(ctx.actor, access.seat, 'comment.moderate', { authorId: String(comment.authorId) }).allowed) {
      throw new AppError('forbidden', 'Only the author, the procurement team or the facilitator resolves a comment.');
    }
    const resolved = body.status === 'resolved';
    await ctx.services.models.comments.updateOne(
      { _id: p.commentId },
      { $set: { status: body.status, resolvedBy: resolved ? access.user.userId : null, resolvedAt: resolved ? new Date() : null } },
    );
    return {
      result: await oneView(ctx, p.trajectoryId, p.commentId, access),
      // The anonymous author resolving her own comment stays anonymous in the log too.
      audit: [{ chain: p.trajectoryId, action: resolved ? 'comment.resolve' : 'comment.reopen', objectType: 'comment', objectId: p.commentId, summary: {}, anonymous: own && comment.anonymous }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'comments' }],
    };
  },
});
