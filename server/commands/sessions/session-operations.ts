import { storeJoinCode } from '../../live-table/join-code';
import { cancelSessionRequest, createSessionRequest, endBeforeStart, endsAfterStart, updateSessionRequest, type SessionAudienceInput } from '../../../shared/schemas/sessions';
import { sessionIcs } from '../../calendar/session-ics';
import { closeOpenPollsOfSession } from '../../live-table/poll-operations';
import type { AgendaProposal } from '../../../shared/schemas/sessions';
import { idPattern } from '../../../shared/schemas/common';
import { AppError } from '../../errors';
import type { Effect, OperationContext } from '../operation';

import { defineTrajectoryOperation, noBody } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { defineSessionOperation, sessionParams } from './session-access';
import { hiddenFrom, invitedNames, sessionView, topicTitles } from './session-view';
import { readCacheOf } from '../../models/read-cache';
import { subjectOf } from '../../policies/trajectory-policy';
import { Types } from 'mongoose';
import type { DialogueSessionRecord } from '../../models/dialogue-session';
import { notifyAgendaPublished, notifySession, notifySessionCancelled } from '../../notifications/events';

/** A session with everything in it, for those at its table. */
async function fullView(ctx: OperationContext, session: DialogueSessionRecord) {
  const [titles, names] = await Promise.all([topicTitles(ctx.services.models, [session]), invitedNames(ctx.services.models, [session])]);
  return sessionView(session, titles, { names });
}

/** The invited people must be members of the trajectory (the groups are checked by the schema). */
async function checkAudience(ctx: OperationContext, trajectoryId: string, audience: SessionAudienceInput | null | undefined): Promise<DialogueSessionRecord['audience']> {
  if (!audience) return null;
  const userIds = [...new Set(audience.userIds)];
  const seats = await readCacheOf(ctx.services).seatsOf(trajectoryId);
  if (userIds.some((id) => !seats.has(id))) throw new AppError('validation_failed', 'The input is not valid.', { 'audience.userIds': 'lists someone who is not a member of this trajectory' });
  return { groups: [...new Set(audience.groups)], userIds: userIds.map((id) => new Types.ObjectId(id)) };
}

async function checkAgenda(ctx: OperationContext, trajectoryId: string, agenda: Array<{ topicId: string }> | undefined): Promise<void> {
  if (!agenda?.length) return;
  const ids = [...new Set(agenda.map((a) => a.topicId))];
  const found = await ctx.services.models.topics.countDocuments({ _id: { $in: ids }, trajectoryId, status: { $nin: ['proposed', 'declined'] } });
  if (found !== ids.length || ids.length !== agenda.length) {
    throw new AppError('validation_failed', 'The input is not valid.', { agenda: 'lists a topic twice, or one that is not an accepted topic of this trajectory' });
  }
}

/** A change of one of the two times is checked against the other as stored (the schema checks a request that has both). */
function checkTimes(startsAt: string | undefined, endsAt: string | undefined): void {
  if (!endsAfterStart(startsAt, endsAt)) throw new AppError('validation_failed', 'The input is not valid.', { endsAt: endBeforeStart });
}

export const listSessions = defineTrajectoryOperation({
  name: 'session.list',
  action: 'session.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, { user, seat }) => {
    const sessions = await ctx.services.models.dialogueSessions.find({ trajectoryId: p.trajectoryId }).sort({ startsAt: 1 }).lean();
    // A closed session shows those it does not invite its date only: nothing of it is read for them.
    const viewer = subjectOf(user, seat);
    const visible = sessions.filter((s) => !hiddenFrom(s, viewer));
    const [titles, names] = await Promise.all([topicTitles(ctx.services.models, visible), invitedNames(ctx.services.models, visible)]);
    return { result: sessions.map((s) => sessionView(s, titles, { viewer, names })) };
  },
});

