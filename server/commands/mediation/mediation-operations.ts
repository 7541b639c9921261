import { roleMay } from '../../../shared/domain/permissions';
import {
  closeMediationRequest,
  fileMediationRequest,
  mediationMessageRequest,
  mediationParams,
  seatMediatorRequest,
  type MediationMessageDto,
  type MediationRequestDto,
} from '../../../shared/schemas/mediation';
import { AppError, notFound } from '../../errors';
import type { Models } from '../../models';
import { maxThreadMessages, type MediationRequestRecord } from '../../models/mediation';
import type { NotificationDraft } from '../../notifications/produce';
import type { UserActor } from '../../policies/actor';
import { decideTrajectoryAction, type Seat } from '../../policies/trajectory-policy';
import { enforce, loadSeat, requireUser } from '../access';
import { defineOperation, defineTrajectoryOperation, noBody, type OperationContext } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { findByIds } from '../../models/by-ids';

const link = (trajectoryId: unknown) => `/trajecten/${String(trajectoryId)}/bemiddeling`;

/** Both sides hear of a request's steps; the parameters name the step, never what was said in confidence. */
const notifyBothSides = (r: MediationRequestRecord, title: string, except: string): NotificationDraft => ({
  kind: 'mediation.update',
  trajectoryId: String(r.trajectoryId),
  link: link(r.trajectoryId),
  params: { title },
  to: { roles: ['procurement', 'provider', 'intermediair'], userIds: r.requesterUserIds.map(String) },
  except: [except],
});

const threadResource = (r: MediationRequestRecord) => ({ mediation: { mediatorUserId: r.mediatorUserId ? String(r.mediatorUserId) : null, requesterUserIds: r.requesterUserIds.map(String) } });

const mayReadThread = (user: UserActor, seat: Seat | null, r: MediationRequestRecord) => decideTrajectoryAction(user, seat, 'mediation.thread', threadResource(r)).allowed;

async function requestView(models: Models, r: MediationRequestRecord, user: UserActor, seat: Seat | null): Promise<MediationRequestDto> {
  const [orgs, mediator] = await Promise.all([
    findByIds(models.organisations, r.requesterOrganisationIds, { name: 1 }),
    r.mediatorUserId ? models.users.findById(r.mediatorUserId, { name: 1 }).lean() : null,
  ]);
  const open = r.status !== 'closed';
  const role = seat?.role ?? null;
  return {
    id: String(r._id),
    issue: r.issue,
    filedBySide: r.filedBySide,
    status: r.status,
    requesters: orgs.map((o) => ({ id: String(o._id), name: o.name })),
    mediator: mediator ? { name: mediator.name } : null,
    outcome: r.outcome,
    filedAt: r.filedAt.toISOString(),
    seatedAt: r.seatedAt ? r.seatedAt.toISOString() : null,
    closedAt: r.closedAt ? r.closedAt.toISOString() : null,
    may: {
      join: open && role !== null && roleMay(role, 'mediation.join') && !r.requesterUserIds.some((u) => String(u) === user.userId),
      readThread: mayReadThread(user, seat, r),
      seat: open && user.platformAdmin && role === null,
      close: open && r.status === 'seated' && (String(r.mediatorUserId) === user.userId || (user.platformAdmin && role === null)),
    },
  };
}

async function loadRequest(models: Models, p: { trajectoryId: string; requestId: string }): Promise<MediationRequestRecord> {
  const r = await models.mediationRequests.findById(p.requestId).lean();
  if (!r || String(r.trajectoryId) !== p.trajectoryId) throw notFound();
  return r;
}

/** The mediation requests of a trajectory (a handful): what either side asked, and the outcomes. */
export const listMediation = defineTrajectoryOperation({
  name: 'mediation.list',
  action: 'mediation.list',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, { user, seat }) => {
    const requests = await ctx.services.models.mediationRequests.find({ trajectoryId: p.trajectoryId }).sort({ filedAt: 1 }).lean();
    return { result: await Promise.all(requests.map((r) => requestView(ctx.services.models, r, user, seat))) };
  },
});

