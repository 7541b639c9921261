import { id } from '../../../shared/schemas/common';
import { setPlainSummaryRequest } from '../../../shared/schemas/summaries';
import { decideTopicRequest, proposeTopicRequest, reorderTopicsRequest, updateTopicRequest } from '../../../shared/schemas/topics';
import { AppError, notFound } from '../../errors';
import { roleMay } from '../../../shared/domain/permissions';
import { defineTrajectoryOperation, noBody, type OperationContext } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { userNames } from '../../models/names';
import { topicView } from './topic-view';

const topicParams = trajectoryParams.extend({ topicId: id });

async function viewOf(ctx: OperationContext, topicId: string) {
  const topic = await ctx.services.models.topics.findById(topicId).lean();
  if (!topic) throw notFound();
  return topicView(topic, await userNames(ctx.services.models, [topic.ownerId, topic.proposedBy]));
}

async function findTopic(ctx: OperationContext, trajectoryId: string, topicId: string) {
  const topic = await ctx.services.models.topics.findOne({ _id: topicId, trajectoryId }).lean();
  if (!topic) throw notFound();
  return topic;
}

export const listTopics = defineTrajectoryOperation({
  name: 'topic.list',
  action: 'topic.list',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p) => {
    const topics = await ctx.services.models.topics.find({ trajectoryId: p.trajectoryId }).sort({ order: 1, createdAt: 1 }).lean();
    const names = await userNames(ctx.services.models, topics.flatMap((t) => [t.ownerId, t.proposedBy]));
    return { result: topics.map((t) => topicView(t, names)) };
  },
});

/** Any participant may propose a topic; the procurement team's own proposals are accepted at once. */
export const proposeTopic = defineTrajectoryOperation({
  name: 'topic.propose',
  action: 'topic.propose',
  params: trajectoryParams,
  lock: (p) => `topics:${p.trajectoryId}`,
  body: proposeTopicRequest,
  run: async (ctx, p, body, { seat, user }) => {
    const { topics } = ctx.services.models;
    const last = await topics.findOne({ trajectoryId: p.trajectoryId }).sort({ order: -1 }).lean();
    const decides = user.platformAdmin || (seat !== null && roleMay(seat.role, 'topic.decide'));
    const topic = await topics.create({
      trajectoryId: p.trajectoryId,
      title: body.title,
      description: body.description,
      order: (last?.order ?? 0) + 1,
      status: decides ? 'accepted' : 'proposed',
      proposedBy: user.userId,
    });
    return {
      result: await viewOf(ctx, String(topic._id)),
      audit: [{ chain: p.trajectoryId, action: 'topic.propose', objectType: 'topic', objectId: String(topic._id), summary: { title: body.title, status: topic.status } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'topics' }],
    };
  },
});

/** The procurement team accepts a proposed topic, or declines it with a reason everyone can read. */
export const decideTopic = defineTrajectoryOperation({
  name: 'topic.decide',
  action: 'topic.decide',
  params: topicParams,
  lock: (p) => `topics:${p.trajectoryId}`,
  body: decideTopicRequest,
  run: async (ctx, p, body) => {
    await findTopic(ctx, p.trajectoryId, p.topicId);
    const decided = await ctx.services.models.topics.findOneAndUpdate(
      { _id: p.topicId, trajectoryId: p.trajectoryId, status: 'proposed' },
      { $set: body.decision === 'accept' ? { status: 'accepted', decisionReason: null } : { status: 'declined', decisionReason: body.reason } },
      { returnDocument: 'after' },
    ).lean();
    if (!decided) throw new AppError('conflict', 'This topic has been decided already.');
    return {
      result: await viewOf(ctx, p.topicId),
      audit: [{ chain: p.trajectoryId, action: `topic.${body.decision}`, objectType: 'topic', objectId: p.topicId, summary: body.decision === 'decline' ? { reason: body.reason } : {} }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'topics' }],
    };
  },
});

export const updateTopic = defineTrajectoryOperation({
  name: 'topic.update',
  action: 'topic.update',
  params: topicParams,
  lock: (p) => `topics:${p.trajectoryId}`,
  body: updateTopicRequest,
  run: async (ctx, p, body) => {
    const topic = await findTopic(ctx, p.trajectoryId, p.topicId);
    if (body.status && (topic.status === 'proposed' || topic.status === 'declined')) {
      throw new AppError('conflict', 'Decide on the proposal first.');
    }
    if (body.ownerId && !(await ctx.services.models.memberships.exists({ trajectoryId: p.trajectoryId, userId: body.ownerId, removedAt: null }))) {
      throw new AppError('validation_failed', 'The input is not valid.', { ownerId: 'is not a member of this trajectory' });
    }
    await ctx.services.models.topics.updateOne({ _id: p.topicId }, { $set: body });
    return {
      result: await viewOf(ctx, p.topicId),
      audit: [{ chain: p.trajectoryId, action: 'topic.update', objectType: 'topic', objectId: p.topicId, summary: { changed: Object.keys(body), ...(body.status ? { status: body.status } : {}) } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'topics' }],
    };
  },
});

/** Sets the agenda order; the list must name every topic of the trajectory exactly once. */
export const reorderTopics = defineTrajectoryOperation({
  name: 'topic.reorder',
  action: 'topic.update',
  params: trajectoryParams,
  lock: (p) => `topics:${p.trajectoryId}`,
  body: reorderTopicsRequest,
  run: async (ctx, p, body) => {
    const { topics } = ctx.services.models;
    const existing = await topics.find({ trajectoryId: p.trajectoryId }, { _id: 1 }).lean();
    const ids = new Set(existing.map((t) => String(t._id)));
    if (body.order.length !== ids.size || new Set(body.order).size !== ids.size || !body.order.every((t) => ids.has(t))) {
      throw new AppError('validation_failed', 'The input is not valid.', { order: 'must list every topic of this trajectory once' });
    }
    await topics.bulkWrite(body.order.map((topicId, index) => ({ updateOne: { filter: { _id: topicId }, update: { $set: { order: index + 1 } } } })), { ordered: false });
    const sorted = await topics.find({ trajectoryId: p.trajectoryId }).sort({ order: 1 }).lean();
    const names = await userNames(ctx.services.models, sorted.flatMap((t) => [t.ownerId, t.proposedBy]));
    return {
      result: sorted.map((t) => topicView(t, names)),
      audit: [{ chain: p.trajectoryId, action: 'topic.reorder', objectType: 'trajectory', objectId: p.trajectoryId, summary: { order: body.order } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'topics' }],
    };
  },
});

/**
 * The procurement team writes (or, empty, removes) a topic's summary in plain language (B1).
 * The audit event records that it changed and its length, not the words: those are on the topic.
 */
export const setTopicSummary = defineTrajectoryOperation({
  name: 'topic.summary',
  action: 'topic.update',
  params: topicParams,
  lock: (p) => `topics:${p.trajectoryId}`,
  body: setPlainSummaryRequest,
  run: async (ctx, p, body) => {
    await findTopic(ctx, p.trajectoryId, p.topicId);
    await ctx.services.models.topics.updateOne({ _id: p.topicId }, { $set: { summary: body.summary } });
    return {
      result: await viewOf(ctx, p.topicId),
      audit: [{ chain: p.trajectoryId, action: 'topic.summary', objectType: 'topic', objectId: p.topicId, summary: { length: body.summary.length } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'topics' }],
    };
  },
});
