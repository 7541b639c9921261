import { createHmac } from 'node:crypto';
import { stakeholderGroupByRole } from '../../shared/domain/roles';
import { pollOptionsOf } from '../../shared/live-table/tally';
import { mayVote } from '../../shared/policy';
import type { BallotChoice, PollResult, PollSettings, StakeholderGroup } from '../../shared/live-table/polls';
import type { LiveState, PollView, PresentPerson } from '../../shared/schemas/sessions';
import { sessionView, topicTitles } from '../commands/sessions/session-view';
import type { DialogueSessionRecord } from '../models/dialogue-session';
import type { PollRecord } from '../models/poll';
import type { Services } from '../services';
import { emitToRooms } from '../realtime/emit';
import { readCacheOf } from '../models/read-cache';
import { ballotBookOf } from './ballot-book';
import { tallyWithVoices } from '../commands/mandates/tally-voices';
import { onBehalfGroup } from '../../shared/schemas/on-behalf';
import { findByIds } from '../models/by-ids';

export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** The key that makes one ballot per person per poll without storing who it is. */
export function voterKey(secret: string, pollId: string, userId: string): string {
  return createHmac('sha256', secret).update(`ballot:${pollId}:${userId}`).digest('hex');
}

export function settingsOf(poll: PollRecord): PollSettings {
  return {
    kind: poll.kind,
    question: poll.question,
    options: poll.options,
    maxChoices: poll.maxChoices ?? undefined,
    points: poll.points ?? undefined,
    anonymous: poll.anonymous,
    resultsVisibility: poll.resultsVisibility,
    eligibleGroups: poll.eligibleGroups,
  };
}

/** Voters per group: the trajectory's current members whose role may vote and whose group is invited. */
export async function electorateOf(services: Services, poll: PollRecord): Promise<Partial<Record<StakeholderGroup, number>>> {
  const seats = await readCacheOf(services).seatsOf(String(poll.trajectoryId));
  const electorate: Partial<Record<StakeholderGroup, number>> = {};
  for (const seat of seats.values()) {
    const group = stakeholderGroupByRole[seat.role];
    if (!mayVote(group, settingsOf(poll))) continue;
    electorate[group] = (electorate[group] ?? 0) + 1;
  }
  return electorate;
}

/**
 * Tallies the stored ballots cast up to `until` (the closing moment): the frozen result of a
 * closing poll is counted from the database, whatever a node holds in memory.
 */
export async function tallyOf(services: Services, poll: PollRecord, until?: Date) {
  const ballots = await services.models.ballots.find({ pollId: poll._id, ...(until ? { updatedAt: { $lte: until } } : {}) }, { group: 1, choice: 1, voterId: 1, providerKind: 1, onBehalfOf: 1, updatedAt: 1 }).lean();
  const electorate = poll.electorate ?? (await electorateOf(services, poll));
  const voiced = ballots.map((b) => ({ key: String(b._id), group: b.group, choice: b.choice, voterId: b.voterId ? String(b.voterId) : null, providerKind: b.providerKind ?? null, onBehalfOf: b.onBehalfOf ?? null, at: new Date(b.updatedAt).getTime() }));
  return { result: await tallyWithVoices(services, poll, settingsOf(poll), voiced, electorate), electorate };
}

/** An open poll's tally as it stands, from the ballots held in memory (ballot-book.ts). */
export async function liveTallyOf(services: Services, poll: PollRecord): Promise<PollResult> {
  const [ballots, electorate] = await Promise.all([ballotBookOf(services).ballotsOf(String(poll._id)), electorateOf(services, poll)]);
  return tallyWithVoices(services, poll, settingsOf(poll), [...ballots.entries()].map(([key, b]) => ({ key, ...b, at: b.updatedAt })), electorate);
}