/** Either side files a request naming the issue: the procurement team, or a provider (others may join). */
export const fileMediation = defineTrajectoryOperation({
  name: 'mediation.request',
  action: 'mediation.request',
  params: trajectoryParams,
  body: fileMediationRequest,
  run: async (ctx, p, body, { user, seat }) => {
    const { models } = ctx.services;
    const byProvider = seat?.role === 'provider';
    const created = await models.mediationRequests.create({
      trajectoryId: p.trajectoryId,
      issue: body.issue,
      filedBy: user.userId,
      filedBySide: byProvider ? 'providers' : 'procurement',
      requesterUserIds: byProvider ? [user.userId] : [],
      requesterOrganisationIds: byProvider ? [seat.organisationId] : [],
      filedAt: new Date(),
    });
    const r = created.toObject() as MediationRequestRecord;
    // The platform administrators seat the mediator: they are told too (they may hold no seat here).
    const admins = await models.users.find({ platformAdmin: true }, { _id: 1 }).lean();
    const notify = notifyBothSides(r, 'ingediend', user.userId);
    notify.to = { ...notify.to, userIds: [...(notify.to.userIds ?? []), ...admins.map((a) => String(a._id))] };
    return {
      result: await requestView(models, r, user, seat),
      audit: [{ chain: p.trajectoryId, action: 'mediation.request', objectType: 'mediation', objectId: String(r._id), summary: { side: r.filedBySide } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'mediation' }],
      notify: [notify],
    };
  },
});

/** Another provider joins a request: they become one of the providers who asked (and read the thread). */
export const joinMediation = defineTrajectoryOperation({
  name: 'mediation.join',
  action: 'mediation.join',
  params: mediationParams,
  body: noBody,
  lock: (p) => `mediation:${p.requestId}`,
  run: async (ctx, p, _b, { user, seat }) => {
    const { models } = ctx.services;
    const r = await loadRequest(models, p);
    if (r.status === 'closed') throw new AppError('conflict', 'This mediation request is closed.', { reason: 'closed' });
    const after = (await models.mediationRequests
      .findByIdAndUpdate(r._id, { $addToSet: { requesterUserIds: user.userId, requesterOrganisationIds: seat!.organisationId } }, { returnDocument: 'after' })
      .lean())!;
    return {
      result: await requestView(models, after, user, seat),
      audit: [{ chain: p.trajectoryId, action: 'mediation.join', objectType: 'mediation', objectId: p.requestId, summary: { organisationId: seat!.organisationId } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'mediation' }],
    };
  },
});

/**
 * A platform administrator seats an independent mediator: an existing account gets a seat with the
 * role intermediair (reads the trajectory, joins sessions, never votes) under a mediation
 * organisation, and becomes the request's mediator.
 */
export const seatMediator = defineTrajectoryOperation({
  name: 'mediation.seat',
  action: 'mediation.seat',
  params: mediationParams,
  body: seatMediatorRequest,
  lock: (p) => `members:${p.trajectoryId}`,
  run: async (ctx, p, body, { user, seat }) => {
    const { models } = ctx.services;
    const r = await loadRequest(models, p);
    if (r.status === 'closed') throw new AppError('conflict', 'This mediation request is closed.', { reason: 'closed' });
    const mediator = await models.users.findOne({ email: body.email }, { _id: 1, name: 1 }).lean();
    if (!mediator) throw new AppError('validation_failed', 'The input is not valid.', { email: 'has no account; create the account first' });
    const existing = await models.memberships.findOne({ trajectoryId: p.trajectoryId, userId: mediator._id }).lean();
    if (existing && existing.removedAt === null && existing.role !== 'intermediair') {
      throw new AppError('conflict', 'This person already takes part in the trajectory in another role; a mediator must be independent.', { reason: 'not_independent' });
    }
    const org = (await models.organisations
      .findOneAndUpdate({ name: body.organisationName, type: 'mediation' }, { $setOnInsert: { providerKind: null, createdAt: new Date() } }, { upsert: true, returnDocument: 'after' })
      .lean())!;
    if (existing) await models.memberships.updateOne({ _id: existing._id }, { $set: { role: 'intermediair', organisationId: org._id, removedAt: null } });
    else await models.memberships.create({ trajectoryId: p.trajectoryId, userId: mediator._id, organisationId: org._id, role: 'intermediair' });
    const now = new Date();
    const after = (await models.mediationRequests.findByIdAndUpdate(r._id, { $set: { mediatorUserId: mediator._id, status: 'seated', seatedAt: now } }, { returnDocument: 'after' }).lean())!;
    const told = notifyBothSides(after, 'intermediair aangesteld', user.userId);
    told.to = { ...told.to, userIds: [...(told.to.userIds ?? []), String(mediator._id)] };
    return {
      result: await requestView(models, after, user, seat),
      audit: [{ chain: p.trajectoryId, action: 'mediation.seat', objectType: 'mediation', objectId: p.requestId, summary: { mediatorId: String(mediator._id) } }],
      publish: [
        { trajectoryId: p.trajectoryId, what: 'mediation' },
        { trajectoryId: p.trajectoryId, what: 'members' },
      ],
      notify: [told],
    };
  },
});

