import { Types } from 'mongoose';
import { stakeholderGroupByRole } from '../../shared/domain/roles';
import { validateBallot, validatePollSettings } from '../../shared/live-table/tally';
import type { StakeholderGroup } from '../../shared/live-table/polls';
import { castBallot, openPoll, pollRef } from '../../shared/schemas/sessions';
import { AppError, notFound } from '../errors';
import { electorateOf, settingsOf, tallyOf, voterKey } from './live-state';
import type { PollRecord } from '../models/poll';
import { authorizeTrajectory, enforce, loadSeat, requireUser } from '../commands/access';
import { readCacheOf } from '../models/read-cache';
import { ballotBookOf } from './ballot-book';
import { heldVoicesOf } from '../commands/mandates/held-voices';
import { decideTrajectoryAction } from '../policies/trajectory-policy';
import { defineOperation, noParams, type Effect, type OperationContext } from '../commands/operation';
import { systemActor, type SystemActor } from '../policies/actor';
import type { Services } from '../services';
import { defineSessionOperation, sessionParams } from '../commands/sessions/session-access';
import { pollsToCloseAtSessionEnd } from '../notifications/poll-after-session';
import { audienceOf } from '../commands/sessions/session-view';

/**
 * The facilitator or the procurement team opens a poll for a session, live or still planned (the
 * ranking of topics that proposes the agenda runs before the session); it carries the session's declaration.
 */
export const openSessionPoll = defineSessionOperation({
  name: 'poll.open',
  action: 'poll.open',
  params: sessionParams,
  body: openPoll,
  run: async (ctx, _p, { settings }, { session, user }) => {
    if (session.status === 'ended') throw new AppError('conflict', 'The session has ended.');
    if (session.status === 'cancelled') throw new AppError('conflict', 'The session was cancelled.');
    const fields = validatePollSettings(settings, new Date());
    if (fields) throw new AppError('validation_failed', 'The input is not valid.', Object.fromEntries(Object.entries(fields).map(([k, v]) => [`settings.${k}`, v])));
    if (settings.topicId && !(await ctx.services.models.topics.exists({ _id: settings.topicId, trajectoryId: session.trajectoryId }))) {
      throw new AppError('validation_failed', 'The input is not valid.', { 'settings.topicId': 'is not a topic of this trajectory' });
    }
    if (settings.amendmentId && !(await ctx.services.models.amendments.exists({ _id: settings.amendmentId, trajectoryId: session.trajectoryId, status: 'pending' }))) {
      throw new AppError('validation_failed', 'The input is not valid.', { 'settings.amendmentId': 'is not an open amendment of this trajectory' });
    }
    const pollId = new Types.ObjectId();
    // The deadline first: a crash in between leaves a deadline without a poll, which the sweeper drops.
    if (settings.closesAt) await ctx.services.models.pollDeadlines.create({ _id: pollId, trajectoryId: session.trajectoryId, closesAt: new Date(settings.closesAt) });
    const poll = await ctx.services.models.polls.create({
      _id: pollId,
      trajectoryId: session.trajectoryId,
      sessionId: session._id,
      topicId: settings.topicId ?? session.agenda[session.live.currentIndex]?.topicId ?? null,
      amendmentId: settings.amendmentId ?? null,
      kind: settings.kind,
      question: settings.question,
      options: settings.kind === 'consent' ? [] : settings.options,
      maxChoices: settings.kind === 'multiple_choice' ? (settings.maxChoices ?? settings.options.length) : null,
      points: settings.kind === 'dot_voting' ? (settings.points ?? null) : null,
      anonymous: settings.anonymous,
      resultsVisibility: settings.resultsVisibility,
      eligibleGroups: settings.eligibleGroups,
      openedBy: user.userId,
      openedAt: new Date(),
      closesAt: settings.closesAt ? new Date(settings.closesAt) : null,
      declaration: session.declaration,
    });
    ballotBookOf(ctx.services).opened(String(poll._id));
    const trajectoryId = String(session.trajectoryId);
    return {
      result: { pollId: String(poll._id) },
      audit: [{ chain: trajectoryId, action: 'poll.open', objectType: 'poll', objectId: String(poll._id), summary: { sessionId: String(session._id), kind: settings.kind, question: settings.question, anonymous: settings.anonymous } }],
      live: [String(session._id)],
    };
  },
});

async function loadPoll(ctx: OperationContext, pollId: string): Promise<PollRecord> {
  requireUser(ctx);
  const poll = await ctx.services.models.polls.findById(pollId).lean();
  if (!poll) throw notFound();
  return poll;
}

const isOpen = (poll: PollRecord, now = new Date()) => poll.status === 'open' && (!poll.closesAt || poll.closesAt > now);

/**
 * Casts or changes a ballot. One per person per poll is held by the ballot's `_id` (the voter key),
 * also under concurrent clicks from several tabs; anonymous ballots are stored and audited without
 * the voter's identity. A plenary votes at once, so a ballot reads no collection: the poll and the
 * seat come from memory (read-cache.ts), the ballot is one insert by `_id` (a change one update by
 * `_id`), the poll is read again by `_id` to see it did not close meanwhile, and the audit event
 * goes with the others of the same moment (audit-log.ts).
 */
