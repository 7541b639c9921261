import { roleMay } from '../../../shared/domain/permissions';
import { id } from '../../../shared/schemas/common';
import { topicTakesOutcomes, type ChainPollDto, type TopicChainDto } from '../../../shared/schemas/outcomes';
import type { PollResult } from '../../../shared/live-table/polls';
import { notFound } from '../../errors';
import { pollView } from '../../live-table/live-state';
import { amendmentView, clauseLabels, commentView, loadPeople } from '../agreement/agreement-views';
import { noBody, defineTrajectoryOperation } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { outcomeViews } from './outcome-views';
import { findByIds } from '../../models/by-ids';

const topicParams = trajectoryParams.extend({ topicId: id });

/**
 * The topic page's chain from input to outcome. Authors are shown as the agreement shows them
 * (an anonymous client representative stays anonymous except to the facilitator), and poll
 * results as the live table shows them: stored at closing, or live only when the poll says so.
 */
export const topicChain = defineTrajectoryOperation({
  name: 'outcome.chain',
  action: 'outcome.list',
  params: topicParams,
  body: noBody,
  run: async (ctx, p, _b, access): Promise<{ result: TopicChainDto }> => {
    const { models } = ctx.services;
    const topic = await models.topics.findOne({ _id: p.topicId, trajectoryId: p.trajectoryId }).lean();
    if (!topic) throw notFound();
    const [labels, clauses, outcomes] = await Promise.all([
      clauseLabels(models, p.trajectoryId),
      models.clauses.find({ trajectoryId: p.trajectoryId, topicIds: topic._id }, { title: 1, status: 1 }).lean(),
      models.outcomes.find({ trajectoryId: p.trajectoryId, topicId: topic._id }).sort({ number: 1 }).lean(),
    ]);
    const clauseIds = clauses.map((c) => c._id);
    const [comments, amendments] = await Promise.all([
      models.comments.find({ trajectoryId: p.trajectoryId, clauseId: { $in: clauseIds } }).sort({ createdAt: 1 }).lean(),
      models.amendments.find({ trajectoryId: p.trajectoryId, clauseId: { $in: clauseIds } }).sort({ createdAt: 1 }).lean(),
    ]);
    const linkedVersionIds = outcomes.flatMap((o) => o.versionIds);
    const [polls, versions, people] = await Promise.all([
      models.polls.find({ trajectoryId: p.trajectoryId, $or: [{ topicId: topic._id }, { amendmentId: { $in: amendments.map((a) => a._id) } }] }).sort({ openedAt: 1 }).lean(),
      models.versions
        .find({ trajectoryId: p.trajectoryId, $or: [{ clauseId: { $in: clauseIds } }, { clauseId: null }, { _id: { $in: linkedVersionIds } }] }, { name: 1, clauseId: 1, createdAt: 1 })
        .sort({ createdAt: -1 })
        .lean(),
      loadPeople(models, [...comments, ...comments.flatMap((c) => c.replies), ...amendments]),
    ]);
    const sessions = await findByIds(models.dialogueSessions, polls.flatMap((x) => (x.sessionId ? [x.sessionId] : [])), { title: 1 });
    const sessionTitle = new Map(sessions.map((s) => [String(s._id), s.title]));
    const viewer = { user: access.user, seat: access.seat };
    const label = (clauseId: unknown) => labels.get(String(clauseId)) ?? { number: 0, title: '—' };
    const byNumber = <T extends { number: number }>(list: T[]) => list.sort((a, b) => a.number - b.number);

    const pollDtos: ChainPollDto[] = [];
    for (const poll of polls) {
      // The live table's own view decides what is visible; who voted what is left out here.
      const view = await pollView(ctx.services, poll);
      pollDtos.push({
        id: view.id,
        question: view.question,
        kind: view.kind,
        status: view.status,
        anonymous: view.anonymous,
        resultsVisibility: view.resultsVisibility,
        session: view.sessionId ? { id: view.sessionId, title: sessionTitle.get(view.sessionId) ?? '—' } : null,
        amendmentId: view.amendmentId,
        options: view.options,
        openedAt: view.openedAt,
        closedAt: view.closedAt,
        result: view.result as (PollResult & ChainPollDto['result']) | null,
        declaration: view.declaration,
      });
    }

    const changed = new Map<string, number[]>();
    for (const o of outcomes) for (const c of o.clauseIds) changed.set(String(c), [...(changed.get(String(c)) ?? []), o.number]);
    const changedRecords = changed.size ? await models.clauses.find({ _id: { $in: [...changed.keys()] }, trajectoryId: p.trajectoryId }, { title: 1, status: 1 }).lean() : [];
    const role = access.seat?.role ?? null;

    return {
      result: {
        topic: { id: String(topic._id), title: topic.title, description: topic.description, summary: topic.summary ?? '', status: topic.status },
        clauses: byNumber(clauses.map((c) => ({ id: String(c._id), number: label(c._id).number, title: c.title, status: c.status }))),
        comments: comments.map((c) => {
          const view = commentView(c, label(c.clauseId), people, viewer);
          return {
            id: view.id,
            clauseId: view.clauseId,
            clauseNumber: view.clauseNumber,
            clauseTitle: view.clauseTitle,
            quote: view.anchor.quote,
            body: view.body,
            author: view.author,
            onBehalfOf: view.onBehalfOf,
            status: view.status,
            replies: view.replies,
            createdAt: view.createdAt,
          };
        }),
        amendments: amendments.map((a) => {
          const view = amendmentView(a, label(a.clauseId), people, viewer);
          return {
            id: view.id,
            clauseId: view.clauseId,
            clauseNumber: view.clauseNumber,
            clauseTitle: view.clauseTitle,
            originalText: view.originalText,
            proposedText: view.proposedText,
            motivation: view.motivation,
            author: view.author,
            status: view.status,
            reason: view.reason,
            createdAt: view.createdAt,
          };
        }),
        polls: pollDtos,
        outcomes: await outcomeViews(models, p.trajectoryId, outcomes),
        changedClauses: byNumber(
          changedRecords.map((c) => ({ id: String(c._id), number: label(c._id).number, title: c.title, status: c.status, outcomeNumbers: changed.get(String(c._id)) ?? [] })),
        ),
        versions: versions.map((v) => ({ id: String(v._id), name: v.name, clauseId: v.clauseId ? String(v.clauseId) : null, createdAt: v.createdAt.toISOString() })),
        mayRecord: role !== null && roleMay(role, 'outcome.record') && topicTakesOutcomes(topic.status),
      },
    };
  },
});