/** Authorizes the confidential thread: the mediator and the providers who asked, nobody else. */
async function authorizeThread(ctx: OperationContext, p: { trajectoryId: string; requestId: string }) {
  const user = requireUser(ctx);
  const seat = await loadSeat(ctx, p.trajectoryId);
  const r = await ctx.services.models.mediationRequests.findById(p.requestId).lean();
  // No seat and not the mediator: the trajectory does not exist for them.
  if (!r || String(r.trajectoryId) !== p.trajectoryId) {
    enforce(decideTrajectoryAction(ctx.actor, seat, 'trajectory.view'));
    throw notFound();
  }
  enforce(decideTrajectoryAction(ctx.actor, seat, 'mediation.thread', threadResource(r)));
  return { user, seat, request: r };
}

async function threadView(ctx: OperationContext, requestId: string, r: MediationRequestRecord, user: UserActor): Promise<MediationMessageDto[]> {
  const { models } = ctx.services;
  const thread = await models.mediationThreads.findById(requestId).lean();
  const messages = thread?.messages ?? [];
  const authors = await findByIds(models.users, [...new Set(messages.map((m) => String(m.authorId)))], { name: 1 });
  const names = new Map(authors.map((a) => [String(a._id), a.name]));
  return messages.map((m, index) => ({
    id: `${requestId}:${index + 1}`,
    author: { name: names.get(String(m.authorId)) ?? '—', mine: String(m.authorId) === user.userId, mediator: String(m.authorId) === String(r.mediatorUserId) },
    text: m.text,
    at: m.at.toISOString(),
  }));
}

export const readMediationThread = defineOperation({
  name: 'mediation.thread.read',
  params: mediationParams,
  body: noBody,
  authorize: authorizeThread,
  run: async (ctx, p, _b, { user, request }) => ({ result: await threadView(ctx, p.requestId, request, user) }),
});

export const postMediationMessage = defineOperation({
  name: 'mediation.thread.post',
  params: mediationParams,
  body: mediationMessageRequest,
  lock: (p) => `mediation:${p.requestId}`,
  authorize: authorizeThread,
  run: async (ctx, p, body, { user, request }) => {
    const { models } = ctx.services;
    if (request.status === 'closed') throw new AppError('conflict', 'This mediation request is closed.', { reason: 'closed' });
    const message = { authorId: user.userId, text: body.text, at: new Date() };
    // One write by `_id`; the cap keeps the thread one document.
    const written = await models.mediationThreads.updateOne(
      { _id: request._id, [`messages.${maxThreadMessages - 1}`]: { $exists: false } },
      { $push: { messages: message }, $setOnInsert: { trajectoryId: request.trajectoryId } },
      { upsert: true },
    ).catch((error: { code?: number }) => {
      if (error.code === 11000) throw new AppError('conflict', 'This thread is full; close the request or file a new one.', { reason: 'thread_full' });
      throw error;
    });
    if (!written.acknowledged) throw new AppError('conflict', 'The message was not stored.');
    const others = [...request.requesterUserIds.map(String), ...(request.mediatorUserId ? [String(request.mediatorUserId)] : [])].filter((u) => u !== user.userId);
    return {
      result: await threadView(ctx, p.requestId, request, user),
      // The audit names the thread, never the text: the log is read by the procurement team too.
      audit: [{ chain: p.trajectoryId, action: 'mediation.message', objectType: 'mediation', objectId: p.requestId, summary: {} }],
      notify: others.length ? [{ kind: 'mediation.message', trajectoryId: p.trajectoryId, link: link(p.trajectoryId), params: { title: 'bemiddelingsverzoek' }, to: { userIds: others } }] : [],
    };
  },
});

/** The mediator (or a platform administrator) closes the request with an outcome both sides read. */
export const closeMediation = defineTrajectoryOperation({
  name: 'mediation.close',
  action: 'mediation.close',
  params: mediationParams,
  body: closeMediationRequest,
  lock: (p) => `mediation:${p.requestId}`,
  run: async (ctx, p, body, { user, seat }) => {
    const { models } = ctx.services;
    const r = await loadRequest(models, p);
    if (seat && String(r.mediatorUserId) !== user.userId) throw new AppError('forbidden', 'Only the mediator of this request closes it.');
    if (r.status !== 'seated') throw new AppError('conflict', r.status === 'closed' ? 'This mediation request is closed.' : 'No mediator has been seated yet.', { reason: r.status });
    const after = (await models.mediationRequests.findByIdAndUpdate(r._id, { $set: { status: 'closed', outcome: body.outcome, closedAt: new Date() } }, { returnDocument: 'after' }).lean())!;
    return {
      result: await requestView(models, after, user, seat),
      audit: [{ chain: p.trajectoryId, action: 'mediation.close', objectType: 'mediation', objectId: p.requestId, summary: {} }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'mediation' }],
      notify: [notifyBothSides(after, 'afgerond met uitkomst', user.userId)],
    };
  },
});
