import type { Types } from 'mongoose';
import type { BallotChoice, PollSettings } from '../../shared/live-table/polls';
import type { OperationContext } from '../commands/operation';
import { createSession } from '../commands/sessions/session-operations';
import { endSession, joinSession, nextAgendaItem, startSession } from '../live-table/live-operations';
import { castPollBallot, closeSessionPoll, openSessionPoll } from '../live-table/poll-operations';
import type { Services } from '../services';

export interface DemoSessionPlan {
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  onlineUrl?: string;
  agenda: Array<{ topicId: Types.ObjectId | string; minutes: number }>;
  declaration: { outcomeKind: 'advice' | 'proposal' | 'decision'; decidedBy: string };
}

/** A session as the procurement team plans it. Answers its id. */
export async function planDemoSession(by: OperationContext, trajectoryId: string, plan: DemoSessionPlan): Promise<string> {
  const { id } = await createSession(by, {
    params: { trajectoryId },
    body: {
      title: plan.title,
      description: plan.description,
      startsAt: plan.startsAt.toISOString(),
      endsAt: plan.endsAt.toISOString(),
      location: plan.location,
      ...(plan.onlineUrl ? { onlineUrl: plan.onlineUrl } : {}),
      agenda: plan.agenda.map((a) => ({ topicId: String(a.topicId), minutes: a.minutes })),
      declaration: plan.declaration,
    },
  });
  return id;
}

export interface DemoPoll {
  settings: PollSettings;
  /** When it was opened; ballots come a minute later, `ballotEveryMs` apart; it closes `openMinutes` after opening. */
  openedAt: Date;
  openMinutes: number;
  ballotEveryMs: number;
  ballots: Array<{ as: OperationContext; choice: BallotChoice }>;
  /** The agenda item at which it is held: the facilitator moves on to it first. */
  atAgendaIndex: number;
}

/** How a past session went: its start and end, when the facilitator moved on to each next item, its polls. */
interface HeldPlan {
  startedAt: Date;
  endedAt: Date;
  /** The item it ended on; the facilitator moved on one item at a time, at `movedAt[i]` to item i + 1. */
  agendaIndex: number;
  movedAt: Date[];
  polls: DemoPoll[];
}

/**
 * A session held in the past, as the live table would have recorded it: the facilitator starts
 * it, everyone at the table joins (their attendance), the facilitator opens each poll, the voters
 * vote, the facilitator closes it, moves through the agenda and ends the session. Every step is
 * the operation the live table uses, with its audit event and its actor.
 *
 * The operations record the moment they run; no operation takes a clock. So the times of this
 * history (when it started, each arrival, each agenda move, each ballot, each closing) are then
 * set to the day it was held with a direct write. Those times are in no audit event's hash (each
 * event keeps the moment it was written), so the chain verifies as it is.
 */
export async function holdDemoSession(
  services: Services,
  t: { trajectoryId: string; planner: OperationContext; facilitator: OperationContext; attendees: OperationContext[] },
  plan: DemoSessionPlan & HeldPlan,
): Promise<string> {
  const sessionId = await planDemoSession(t.planner, t.trajectoryId, plan);
  const ref = { params: { sessionId }, body: { sessionId } };
  await startSession(t.facilitator, ref);
  // People arrive and vote at once, as at the table: the operations are made for that.
  await Promise.all(t.attendees.map((person) => joinSession(person, ref)));
  const history: Array<{ pollId: string; poll: DemoPoll }> = [];
  // The facilitator moves through the agenda one item at a time, as the report reads it from the log.
  let at = 0;
  const moveTo = async (index: number) => {
    for (; at < index; at++) await nextAgendaItem(t.facilitator, ref);
  };
  for (const poll of plan.polls) {
    await moveTo(poll.atAgendaIndex);
    const { pollId } = await openSessionPoll(t.facilitator, { params: { sessionId }, body: { sessionId, settings: poll.settings } });
    await Promise.all(poll.ballots.map((ballot) => castPollBallot(ballot.as, { body: { pollId, choice: ballot.choice } })));
    await closeSessionPoll(t.facilitator, { body: { pollId } });
    history.push({ pollId, poll });
  }
  await moveTo(plan.agendaIndex);
  await endSession(t.facilitator, ref);
  await backdateSession(services, sessionId, plan, history);
  return sessionId;
}

async function backdateSession(services: Services, sessionId: string, plan: HeldPlan, polls: Array<{ pollId: string; poll: DemoPoll }>): Promise<void> {
  const { models } = services;
  if (plan.movedAt.length !== plan.agendaIndex) throw new Error('demo seed: a held session needs the moment of every agenda move');
  const moves = plan.movedAt.map((at, i) => ({ to: i + 1, at }));
  await models.dialogueSessions.updateOne({ _id: sessionId }, { $set: { 'live.startedAt': plan.startedAt, 'live.endedAt': plan.endedAt, 'live.moves': moves } });
  // Arrivals a few minutes before the start, twenty seconds apart; everyone stayed to the end.
  const attendance = await models.sessionAttendance.find({ sessionId }, { _id: 1 }).sort({ firstSeenAt: 1 }).lean();
  await models.sessionAttendance.bulkWrite(
    attendance.map((a, i) => ({ updateOne: { filter: { _id: a._id }, update: { $set: { firstSeenAt: new Date(plan.startedAt.getTime() - 5 * 60_000 + i * 20_000), lastSeenAt: plan.endedAt } } } })),
    { ordered: false },
  );
  for (const { pollId, poll } of polls) {
    await models.polls.updateOne({ _id: pollId }, { $set: { openedAt: poll.openedAt, closedAt: new Date(poll.openedAt.getTime() + poll.openMinutes * 60_000) } });
    const ballots = await models.ballots.find({ pollId }, { _id: 1 }).sort({ castAt: 1 }).lean();
    await models.ballots.bulkWrite(
      ballots.map((b, i) => {
        const at = new Date(poll.openedAt.getTime() + 60_000 + i * poll.ballotEveryMs);
        return { updateOne: { filter: { _id: b._id }, update: { $set: { castAt: at, updatedAt: at } } } };
      }),
      { ordered: false },
    );
  }
}