export const castPollBallot = defineOperation({
  name: 'poll.vote',
  params: noParams,
  body: castBallot,
  authorize: async (ctx, _p, body) => {
    const user = requireUser(ctx);
    const poll = await readCacheOf(ctx.services).poll(body.pollId);
    if (!poll) throw notFound();
    // The poll's trajectory exists (a poll is never without one): the seat and the policy decide.
    const seat = await loadSeat(ctx, String(poll.trajectoryId));
    // A session's poll: who its session invites (a closed session), by `_id`.
    const session = poll.sessionId ? await ctx.services.models.dialogueSessions.findById(poll.sessionId, { audience: 1 }).lean() : null;
    // Who votes (the role, the groups the poll invites, the session's audience) is the shared policy's poll.vote rule.
    enforce(decideTrajectoryAction(ctx.actor, seat, 'poll.vote', { poll: settingsOf(poll), ...(session ? { session: { audience: audienceOf(session) } } : {}) }));
    const group: StakeholderGroup = stakeholderGroupByRole[seat!.role];
    const providerKind = group === 'provider' ? await heldVoicesOf(ctx.services).providerKindOf(seat!.organisationId) : null;
    return { poll, group, userId: user.userId, providerKind };
  },
  run: async (ctx, _p, body, { poll, group, userId, providerKind }) => {
    if (!isOpen(poll)) throw new AppError('conflict', 'This poll is closed.');
    const reason = validateBallot(settingsOf(poll), body.choice);
    if (reason) throw new AppError('validation_failed', reason, { choice: reason });
    const { ballots, polls } = ctx.services.models;
    const key = voterKey(ctx.services.config.sessionSecret, body.pollId, userId);
    const now = new Date();
    const voterId = poll.anonymous ? null : userId;
    try {
      await ballots.create({ _id: key, pollId: poll._id, voterKey: key, voterId, group, providerKind, choice: body.choice, castAt: now, updatedAt: now });
    } catch (error) {
      // A changed ballot, or two tabs inserting at once: the first insert wins the `_id`, the other is an update.
      if ((error as { code?: number }).code !== 11000) throw error;
      await ballots.updateOne({ _id: key }, { $set: { choice: body.choice, group, providerKind, updatedAt: now, voterId } });
    }
    const after = await polls.findById(body.pollId).lean();
    if (!after || (after.status === 'closed' && after.closedAt && after.closedAt < now)) throw new AppError('conflict', 'This poll closed just before your ballot arrived.');
    ballotBookOf(ctx.services).stored(body.pollId, key, { group, choice: body.choice, voterId, providerKind, updatedAt: now.getTime() });
    return {
      // After the audit step the room gets the new tally: a ballot changes only this poll's view,
      // so that is all that is sent (the whole table follows once ballots settle).
      tally: [{ poll: after }],
      result: { pollId: body.pollId, choice: body.choice },
      audit: [
        {
          chain: String(poll.trajectoryId),
          action: 'poll.ballot',
          objectType: 'poll',
          objectId: body.pollId,
          summary: poll.anonymous ? { group } : { group, choice: body.choice },
          anonymous: poll.anonymous,
        },
      ],
    };
  },
});

type CloseReason = 'manual' | 'deadline' | 'session_ended';

/**
 * Closes a poll once: freezes its result, electorate and time; a closed result never changes.
 * Runs under the poll's lock (every closing operation holds `poll:<id>`), so of two closings
 * (a person and the deadline, two nodes' sweepers) the second finds it closed and is refused.
 */
async function closePoll(ctx: OperationContext, poll: PollRecord, reason: CloseReason): Promise<Effect<{ pollId: string; result: PollRecord['result'] }>> {
  const closedAt = new Date();
  const closing = await ctx.services.models.polls.findOneAndUpdate({ _id: poll._id, status: 'open' }, { $set: { status: 'closed', closedAt } }, { returnDocument: 'after' }).lean();
  if (!closing) throw new AppError('conflict', 'This poll is closed already.');
  await ctx.services.models.pollDeadlines.deleteOne({ _id: poll._id });
  const electorate = await electorateOf(ctx.services, closing);
  const { result } = await tallyOf(ctx.services, { ...closing, electorate }, closedAt);
  const closed = (await ctx.services.models.polls.findByIdAndUpdate(poll._id, { $set: { result, electorate } }, { returnDocument: 'after' }).lean())!;
  const trajectoryId = String(poll.trajectoryId);
  return {
    result: { pollId: String(closed._id), result: closed.result },
    audit: [
      {
        chain: trajectoryId,
        action: 'poll.close',
        objectType: 'poll',
        objectId: String(poll._id),
        summary: { reason, ballots: result.ballots, leaders: result.leaders, ...(result.consent ? { consent: result.consent } : {}) },
      },
    ],
    // The final result goes out with the whole table; the tally broadcaster stops counting it.
    tally: [{ poll: closed, closed: true }],
    live: poll.sessionId ? [String(poll.sessionId)] : [],
    // A closed ranking may propose an agenda order: the sessions page shows it without reloading.
    publish: poll.kind === 'ranking' ? [{ trajectoryId, what: 'sessions' }] : [],
  };
}

