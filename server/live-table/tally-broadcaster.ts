import type { PollRecord } from '../models/poll';
import { readCacheOf } from '../models/read-cache';
import type { Services } from '../services';
import { emitToRooms } from '../realtime/emit';
import { liveTallyOf, pollView, sessionRoom } from './live-state';

/** After this long without ballots, the room also gets the whole table once (for clients that only follow `session:state`). */
const settleMs = 1000;

interface OpenPoll {
  poll: PollRecord;
  sessionId: string;
  timer: NodeJS.Timeout | undefined;
  counting: boolean;
  again: boolean;
}

/**
 * Sends an open poll's new tally to its session's room as `poll:tally` (that one poll's view),
 * not the whole live table: a ballot changes nothing else anyone sees. Per poll, a trailing
 * throttle: the first ballot after a quiet moment is counted after `windowMs`; ballots that
 * arrive while a count is being made are taken up by the next one, so at most one count is in
 * flight per poll. Counting reads no ballots: they are held in memory, complete across nodes
 * (ballot-book.ts), and so is the electorate (the seats, read-cache.ts).
 */
export class TallyBroadcaster {
  private readonly polls = new Map<string, OpenPoll>();
  private readonly settling = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly services: Services,
    private readonly windowMs = 20,
  ) {}

  /** A ballot of `poll` (open, in a live session) was stored on this node, and is in the ballot book. */
  ballotStored(poll: PollRecord): void {
    const pollId = String(poll._id);
    const sessionId = String(poll.sessionId);
    let entry = this.polls.get(pollId);
    if (!entry) {
      entry = { poll, sessionId, timer: undefined, counting: false, again: false };
      this.polls.set(pollId, entry);
    }
    entry.poll = poll;
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
      // Closed meanwhile, perhaps on another node (the held poll is forgotten at every write to polls).
      const poll = await readCacheOf(this.services).poll(pollId);
      if (!poll || poll.status !== 'open') {
        this.forget(pollId);
        return;
      }
      entry.poll = poll;
      if (poll.resultsVisibility !== 'live') return;
      const result = await liveTallyOf(this.services, poll);
      const view = await pollView(this.services, poll, result);
      if (this.polls.get(pollId) === entry) emitToRooms(this.services.publisher.io, sessionRoom(entry.sessionId), 'poll:tally', view);
    } catch (error) {
      this.services.log.warn({ pollId, err: (error as Error).message }, 'poll tally broadcast failed');
    } finally {
      entry.counting = false;
      if (entry.again && this.polls.get(pollId) === entry) entry.timer = this.later(() => void this.count(pollId), this.windowMs);
      else if (!entry.timer && this.polls.get(pollId) === entry) this.polls.delete(pollId);
    }
  }

  stop(): void {
    for (const pollId of [...this.polls.keys()]) this.forget(pollId);
    for (const timer of this.settling.values()) clearTimeout(timer);
    this.settling.clear();
  }
}