/** A poll's fields as every view shows them, with the result the caller may show (or null). */
export function pollFields(poll: PollRecord, result: PollView['result']): PollView {
  return {
    id: String(poll._id),
    sessionId: poll.sessionId ? String(poll.sessionId) : null,
    topicId: poll.topicId ? String(poll.topicId) : null,
    amendmentId: poll.amendmentId ? String(poll.amendmentId) : null,
    kind: poll.kind,
    question: poll.question,
    options: pollOptionsOf(settingsOf(poll)),
    maxChoices: poll.maxChoices ?? null,
    points: poll.points ?? null,
    anonymous: poll.anonymous,
    resultsVisibility: poll.resultsVisibility,
    eligibleGroups: poll.eligibleGroups,
    status: poll.status,
    openedAt: poll.openedAt.toISOString(),
    closesAt: poll.closesAt ? poll.closesAt.toISOString() : null,
    closedAt: poll.closedAt ? poll.closedAt.toISOString() : null,
    result,
    declaration: { outcomeKind: poll.declaration.outcomeKind, decidedBy: poll.declaration.decidedBy },
  };
}

/**
 * One poll as the live table shows it: its tally while results are visible, named ballots when
 * not anonymous. `liveResult` is an open poll's tally counted already (tally-broadcaster.ts).
 */
export async function pollView(services: Services, poll: PollRecord, liveResult?: PollResult): Promise<PollView> {
  const visible = poll.status === 'closed' || poll.resultsVisibility === 'live';
  const result = poll.status === 'closed' ? poll.result : visible ? (liveResult ?? (await liveTallyOf(services, poll))) : null;
  const view = pollFields(poll, result);
  if (!poll.anonymous && visible) {
    // Members' ballots only: a vote recorded on someone's behalf names no member (it is in the result's `onBehalf`).
    const ballots = [...(await ballotBookOf(services).ballotsOf(String(poll._id))).values()].filter(
      (b): b is typeof b & { group: StakeholderGroup } => Boolean(b.voterId) && b.group !== onBehalfGroup,
    );
    const users = ballots.length ? await findByIds(services.models.users, ballots.map((b) => b.voterId), { name: 1 }) : [];
    const names = new Map(users.map((u) => [String(u._id), u.name]));
    view.namedBallots = ballots.map((b) => ({ userId: String(b.voterId), name: names.get(String(b.voterId)) ?? '—', group: b.group, choice: b.choice }));
  }
  return view;
}

/** Who is in the session's room, by user id: for attendance only, never shown (see server/live-table/presence.ts). */
export async function presentUserIdsOf(services: Services, sessionId: string): Promise<string[]> {
  const io = services.publisher.io;
  if (!io) return [];
  const sockets = await io.in(sessionRoom(sessionId)).fetchSockets();
  return [...new Set(sockets.map((s) => (s.data as { presentUserIds?: Record<string, string> }).presentUserIds?.[sessionId]).filter((id): id is string => Boolean(id)))];
}

/** Everyone in the session's room, once per person however many tabs they have open (an anonymous client representative once per tab). */
async function presenceOf(services: Services, sessionId: string): Promise<PresentPerson[]> {
  const io = services.publisher.io;
  if (!io) return [];
  const sockets = await io.in(sessionRoom(sessionId)).fetchSockets();
  const people = new Map<string, PresentPerson>();
  for (const s of sockets) {
    const person = (s.data as { presence?: Record<string, PresentPerson> }).presence?.[sessionId];
    if (person) people.set(person.userId, person);
  }
  return [...people.values()].sort((a, b) => a.group.localeCompare(b.group) || a.organisationName.localeCompare(b.organisationName, 'nl') || a.name.localeCompare(b.name, 'nl'));
}

