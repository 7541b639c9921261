import { clauseDocumentName } from '../../../shared/domain/agreement';
import { anchoredText, clauseFragment, paragraphsOf, replaceContent, resolveAnchor } from '../../../shared/domain/clause-text';
import { decideAmendmentRequest, proposeAmendmentRequest, replyRequest } from '../../../shared/schemas/agreement';
import { id } from '../../../shared/schemas/common';
import { AppError, notFound } from '../../errors';
import type { AmendmentRecord } from '../../models/amendment';
import { defineTrajectoryOperation, noBody, type OperationContext, type TrajectoryAccess } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { clauseParams, findClause } from './agreement-operations';
import { amendmentView, clauseLabels, loadPeople } from './agreement-views';
import { authorOf, checkAnchor, checkOpenForDiscussion } from './contribution';
import { notifyAmendmentDecided, notifyReply } from '../../notifications/events';

const amendmentParams = trajectoryParams.extend({ amendmentId: id });

async function views(ctx: OperationContext, trajectoryId: string, records: AmendmentRecord[], access: TrajectoryAccess) {
  const [labels, people] = await Promise.all([
    clauseLabels(ctx.services.models, trajectoryId),
    loadPeople(ctx.services.models, [...records, ...records.flatMap((a) => a.replies)], records.map((a) => a.decidedBy)),
  ]);
  const viewer = { user: access.user, seat: access.seat };
  return records.map((a) => amendmentView(a, labels.get(String(a.clauseId)) ?? { number: 0, title: '—' }, people, viewer));
}

async function oneView(ctx: OperationContext, trajectoryId: string, amendmentId: string, access: TrajectoryAccess) {
  const record = await ctx.services.models.amendments.findById(amendmentId).lean();
  if (!record) throw notFound();
  return (await views(ctx, trajectoryId, [record], access))[0]!;
}

async function findAmendment(ctx: OperationContext, trajectoryId: string, amendmentId: string) {
  const amendment = await ctx.services.models.amendments.findOne({ _id: amendmentId, trajectoryId }).lean();
  if (!amendment) throw notFound();
  return amendment;
}

export const listAmendments = defineTrajectoryOperation({
  name: 'amendment.list',
  action: 'agreement.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, access) => {
    const records = await ctx.services.models.amendments.find({ trajectoryId: p.trajectoryId }).sort({ createdAt: 1 }).lean();
    return { result: await views(ctx, p.trajectoryId, records, access) };
  },
});

/** Other wording for a part of a clause (anchored) or for the whole clause, with a motivation. */
export const proposeAmendment = defineTrajectoryOperation({
  name: 'amendment.propose',
  action: 'amendment.propose',
  params: clauseParams,
  body: proposeAmendmentRequest,
  // Under the agreement's lock like the final seal: a comment lands before the seal or is refused.
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const clause = await findClause(ctx.services.models, p.trajectoryId, p.clauseId);
    checkOpenForDiscussion(clause, access, body.variantId);
    if (body.anchor) {
      checkAnchor(body.anchor);
      if (!body.originalText.trim()) throw new AppError('validation_failed', 'The input is not valid.', { originalText: 'is required with a selection' });
    }
    const amendment = await ctx.services.models.amendments.create({
      trajectoryId: p.trajectoryId,
      clauseId: p.clauseId,
      variantId: body.variantId,
      anchor: body.anchor,
      originalText: body.originalText,
      proposedText: body.proposedText,
      motivation: body.motivation,
      ...authorOf(access, false),
    });
    return {
      result: await oneView(ctx, p.trajectoryId, String(amendment._id), access),
      audit: [{ chain: p.trajectoryId, action: 'amendment.propose', objectType: 'amendment', objectId: String(amendment._id), summary: { clauseId: p.clauseId } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'amendments' }, { trajectoryId: p.trajectoryId, what: 'agreement' }],
    };
  },
});

export const replyToAmendment = defineTrajectoryOperation({
  name: 'amendment.reply',
  action: 'comment.create',
  params: amendmentParams,
  body: replyRequest,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const amendment = await findAmendment(ctx, p.trajectoryId, p.amendmentId);
    const clause = await findClause(ctx.services.models, p.trajectoryId, String(amendment.clauseId));
    checkOpenForDiscussion(clause, access, null);
    const author = authorOf(access, body.anonymous);
    await ctx.services.models.amendments.updateOne({ _id: p.amendmentId }, { $push: { replies: { ...author, body: body.body, createdAt: new Date() } } });
    return {
      result: await oneView(ctx, p.trajectoryId, p.amendmentId, access),
      audit: [{ chain: p.trajectoryId, action: 'amendment.reply', objectType: 'amendment', objectId: p.amendmentId, summary: {}, anonymous: body.anonymous }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'amendments' }],
      notify: [notifyReply(p.trajectoryId, amendment.authorId, access.user.userId, clause.title, '/overeenkomst/wijzigingsvoorstellen', body.anonymous)],
    };
  },
});