export const createSession = defineTrajectoryOperation({
  name: 'session.create',
  action: 'session.manage',
  params: trajectoryParams,
  body: createSessionRequest,
  run: async (ctx, p, body, { user }) => {
    await checkAgenda(ctx, p.trajectoryId, body.agenda);
    const created = await ctx.services.models.dialogueSessions.create({
      trajectoryId: p.trajectoryId,
      title: body.title,
      description: body.description,
      startsAt: new Date(body.startsAt),
      endsAt: body.endsAt ? new Date(body.endsAt) : null,
      location: body.location,
      onlineUrl: body.onlineUrl ?? null,
      agenda: body.agenda,
      declaration: body.declaration,
      audience: await checkAudience(ctx, p.trajectoryId, body.audience),
      createdBy: user.userId,
    });
    const record = created.toObject();
    await storeJoinCode(ctx.services, record);
    return {
      result: await fullView(ctx, record),
      audit: [
        {
          chain: p.trajectoryId,
          action: 'session.create',
          objectType: 'session',
          objectId: String(created._id),
          summary: { title: body.title, startsAt: body.startsAt, declaration: body.declaration, ...(body.audience ? { audience: body.audience } : {}) },
        },
      ],
      publish: [{ trajectoryId: p.trajectoryId, what: 'sessions' }],
      notify: [notifySession('session.planned', record, user.userId)],
    };
  },
});

export const getSession = defineSessionOperation({
  name: 'session.view',
  action: 'session.view',
  params: sessionParams,
  body: noBody,
  // Someone a closed session does not invite sees its date and "besloten sessie", nothing more.
  mayLookFromOutside: true,
  run: async (ctx, _p, _b, { session, viewer }) => ({ result: hiddenFrom(session, viewer) ? sessionView(session, new Map(), { viewer }) : await fullView(ctx, session) }),
});

export const updateSession = defineSessionOperation({
  name: 'session.update',
  action: 'session.manage',
  params: sessionParams,
  body: updateSessionRequest,
  run: async (ctx, p, body, { session }) => {
    if (session.status === 'ended') throw new AppError('conflict', 'This session has ended; its record does not change.');
    if (session.status === 'cancelled') throw new AppError('conflict', 'This session was cancelled; its record does not change.');
    checkTimes(body.startsAt ?? session.startsAt.toISOString(), body.endsAt === null ? undefined : (body.endsAt ?? session.endsAt?.toISOString()));
    await checkAgenda(ctx, String(session.trajectoryId), body.agenda);
    const set: Record<string, unknown> = { ...body };
    if (body.audience !== undefined) set.audience = await checkAudience(ctx, String(session.trajectoryId), body.audience);
    if (body.startsAt) set.startsAt = new Date(body.startsAt);
    if (body.endsAt) set.endsAt = new Date(body.endsAt);
    const moved = calendarChanged(session, set);
    const updated = (await ctx.services.models.dialogueSessions.findByIdAndUpdate(p.sessionId, { $set: set, ...(moved ? { $inc: { sequence: 1 } } : {}) }, { returnDocument: 'after' }).lean())!;
    const trajectoryId = String(session.trajectoryId);
    return {
      result: await fullView(ctx, updated),
      audit: [{ chain: trajectoryId, action: 'session.update', objectType: 'session', objectId: p.sessionId, summary: { changed: Object.keys(body) } }],
      publish: [{ trajectoryId, what: 'sessions' }],
      notify: [Object.keys(body).every((k) => k === 'agenda') ? notifyAgendaPublished(updated) : notifySession('session.changed', updated)],
    };
  },
});

/** Whether a change shows in a calendar (time, place, title): then the event's SEQUENCE goes up. */
function calendarChanged(session: DialogueSessionRecord, set: Record<string, unknown>): boolean {
  const time = (d: unknown) => (d instanceof Date ? d.getTime() : d === null ? null : undefined);
  if ('startsAt' in set && time(set.startsAt) !== session.startsAt.getTime()) return true;
  if ('endsAt' in set && time(set.endsAt) !== (session.endsAt?.getTime() ?? null)) return true;
  return (['title', 'location', 'onlineUrl'] as const).some((k) => k in set && (set[k] ?? null) !== (session[k] ?? null));
}

/**
 * Calls a planned session off, with a reason. It stays in the history as "Geannuleerd": it
 * cannot be started, joined or changed, and calendars get the same UID with a higher SEQUENCE
 * and STATUS:CANCELLED.
 */