/** The full state of the live table; `viewerId` adds that person's own ballots. */
export async function buildLiveState(services: Services, session: DialogueSessionRecord, viewerId?: string): Promise<LiveState> {
  const { models } = services;
  const sessionId = String(session._id);
  const cache = readCacheOf(services);
  const [titles, polls, presence, seats] = await Promise.all([
    topicTitles(models, [session]),
    cache.pollsOfSession(sessionId),
    presenceOf(services, sessionId),
    cache.seatsOf(String(session.trajectoryId)),
  ]);
  const peopleIds = [...session.live.queue.map((q) => q.userId), ...(session.live.floorUserId ? [session.live.floorUserId] : [])];
  const users = peopleIds.length ? await findByIds(models.users, peopleIds, { name: 1 }) : [];
  const nameOf = new Map(users.map((u) => [String(u._id), u.name]));
  const groupOf = (id: string): StakeholderGroup => {
    const seat = seats.get(id);
    return seat ? stakeholderGroupByRole[seat.role] : 'observer';
  };
  const person = (id: unknown) => ({ userId: String(id), name: nameOf.get(String(id)) ?? '—', group: groupOf(String(id)) });
  const myBallots: Record<string, BallotChoice> = {};
  if (viewerId && polls.length) {
    // A ballot's `_id` is its voter key: the viewer's own ballots are read by `_id`, one per poll.
    const mine = await Promise.all(polls.map((p) => models.ballots.findById(voterKey(services.config.sessionSecret, String(p._id), viewerId), { pollId: 1, choice: 1 }).lean()));
    for (const b of mine) if (b) myBallots[String(b.pollId)] = b.choice;
  }
  const timer = session.live.timer;
  return {
    session: sessionView(session, titles),
    currentIndex: session.live.currentIndex,
    timer: timer ? { durationMs: timer.durationMs, startedAt: timer.startedAt ? new Date(timer.startedAt).toISOString() : null, remainingMs: timer.remainingMs } : null,
    queue: session.live.queue.map((q) => ({ ...person(q.userId), raisedAt: new Date(q.raisedAt).toISOString() })),
    floor: session.live.floorUserId ? person(session.live.floorUserId) : null,
    presence,
    polls: await Promise.all(polls.map((p) => pollView(services, p))),
    myBallots,
    serverTime: new Date().toISOString(),
  };
}

/**
 * Sends the live state to a session's room, coalesced: changes that come in a burst (people
 * joining, hands raised) cause one broadcast per window instead of one per change, and never
 * two builds of the same room's state at once (a change during a build is sent after it). The
 * whole table goes to everyone, so the window grows with the room: 40 ms for a small table,
 * about half a second for 500 people, which keeps a crowd arriving from flooding itself.
 * Ballots do not come here; they go out as `poll:tally` (tally-broadcaster.ts).
 */
export class LiveBroadcaster {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly building = new Set<string>();
  private readonly again = new Set<string>();

  constructor(
    private readonly services: Services,
    private readonly windowMs = 40,
  ) {}

  schedule(sessionId: string): void {
    if (this.building.has(sessionId)) {
      this.again.add(sessionId);
      return;
    }
    if (this.pending.has(sessionId)) return;
    const roomSize = this.services.publisher.io?.sockets.adapter.rooms.get(sessionRoom(sessionId))?.size ?? 0;
    this.pending.set(
      sessionId,
      setTimeout(() => {
        this.pending.delete(sessionId);
        this.building.add(sessionId);
        void this.send(sessionId).finally(() => {
          this.building.delete(sessionId);
          if (this.again.delete(sessionId)) this.schedule(sessionId);
        });
      }, this.windowMs + roomSize),
    );
  }

  private async send(sessionId: string): Promise<void> {
    try {
      const session = await this.services.models.dialogueSessions.findById(sessionId).lean();
      if (!session || !this.services.publisher.io) return;
      const state = await buildLiveState(this.services, session);
      emitToRooms(this.services.publisher.io, sessionRoom(sessionId), 'session:state', state);
    } catch (error) {
      this.services.log.warn({ sessionId, err: (error as Error).message }, 'live state broadcast failed');
    }
  }

  stop(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }
}
