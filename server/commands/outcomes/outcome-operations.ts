import { Types } from 'mongoose';
import { z } from 'zod';
import { id } from '../../../shared/schemas/common';
import { createOutcomeRequest, listOutcomesQuery, topicTakesOutcomes, updateOutcomeRequest } from '../../../shared/schemas/outcomes';
import { AppError, notFound } from '../../errors';
import type { Models } from '../../models';
import { findByIds } from '../../models/by-ids';
import { writeNumbered } from '../../models/sequence';
import { readCacheOf } from '../../models/read-cache';
import type { Services } from '../../services';
import type { OutcomeRecord } from '../../models/outcome';
import { defineTrajectoryOperation } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { outcomeViews } from './outcome-views';
import { notifyActionsAssigned } from '../../notifications/events';

type OutcomeInput = z.infer<typeof createOutcomeRequest>;

const outcomeParams = trajectoryParams.extend({ outcomeId: id });
/** One writer of a trajectory's outcomes at a time: numbers are given once, edits see the latest state. */
const outcomesLock = (p: { trajectoryId: string }) => `outcomes:${p.trajectoryId}`;

const distinct = (ids: string[]) => [...new Set(ids)];

/**
 * Everything an outcome points to must be of this trajectory: an accepted topic, its session,
 * polls, amendments, versions and clauses, and action owners who sit at the table now. What does
 * not fit is named per field, so the form can show it beside the field.
 */
async function checkReferences(services: Services, trajectoryId: string, body: OutcomeInput, existing: OutcomeRecord | null): Promise<void> {
  const { models } = services;
  const fields: Record<string, string> = {};
  // The same id named twice is linked once.
  const links = {
    pollIds: distinct(body.links.pollIds),
    amendmentIds: distinct(body.links.amendmentIds),
    versionIds: distinct(body.links.versionIds),
    clauseIds: distinct(body.links.clauseIds),
  };
  // By id, not by `{ _id: { $in }, trajectoryId }`: the local database reads the whole collection for that.
  const count = async <T extends { trajectoryId: unknown }>(model: Parameters<typeof findByIds<T>>[0], ids: string[]) =>
    (await findByIds(model, ids, { trajectoryId: 1 })).filter((record) => String(record.trajectoryId) === trajectoryId).length;
  const ownerIds = distinct(body.actions.map((a) => a.ownerUserId));
  const [topic, session, polls, amendments, versions, clauses, seats] = await Promise.all([
    models.topics.findOne({ _id: body.topicId, trajectoryId }, { status: 1 }).lean(),
    body.sessionId ? models.dialogueSessions.exists({ _id: body.sessionId, trajectoryId }) : Promise.resolve(true),
    count(models.polls, links.pollIds),
    count(models.amendments, links.amendmentIds),
    count(models.versions, links.versionIds),
    count(models.clauses, links.clauseIds),
    // The trajectory's current seats, as every request's access check holds them.
    ownerIds.length ? readCacheOf(services).seatsOf(trajectoryId) : new Map(),
  ]);
  if (!topic) fields.topicId = 'is not a topic of this trajectory';
  else if (!topicTakesOutcomes(topic.status)) fields.topicId = 'is not on the topic list (proposed or declined)';
  if (!session) fields.sessionId = 'is not a session of this trajectory';
  if (polls !== links.pollIds.length) fields['links.pollIds'] = 'include a poll that is not of this trajectory';
  if (amendments !== links.amendmentIds.length) fields['links.amendmentIds'] = 'include an amendment that is not of this trajectory';
  if (versions !== links.versionIds.length) fields['links.versionIds'] = 'include a version that is not of this trajectory';
  if (clauses !== links.clauseIds.length) fields['links.clauseIds'] = 'include a clause that is not of this trajectory';
  const known = new Set((existing?.actions ?? []).map((a) => String(a._id)));
  body.actions.forEach((action, index) => {
    if (!seats.has(action.ownerUserId)) fields[`actions.${index}.ownerUserId`] = 'is not a member of this trajectory';
    if (action.id && !known.has(action.id)) fields[`actions.${index}.id`] = 'is not an action of this outcome';
  });
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', 'The input is not valid.', fields);
}

/** The stored form of the input; kept actions keep their id, new ones get one. */
function recordFields(body: OutcomeInput) {
  return {
    topicId: new Types.ObjectId(body.topicId),
    sessionId: body.sessionId ? new Types.ObjectId(body.sessionId) : null,
    text: body.text,
    category: body.category,
    horizon: body.horizon,
    status: body.status,
    positions: body.positions.map((p) => ({ party: p.party, position: p.position })),
    actions: body.actions.map((a) => ({ _id: new Types.ObjectId(a.id), description: a.description, ownerUserId: new Types.ObjectId(a.ownerUserId), dueDate: a.dueDate, status: a.status })),
    pollIds: distinct(body.links.pollIds).map((x) => new Types.ObjectId(x)),
    amendmentIds: distinct(body.links.amendmentIds).map((x) => new Types.ObjectId(x)),
    versionIds: distinct(body.links.versionIds).map((x) => new Types.ObjectId(x)),
    clauseIds: distinct(body.links.clauseIds).map((x) => new Types.ObjectId(x)),
  };
}