const pollLock = (_p: unknown, body: { pollId: string }) => `poll:${body.pollId}`;

/** The system, named `name`, closes a poll: nobody else may ask for it (a person closes with poll.close). */
function requireSystem(ctx: OperationContext, name: SystemActor['name']): void {
  if (ctx.actor.kind !== 'system' || ctx.actor.name !== name) throw new AppError('forbidden', 'Only the system closes polls this way.');
}

async function loadPollForSystem(ctx: OperationContext, pollId: string): Promise<PollRecord> {
  const poll = await ctx.services.models.polls.findById(pollId).lean();
  if (!poll) throw notFound();
  return poll;
}

/** The three ways a poll closes share one operation shape; they differ in who may ask and why. */
function pollClosing(reason: Parameters<typeof closePoll>[2], authorize: (ctx: OperationContext, pollId: string) => Promise<PollRecord>) {
  return defineOperation({
    name: 'poll.close',
    params: noParams,
    body: pollRef,
    lock: pollLock,
    authorize: (ctx, _p, body) => authorize(ctx, body.pollId),
    run: (ctx, _p, _b, poll) => closePoll(ctx, poll, reason),
  });
}

/** A person (the facilitator or the procurement team) closes a poll. */
export const closeSessionPoll = pollClosing('manual', async (ctx, pollId) => {
  const poll = await loadPoll(ctx, pollId);
  await authorizeTrajectory(ctx, String(poll.trajectoryId), 'poll.close');
  return poll;
});

/** A poll's closing time has passed: the system (`poll-deadline`) closes it. */
const closePollAtDeadline = pollClosing('deadline', async (ctx, pollId) => {
  requireSystem(ctx, 'poll-deadline');
  const poll = await loadPollForSystem(ctx, pollId);
  if (!poll.closesAt || poll.closesAt > new Date()) throw new AppError('conflict', 'This poll has no closing time that passed.');
  return poll;
});

/** The poll's session ended or was cancelled: the system (`session-end`) closes it, its result stored. */
const closePollAtSessionEnd = pollClosing('session_ended', async (ctx, pollId) => {
  requireSystem(ctx, 'session-end');
  const poll = await loadPollForSystem(ctx, pollId);
  const session = poll.sessionId ? await ctx.services.models.dialogueSessions.findById(poll.sessionId, { status: 1 }).lean() : null;
  if (!session || (session.status !== 'ended' && session.status !== 'cancelled')) throw new AppError('conflict', 'The poll’s session has not ended.');
  return poll;
});

const isConflict = (error: unknown) => error instanceof AppError && error.code === 'conflict';

/**
 * Closes the polls still open in a session that ended or was cancelled: an operation's `follow`
 * (server/commands/operation.ts), after the session's own write. A poll a person closed meanwhile is skipped.
 */
// A poll whose declared closing time lies after the end stays open (and everyone is told).
export async function closeOpenPollsOfSession(services: Services, sessionId: string): Promise<void> {
  const open = await services.models.polls.find({ sessionId, status: 'open' }).lean();
  for (const { _id } of await pollsToCloseAtSessionEnd(services, open)) {
    await closePollAtSessionEnd({ services, actor: systemActor('session-end') }, { body: { pollId: String(_id) } }).catch((error: unknown) => {
      if (!isConflict(error)) throw error;
    });
  }
}

/**
 * Closes polls whose closing time has passed (the poll sweeper, every second on every node). It
 * reads the deadlines of the polls open now (poll-deadline.ts), never the polls themselves.
 * Safe on several nodes: closing holds the poll's lock, and under it a poll another node or a
 * person closed first is refused (conflict) and skipped.
 */
export async function closeDuePolls(services: Services): Promise<number> {
  const now = new Date();
  const due = (await services.models.pollDeadlines.find({}, { closesAt: 1 }).lean()).filter((d) => d.closesAt <= now);
  let closed = 0;
  for (const { _id } of due) {
    try {
      await closePollAtDeadline({ services, actor: systemActor('poll-deadline') }, { body: { pollId: String(_id) } });
      closed++;
    } catch (error) {
      // Closed by another node or a person in the meantime, or gone (a crash between the two writes
      // of opening or closing): its deadline has nothing left to close. Still open (its lock was busy,
      // the database away): the next round tries again. Anything but a conflict is worth a line in the log.
      const poll = await services.models.polls.findById(_id, { status: 1 }).lean();
      if (!poll || poll.status === 'closed') await services.models.pollDeadlines.deleteOne({ _id });
      if (!isConflict(error) && poll?.status === 'open') services.log.warn({ pollId: String(_id), err: (error as Error).message }, 'closing a poll at its deadline failed');
    }
  }
  return closed;
}
