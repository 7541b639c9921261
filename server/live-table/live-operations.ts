import { agendaGoto, giveFloor, sessionRef, timerStart } from '../../shared/schemas/sessions';
import { AppError } from '../errors';
import { recordAttendance, recordPresentAttendance } from './attendance';
import { presenceOfPerson } from './presence';
import type { DialogueSessionRecord } from '../models/dialogue-session';
import type { OperationContext } from '../commands/operation';
import { closeOpenPollsOfSession } from './poll-operations';
import { defineSessionOperation, sessionParams, type SessionAccess } from '../commands/sessions/session-access';

// Live-table operations arrive as socket events whose payload carries `sessionId`: the payload
// is passed as both params (loose: only sessionId is read) and body (strict: the whole event).

async function conditional(ctx: OperationContext, session: DialogueSessionRecord, filter: Record<string, unknown>, update: Record<string, unknown>, refusal: string) {
  const updated = await ctx.services.models.dialogueSessions.findOneAndUpdate({ _id: session._id, ...filter }, update, { returnDocument: 'after' }).lean();
  if (!updated) throw new AppError('conflict', refusal);
  return updated;
}

/** The local database has no `$pull` by condition; under the session's lock a computed `$set` is just as safe. */
function setQueue(ctx: OperationContext, session: DialogueSessionRecord, queue: Array<{ userId: unknown; raisedAt: Date }>) {
  return conditional(ctx, session, {}, { $set: { 'live.queue': queue } }, 'The session is gone.');
}

function liveEffect(access: SessionAccess, action: string, summary: Record<string, unknown> = {}) {
  const trajectoryId = String(access.session.trajectoryId);
  const sessionId = String(access.session._id);
  return {
    result: {},
    audit: [{ chain: trajectoryId, action, objectType: 'session', objectId: sessionId, summary }],
    live: [sessionId],
  };
}

const refusals: Record<DialogueSessionRecord['status'], string> = {
  planned: 'The session has not started yet.',
  live: '',
  ended: 'The session has ended.',
  cancelled: 'The session was cancelled.',
};

const requireLive = (s: DialogueSessionRecord) => {
  if (s.status !== 'live') throw new AppError('conflict', refusals[s.status]);
};

function timerFor(session: DialogueSessionRecord, index: number, minutes?: number) {
  const durationMs = (minutes ?? session.agenda[index]?.minutes ?? 10) * 60_000;
  return { durationMs, startedAt: null, remainingMs: durationMs };
}

export const startSession = defineSessionOperation({
  name: 'session.start',
  action: 'session.facilitate',
  params: sessionParams,
  body: sessionRef,
  run: async (ctx, _p, _b, access) => {
    const { session } = access;
    if (session.status === 'cancelled') throw new AppError('conflict', refusals.cancelled);
    await conditional(ctx, session, { status: 'planned' }, { $set: { status: 'live', 'live.startedAt': new Date(), 'live.currentIndex': 0, 'live.timer': timerFor(session, 0), 'live.moves': [] } }, 'This session has already started or ended.');
    const attendance = await recordPresentAttendance(ctx.services, session);
    const effect = liveEffect(access, 'session.start');
    return { ...effect, audit: [...effect.audit, ...attendance], publish: [{ trajectoryId: String(session.trajectoryId), what: 'sessions' as const }] };
  },
});

export const endSession = defineSessionOperation({
  name: 'session.end',
  action: 'session.facilitate',
  params: sessionParams,
  body: sessionRef,
  run: async (ctx, _p, _b, access) => {
    const { session } = access;
    await conditional(ctx, session, { status: 'live' }, { $set: { status: 'ended', 'live.endedAt': new Date(), 'live.floorUserId': null, 'live.queue': [] } }, 'Only a live session can be ended.');
    return {
      ...liveEffect(access, 'session.end'),
      publish: [{ trajectoryId: String(session.trajectoryId), what: 'sessions' as const }],
      // Polls still open when the session ends are closed with it by the system, so their results are stored.
      follow: [(services) => closeOpenPollsOfSession(services, String(session._id))],
    };
  },
});

async function moveTo(ctx: OperationContext, access: SessionAccess, index: number) {
  const { session } = access;
  requireLive(session);
  if (index < 0 || index >= session.agenda.length) throw new AppError('validation_failed', 'The input is not valid.', { index: 'there is no such agenda item' });
  // Conditional on the index we read: two facilitators clicking "next" at once move one step, not two.
  await conditional(
    ctx,
    session,
    { 'live.currentIndex': session.live.currentIndex },
    {
      $set: { 'live.currentIndex': index, 'live.timer': timerFor(session, index), 'live.floorUserId': null },
      // A session started before moves were kept leaves them to its audit log (agenda-held.ts).
      ...(session.live.moves ? { $push: { 'live.moves': { to: index, at: new Date() } } } : {}),
    },
    'The agenda was moved by someone else just now.',
  );
  return liveEffect(access, 'agenda.move', { from: session.live.currentIndex, to: index });
}

export const gotoAgendaItem = defineSessionOperation({
  name: 'agenda.goto',
  action: 'session.facilitate',
  params: sessionParams,
  body: agendaGoto,
  run: (ctx, _p, body, access) => moveTo(ctx, access, body.index),
});
export const nextAgendaItem = defineSessionOperation({
  name: 'agenda.next',
  action: 'session.facilitate',
  params: sessionParams,
  body: sessionRef,
  run: (ctx, _p, _b, access) => moveTo(ctx, access, access.session.live.currentIndex + 1),
});
export const previousAgendaItem = defineSessionOperation({
  name: 'agenda.previous',
  action: 'session.facilitate',
  params: sessionParams,
  body: sessionRef,
  run: (ctx, _p, _b, access) => moveTo(ctx, access, access.session.live.currentIndex - 1),
});