/**
 * The procurement team accepts (the wording goes into the clause as a new edit) or declines
 * with a reason. An anchored part that was changed since the proposal is not overwritten: the
 * team is asked to adjust the proposal's text by hand instead.
 */
export const decideAmendment = defineTrajectoryOperation({
  name: 'amendment.decide',
  action: 'amendment.decide',
  params: amendmentParams,
  body: decideAmendmentRequest,
  // The agreement's lock: a status change (to fixed) or the final seal cannot slip in between.
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const amendment = await findAmendment(ctx, p.trajectoryId, p.amendmentId);
    if (amendment.status !== 'pending') throw new AppError('conflict', 'This proposal has been decided already.');
    const clause = await findClause(ctx.services.models, p.trajectoryId, String(amendment.clauseId));
    if (clause.status === 'fixed') throw new AppError('conflict', 'This clause has been fixed; it is closed for comments and proposals.');
    const variantId = amendment.variantId ? String(amendment.variantId) : null;
    if (body.decision === 'accept') {
      const name = clauseDocumentName(p.trajectoryId, String(clause._id), variantId);
      await ctx.services.documents.change(name, (doc) => {
        if (!amendment.anchor) return replaceContent(clauseFragment(doc), paragraphsOf(amendment.proposedText));
        const resolved = resolveAnchor(doc, amendment.anchor);
        if (!resolved || anchoredText(doc, amendment.anchor) !== amendment.originalText) {
          throw new AppError('conflict', 'The words this proposal replaces have changed since it was made; adjust the clause by hand.');
        }
        resolved.text.delete(resolved.from, resolved.to - resolved.from);
        resolved.text.insert(resolved.from, amendment.proposedText);
      });
    }
    const decided = await ctx.services.models.amendments.findOneAndUpdate(
      { _id: p.amendmentId, status: 'pending' },
      {
        $set: {
          status: body.decision === 'accept' ? 'accepted' : 'declined',
          decidedBy: access.user.userId,
          decidedAt: new Date(),
          reason: body.decision === 'decline' ? body.reason : null,
        },
      },
    );
    if (!decided) throw new AppError('conflict', 'This proposal has been decided already.');
    return {
      result: await oneView(ctx, p.trajectoryId, p.amendmentId, access),
      // The change to the clause is attributed to the proposal's author, accepted by the team.
      audit: [
        {
          chain: p.trajectoryId,
          action: `amendment.${body.decision}`,
          objectType: 'amendment',
          objectId: p.amendmentId,
          summary: { clauseId: String(clause._id), proposedBy: String(amendment.authorId), ...(body.decision === 'decline' ? { reason: body.reason } : {}) },
        },
      ],
      publish: [{ trajectoryId: p.trajectoryId, what: 'amendments' }, { trajectoryId: p.trajectoryId, what: 'agreement' }],
      notify: [notifyAmendmentDecided(p.trajectoryId, amendment.authorId, clause.title)],
    };
  },
});

/** The author withdraws a proposal that was not decided yet. */
export const withdrawAmendment = defineTrajectoryOperation({
  name: 'amendment.withdraw',
  action: 'amendment.propose',
  params: amendmentParams,
  body: noBody,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, _b, access) => {
    const amendment = await findAmendment(ctx, p.trajectoryId, p.amendmentId);
    if (String(amendment.authorId) !== access.user.userId) throw new AppError('forbidden', 'Only the author withdraws a proposal.');
    if (amendment.status !== 'pending') throw new AppError('conflict', 'This proposal has been decided already.');
    await ctx.services.models.amendments.updateOne({ _id: p.amendmentId, status: 'pending' }, { $set: { status: 'withdrawn', decidedAt: new Date() } });
    return {
      result: await oneView(ctx, p.trajectoryId, p.amendmentId, access),
      audit: [{ chain: p.trajectoryId, action: 'amendment.withdraw', objectType: 'amendment', objectId: p.amendmentId, summary: {} }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'amendments' }, { trajectoryId: p.trajectoryId, what: 'agreement' }],
    };
  },
});