type Fields = ReturnType<typeof recordFields>;
const comparable = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v instanceof Types.ObjectId ? String(v) : v));

/** What an edit changed, for the audit log: field names, the status move and the actions' moves. */
function changesOf(before: OutcomeRecord, after: Fields): Record<string, unknown> | null {
  const keys = ['topicId', 'sessionId', 'text', 'category', 'horizon', 'status', 'positions', 'actions', 'pollIds', 'amendmentIds', 'versionIds', 'clauseIds'] as const;
  const pick = (r: OutcomeRecord | Fields, key: (typeof keys)[number]) => {
    if (key !== 'actions') return r[key];
    return r.actions.map((a) => ({ id: a._id, description: a.description, ownerUserId: a.ownerUserId, dueDate: a.dueDate, status: a.status }));
  };
  const changed = keys.filter((key) => comparable(pick(before, key)) !== comparable(pick(after, key)));
  if (changed.length === 0) return null;
  const summary: Record<string, unknown> = { number: before.number, changed };
  if (changed.includes('status')) Object.assign(summary, { statusFrom: before.status, statusTo: after.status });
  if (changed.includes('actions')) {
    const old = new Map(before.actions.map((a) => [String(a._id), a]));
    const kept = after.actions.filter((a) => old.has(String(a._id)));
    Object.assign(summary, {
      actionsAdded: after.actions.length - kept.length,
      actionsRemoved: before.actions.length - kept.length,
      actionsDone: kept.filter((a) => a.status === 'done' && old.get(String(a._id))!.status !== 'done').length,
      actionsReopened: kept.filter((a) => a.status === 'open' && old.get(String(a._id))!.status === 'done').length,
    });
  }
  return summary;
}

/** The outcomes of a trajectory, or of one topic, in the order they were recorded. */
export const listOutcomes = defineTrajectoryOperation({
  name: 'outcome.list',
  action: 'outcome.list',
  params: trajectoryParams,
  body: listOutcomesQuery,
  run: async (ctx, p, query) => {
    const { models } = ctx.services;
    const records = await models.outcomes.find({ trajectoryId: p.trajectoryId, ...(query.topicId ? { topicId: query.topicId } : {}) }).sort({ number: 1 }).lean();
    return { result: await outcomeViews(models, p.trajectoryId, records) };
  },
});

/** Read only to start or repair the outcome counter (see writeNumbered). */
const highestOutcomeNumber = async (models: Models, trajectoryId: string) =>
  (await models.outcomes.findOne({ trajectoryId }, { number: 1 }).sort({ number: -1 }).lean())?.number ?? 0;

/** The procurement team records an agreement on a topic; it gets the next number of the trajectory. */
export const recordOutcome = defineTrajectoryOperation({
  name: 'outcome.record',
  action: 'outcome.record',
  params: trajectoryParams,
  body: createOutcomeRequest,
  lock: outcomesLock,
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    await checkReferences(ctx.services, p.trajectoryId, body, null);
    const now = new Date();
    const created = await writeNumbered(models.sequences, 'outcome', p.trajectoryId, () => highestOutcomeNumber(models, p.trajectoryId), (number) =>
      models.outcomes.create({ trajectoryId: p.trajectoryId, number, ...recordFields(body), recordedBy: access.user.userId, createdAt: now, updatedAt: now }),
    );
    const record = created.toObject();
    return {
      result: (await outcomeViews(models, p.trajectoryId, [record]))[0]!,
      audit: [
        {
          chain: p.trajectoryId,
          action: 'outcome.record',
          objectType: 'outcome',
          objectId: String(record._id),
          summary: { number: record.number, topicId: body.topicId, category: body.category, horizon: body.horizon, status: body.status, actions: body.actions.length },
        },
      ],
      publish: [{ trajectoryId: p.trajectoryId, what: 'outcomes' }],
      notify: notifyActionsAssigned(record, null, access.user.userId),
    };
  },
});

/**
 * Changes an outcome: the text, its status (with the positions of a difference of opinion), its
 * actions (marking one done is a change too) or its links. Outcomes are never deleted; an edit
 * that changes nothing writes nothing.
 */
export const updateOutcome = defineTrajectoryOperation({
  name: 'outcome.update',
  action: 'outcome.record',
  params: outcomeParams,
  body: updateOutcomeRequest,
  lock: outcomesLock,
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    const existing = await models.outcomes.findOne({ _id: p.outcomeId, trajectoryId: p.trajectoryId }).lean();
    if (!existing) throw notFound();
    await checkReferences(ctx.services, p.trajectoryId, body, existing);
    const fields = recordFields(body);
    const changes = changesOf(existing, fields);
    if (!changes) return { result: (await outcomeViews(models, p.trajectoryId, [existing]))[0]! };
    await models.outcomes.updateOne({ _id: existing._id }, { $set: { ...fields, updatedAt: new Date() } });
    const updated = (await models.outcomes.findById(existing._id).lean())!;
    return {
      result: (await outcomeViews(models, p.trajectoryId, [updated]))[0]!,
      audit: [{ chain: p.trajectoryId, action: 'outcome.update', objectType: 'outcome', objectId: p.outcomeId, summary: changes }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'outcomes' }],
      notify: notifyActionsAssigned(updated, existing, access.user.userId),
    };
  },
});