export const startTimer = defineSessionOperation({
  name: 'timer.start',
  action: 'session.facilitate',
  params: sessionParams,
  body: timerStart,
  run: async (ctx, _p, body, access) => {
    const { session } = access;
    requireLive(session);
    const current = session.live.timer;
    if (current?.startedAt) throw new AppError('conflict', 'The timer is already running.');
    const base = body.minutes !== undefined || !current || current.remainingMs <= 0 ? timerFor(session, session.live.currentIndex, body.minutes) : current;
    await conditional(ctx, session, { 'live.timer.startedAt': null }, { $set: { 'live.timer': { ...base, startedAt: new Date() } } }, 'The timer is already running.');
    return liveEffect(access, 'timer.start', { remainingMs: base.remainingMs });
  },
});

export const pauseTimer = defineSessionOperation({
  name: 'timer.pause',
  action: 'session.facilitate',
  params: sessionParams,
  body: sessionRef,
  run: async (ctx, _p, _b, access) => {
    const timer = access.session.live.timer;
    requireLive(access.session);
    if (!timer?.startedAt) throw new AppError('conflict', 'The timer is not running.');
    const remainingMs = Math.max(0, timer.remainingMs - (Date.now() - new Date(timer.startedAt).getTime()));
    await conditional(ctx, access.session, { 'live.timer.startedAt': timer.startedAt }, { $set: { 'live.timer': { durationMs: timer.durationMs, startedAt: null, remainingMs } } }, 'The timer was changed by someone else just now.');
    return liveEffect(access, 'timer.pause', { remainingMs });
  },
});

export const resetTimer = defineSessionOperation({
  name: 'timer.reset',
  action: 'session.facilitate',
  params: sessionParams,
  body: sessionRef,
  run: async (ctx, _p, _b, access) => {
    requireLive(access.session);
    await conditional(ctx, access.session, {}, { $set: { 'live.timer': timerFor(access.session, access.session.live.currentIndex) } }, 'The session is gone.');
    return liveEffect(access, 'timer.reset');
  },
});

export const raiseHand = defineSessionOperation({
  name: 'queue.raise',
  action: 'session.participate',
  params: sessionParams,
  body: sessionRef,
  run: async (ctx, _p, _b, access) => {
    requireLive(access.session);
    const userId = access.user.userId;
    const { queue, floorUserId } = access.session.live;
    // Read and written under the session's lock: one place per person, also when two tabs raise a hand at once.
    if (queue.some((q) => String(q.userId) === userId) || String(floorUserId) === userId) throw new AppError('conflict', 'Your hand is already raised.');
    await setQueue(ctx, access.session, [...queue, { userId, raisedAt: new Date() }]);
    return liveEffect(access, 'queue.raise');
  },
});

export const lowerHand = defineSessionOperation({
  name: 'queue.lower',
  action: 'session.participate',
  params: sessionParams,
  body: sessionRef,
  run: async (ctx, _p, _b, access) => {
    const { queue } = access.session.live;
    if (!queue.some((q) => String(q.userId) === access.user.userId)) throw new AppError('conflict', 'Your hand is not raised.');
    await setQueue(ctx, access.session, queue.filter((q) => String(q.userId) !== access.user.userId));
    return liveEffect(access, 'queue.lower');
  },
});

export const giveTheFloor = defineSessionOperation({
  name: 'queue.give_floor',
  action: 'session.facilitate',
  params: sessionParams,
  body: giveFloor,
  run: async (ctx, _p, body, access) => {
    requireLive(access.session);
    if (!(await ctx.services.models.memberships.exists({ trajectoryId: access.session.trajectoryId, userId: body.userId, removedAt: null }))) {
      throw new AppError('validation_failed', 'The input is not valid.', { userId: 'is not a participant of this session' });
    }
    await conditional(ctx, access.session, {}, { $set: { 'live.floorUserId': body.userId, 'live.queue': access.session.live.queue.filter((q) => String(q.userId) !== body.userId) } }, 'The session is gone.');
    return liveEffect(access, 'queue.give_floor', { userId: body.userId });
  },
});

export const clearTheFloor = defineSessionOperation({
  name: 'queue.clear_floor',
  action: 'session.facilitate',
  params: sessionParams,
  body: sessionRef,
  run: async (ctx, _p, _b, access) => {
    await conditional(ctx, access.session, {}, { $set: { 'live.floorUserId': null } }, 'The session is gone.');
    return liveEffect(access, 'queue.clear_floor');
  },
});

/**
 * Joining the live table: the person is shown present and counted as attending (their first
 * arrival audited by the attendance records), and the room gets the new state. Answers with how
 * the person shows in presence and with the session, for the socket adapter: it puts the socket
 * in the room at once, before the coalesced broadcast of the room's state goes out.
 */
export const joinSession = defineSessionOperation({
  name: 'session.join',
  action: 'session.view',
  params: sessionParams,
  body: sessionRef,
  run: async (ctx, _p, _b, access) => {
    // A cancelled session has no table to sit at: nobody is shown present, nothing is voted.
    if (access.session.status === 'cancelled') throw new AppError('conflict', 'The session was cancelled.', { session: 'cancelled' });
    const presence = await presenceOfPerson(ctx.services, access.user, access.seat);
    const attendance = await recordAttendance(ctx.services, access.session, [access.user.userId]);
    return { result: { presence, session: access.session, userId: access.user.userId }, audit: attendance, live: [String(access.session._id)] };
  },
});