export const cancelSession = defineSessionOperation({
  name: 'session.cancel',
  action: 'session.cancel',
  params: sessionParams,
  body: cancelSessionRequest,
  run: async (ctx, p, body, { session, user }) => {
    if (session.status !== 'planned') {
      throw new AppError('conflict', session.status === 'cancelled' ? 'This session was already cancelled.' : 'Only a session that has not started can be cancelled.');
    }
    const cancellation = { at: new Date(), by: user.userId, reason: body.reason };
    const updated = await ctx.services.models.dialogueSessions
      .findOneAndUpdate({ _id: session._id, status: 'planned' }, { $set: { status: 'cancelled', cancellation }, $inc: { sequence: 1 } }, { returnDocument: 'after' })
      .lean();
    if (!updated) throw new AppError('conflict', 'Only a session that has not started can be cancelled.');
    const trajectoryId = String(session.trajectoryId);
    return {
      result: await fullView(ctx, updated),
      audit: [{ chain: trajectoryId, action: 'session.cancel', objectType: 'session', objectId: p.sessionId, summary: { title: session.title, startsAt: session.startsAt.toISOString(), reason: body.reason } }],
      publish: [{ trajectoryId, what: 'sessions' }],
      // Anyone looking at the live table sees it called off.
      live: [p.sessionId],
      // Everyone concerned hears it, with METHOD:CANCEL and the same UID, so calendars drop the entry.
      notify: [notifySessionCancelled(updated, user.userId)],
      // A poll opened ahead of the session (e.g. ranking the agenda) ends with it, closed by the system, its result stored.
      follow: [(services) => closeOpenPollsOfSession(services, p.sessionId)],
    };
  },
});

const calendarOptions = (ctx: OperationContext, name: string) => ({ method: 'PUBLISH' as const, name, publicUrl: ctx.services.publicUrl() });

/** One session as an .ics file, to put in one's own calendar. */
export const sessionCalendar = defineSessionOperation({
  name: 'session.ics',
  action: 'session.view',
  params: sessionParams,
  body: noBody,
  run: async (ctx, _p, _b, { session, trajectory }) => ({ result: sessionIcs([session], calendarOptions(ctx, trajectory.name)) }),
});

/** Every session of a trajectory as a calendar feed. */
export const trajectoryCalendar = defineTrajectoryOperation({
  name: 'session.feed',
  action: 'session.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, { trajectory, user, seat }) => {
    const sessions = await ctx.services.models.dialogueSessions.find({ trajectoryId: p.trajectoryId }).sort({ startsAt: 1 }).lean();
    // A closed session is in the calendars of those it invites only.
    const viewer = subjectOf(user, seat);
    return { result: sessionIcs(sessions.filter((s) => !hiddenFrom(s, viewer)), calendarOptions(ctx, trajectory.name)) };
  },
});

/**
 * The agenda order the table proposed: the latest closed ranking poll of the session whose
 * options are topics, topics ordered by their Borda score. The procurement team decides whether
 * to adopt it (by changing the session's agenda); nothing changes by itself.
 */
export const agendaProposal = defineSessionOperation({
  name: 'session.agenda_proposal',
  action: 'session.view',
  params: sessionParams,
  body: noBody,
  run: async (ctx, _p, _b, { session }): Promise<Effect<AgendaProposal>> => {
    const open = await ctx.services.models.polls.findOne({ sessionId: session._id, kind: 'ranking', status: 'open' }, { _id: 1 }).lean();
    const openRankingPollId = open ? String(open._id) : null;
    const polls = await ctx.services.models.polls.find({ sessionId: session._id, kind: 'ranking', status: 'closed' }).sort({ closedAt: -1 }).lean();
    for (const poll of polls) {
      const topics = await ctx.services.models.topics.find({ _id: { $in: poll.options.map((o) => o.id).filter((o) => idPattern.test(o)) }, trajectoryId: session.trajectoryId }, { title: 1 }).lean();
      if (!poll.result || topics.length !== poll.options.length) continue;
      const title = new Map(topics.map((t) => [String(t._id), t.title]));
      const order = [...poll.result.options]
        .sort((a, b) => b.score - a.score || poll.options.findIndex((o) => o.id === a.optionId) - poll.options.findIndex((o) => o.id === b.optionId))
        .map((o) => ({ topicId: o.optionId, title: title.get(o.optionId) ?? '—', score: o.score }));
      return { result: { pollId: String(poll._id), ballots: poll.result.ballots, order, openRankingPollId } };
    }
    return { result: { pollId: null, ballots: 0, order: [], openRankingPollId } };
  },
});
