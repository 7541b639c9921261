import { tallyPoll } from '../../shared/domain/tally';
import type { BallotChoice, StakeholderGroup } from '../../shared/schemas/polls';
import type { PollRecord } from '../models/poll';
import type { Services } from '../services';
import { electorateOf, pollView, sessionRoom, settingsOf } from './live-state';

/** After this long without ballots, the room also gets the whole table once (for clients that only follow `session:state`). */
const settleMs = 1000;
/** The ballots and electorate held for an open poll are read from the database again when older than this. */
const reloadMs = 1000;
/** A poll without ballots for this long is no longer held in memory. */
const idleMs = 10_000;

interface CountedBallot {
  group: StakeholderGroup;
  choice: BallotChoice;
}

interface OpenPoll {
  poll: PollRecord;
  sessionId: string;
  /** Ballots by voter key: as last read from the database, plus those stored by this server since. */
  ballots: Map<string, CountedBallot>;
  electorate: Partial<Record<StakeholderGroup, number>>;
  loadedAt: number;
  /** Ballots stored while a reload was reading: the read may not include them, so they are applied after it. */
  storedDuringLoad: Array<[string, CountedBallot]> | undefined;
  timer: NodeJS.Timeout | undefined;
  idle: NodeJS.Timeout | undefined;
  counting: boolean;
  again: boolean;
}

/**
 * Sends an open poll's new tally to its session's room as `poll:tally` (that one poll's view),
 * not the whole live table: a ballot changes nothing else anyone sees. Per poll, a trailing
 * throttle: the first ballot after a quiet moment is counted after `windowMs`; ballots that
 * arrive while a count is being made are taken up by the next one, so at most one count is in
 * flight per poll. Counting does not read every ballot again each time: the poll's ballots
 * are held by voter key, as read from the database at most once a second plus the ballots
 * this server stored since (a changed ballot replaces the voter's earlier one). The periodic
 * read brings in ballots stored by other server nodes and keeps the count equal to the database.
 */
export class TallyBroadcaster {
  private readonly polls = new Map<string, OpenPoll>();
  private readonly settling = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly services: Services,
    private readonly windowMs = 20,
  ) {}

  /** A ballot of `poll` (open, in a live session) was stored under `voterKey`. */
  ballotStored(poll: PollRecord, voterKey: string, ballot: CountedBallot): void {
    const pollId = String(poll._id);
    const sessionId = String(poll.sessionId);
    let entry = this.polls.get(pollId);
    if (!entry) {
      entry = { poll, sessionId, ballots: new Map(), electorate: {}, loadedAt: 0, storedDuringLoad: undefined, timer: undefined, idle: undefined, counting: false, again: false };
      this.polls.set(pollId, entry);
    }
    entry.ballots.set(voterKey, ballot);
    entry.storedDuringLoad?.push([voterKey, ballot]);
    clearTimeout(entry.idle);
    entry.idle = this.later(() => this.forget(pollId), idleMs);
    if (entry.counting) entry.again = true;
    else if (!entry.timer) entry.timer = this.later(() => void this.count(pollId), this.windowMs);
    clearTimeout(this.settling.get(sessionId));
    this.settling.set(
      sessionId,
      this.later(() => {
        this.settling.delete(sessionId);
        this.services.publisher.sessionChanged(sessionId);
      }, settleMs),
    );
  }

  /** The poll closed: its final result goes out with the whole table; nothing more from here. */
  forget(pollId: string): void {
    const entry = this.polls.get(pollId);
    if (!entry) return;
    clearTimeout(entry.timer);
    clearTimeout(entry.idle);
    this.polls.delete(pollId);
  }

  private later(fn: () => void, ms: number): NodeJS.Timeout {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return timer;
  }

  private async count(pollId: string): Promise<void> {
    const entry = this.polls.get(pollId);
    if (!entry) return;
    entry.timer = undefined;
    entry.counting = true;
    entry.again = false;
    try {
      if (Date.now() - entry.loadedAt > reloadMs) await this.reload(entry);
      if (this.polls.get(pollId) !== entry || entry.poll.resultsVisibility !== 'live') return;
      const result = tallyPoll(settingsOf(entry.poll), [...entry.ballots.values()], entry.electorate);
      const view = await pollView(this.services, entry.poll, result);
      if (this.polls.get(pollId) === entry) this.services.publisher.io?.to(sessionRoom(entry.sessionId)).emit('poll:tally', view);
    } catch (error) {
      this.services.log.warn({ pollId, err: (error as Error).message }, 'poll tally broadcast failed');
    } finally {
      entry.counting = false;
      if (entry.again && this.polls.get(pollId) === entry) entry.timer = this.later(() => void this.count(pollId), this.windowMs);
    }
  }

  /** Reads the poll, its ballots and its electorate from the database; ballots stored meanwhile are kept. */
  private async reload(entry: OpenPoll): Promise<void> {
    const startedAt = Date.now();
    entry.storedDuringLoad = [];
    try {
      const poll = await this.services.models.polls.findById(entry.poll._id).lean();
      if (!poll || poll.status !== 'open') {
        this.forget(String(entry.poll._id));
        return;
      }
      const [ballots, electorate] = await Promise.all([
        this.services.models.ballots.find({ pollId: poll._id }, { voterKey: 1, group: 1, choice: 1 }).lean(),
        electorateOf(this.services, poll),
      ]);
      entry.poll = poll;
      entry.ballots = new Map(ballots.map((b) => [b.voterKey, { group: b.group, choice: b.choice }]));
      for (const [key, ballot] of entry.storedDuringLoad) entry.ballots.set(key, ballot);
      entry.electorate = electorate;
      entry.loadedAt = startedAt;
    } finally {
      entry.storedDuringLoad = undefined;
    }
  }

  stop(): void {
    for (const pollId of [...this.polls.keys()]) this.forget(pollId);
    for (const timer of this.settling.values()) clearTimeout(timer);
    this.settling.clear();
  }
}

const broadcasters = new WeakMap<Services, TallyBroadcaster>();

/** The tally broadcaster of a running server (one per services object). */
export function tallyBroadcasterOf(services: Services): TallyBroadcaster {
  let broadcaster = broadcasters.get(services);
  if (!broadcaster) {
    broadcaster = new TallyBroadcaster(services);
    broadcasters.set(services, broadcaster);
  }
  return broadcaster;
}
