import type { RedisClients } from '../cluster/redis-clients';
import type { Logger } from '../logger';
import type { Models } from '../models';
import type { BallotChoice, BallotGroup } from '../../shared/live-table/polls';
import { onePerServer } from '../one-per-server';
import type { ProviderKind } from '../../shared/domain/provider-kinds';

/** A ballot as counted: by voter key, with the voter only for named polls. */
export interface HeldBallot {
  group: BallotGroup;
  /** A vote recorded on someone's behalf: the description (group `on_behalf`). */
  onBehalfOf?: string | null;
  choice: BallotChoice;
  voterId: string | null;
  providerKind?: ProviderKind | null;
  updatedAt: number;
}

/** Polls held beyond this many are let go, least recently used first (a closed poll's ballots never change; they are read again if asked). */
const maxPolls = 200;
const channel = 'dialoogtafel:ballots';

interface Entry {
  ballots: Map<string, HeldBallot>;
  /** Set while the stored ballots are being read: ballots stored meanwhile are applied after the read. */
  loading: Promise<void> | undefined;
  storedDuringLoad: Array<[string, HeldBallot]> | undefined;
}

/**
 * The ballots of the polls in use, held in memory by voter key, so that counting a poll and showing
 * the live table read no ballots: a poll's stored ballots are read once when this node first needs
 * them; after that, the ballots stored here are added as they are stored, and those stored on other
 * nodes arrive over Redis. A changed ballot replaces the voter's earlier one (the later wins). A
 * poll's frozen result at closing is counted from the database, not from here (poll-operations.ts).
 */
export class BallotBook {
  private readonly polls = new Map<string, Entry>();
  private readonly ready: Promise<void>;
  /** True once other nodes' ballots arrive here (at once without Redis). */
  private listening = false;

  constructor(
    private readonly models: Models,
    private readonly redis: RedisClients | null,
    private readonly log: Logger,
  ) {
    this.ready = this.subscribe();
  }

  private async subscribe(): Promise<void> {
    if (!this.redis) {
      this.listening = true;
      return;
    }
    const { nodeId, relaySubscriber } = this.redis;
    try {
      await relaySubscriber.subscribe(channel, (message: string) => {
        const parsed = JSON.parse(message) as { from: string; pollId: string; key: string; ballot: HeldBallot };
        if (parsed.from !== nodeId) this.apply(parsed.pollId, parsed.key, parsed.ballot);
      });
      this.listening = true;
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'ballot book: could not subscribe; other nodes’ ballots show once polls are read again');
    }
    // Ballots sent while Redis was away are lost: read every held poll again when it is back.
    relaySubscriber.on('ready', () => this.polls.clear());
  }

  /** The ballots of a poll by voter key (read from the database the first time). */
  async ballotsOf(pollId: string): Promise<ReadonlyMap<string, HeldBallot>> {
    let entry = this.polls.get(pollId);
    if (entry) {
      this.polls.delete(pollId);
      this.polls.set(pollId, entry);
    } else {
      entry = { ballots: new Map(), loading: undefined, storedDuringLoad: [] };
      this.polls.set(pollId, entry);
      entry.loading = this.load(pollId, entry);
      this.trim();
    }
    if (entry.loading) await entry.loading;
    return entry.ballots;
  }

  private async load(pollId: string, entry: Entry): Promise<void> {
    try {
      await this.ready;
      const stored = await this.models.ballots.find({ pollId }, { group: 1, choice: 1, voterId: 1, voterKey: 1, updatedAt: 1, providerKind: 1, onBehalfOf: 1 }).lean();
      for (const b of stored) {
        this.put(entry, b.voterKey, { group: b.group, choice: b.choice, voterId: b.voterId ? String(b.voterId) : null, providerKind: b.providerKind ?? null, onBehalfOf: b.onBehalfOf ?? null, updatedAt: new Date(b.updatedAt).getTime() });
      }
      for (const [key, ballot] of entry.storedDuringLoad ?? []) this.put(entry, key, ballot);
      entry.storedDuringLoad = undefined;
    } catch (error) {
      if (this.polls.get(pollId) === entry) this.polls.delete(pollId);
      throw error;
    } finally {
      entry.loading = undefined;
    }
  }

  private put(entry: Entry, key: string, ballot: HeldBallot): void {
    const earlier = entry.ballots.get(key);
    if (!earlier || earlier.updatedAt <= ballot.updatedAt) entry.ballots.set(key, ballot);
  }

  private apply(pollId: string, key: string, ballot: HeldBallot): void {
    const entry = this.polls.get(pollId);
    if (!entry) return;
    if (entry.storedDuringLoad) entry.storedDuringLoad.push([key, ballot]);
    else this.put(entry, key, ballot);
  }

  /** A ballot was stored on this node: counted here at once, and on the other nodes. */
  stored(pollId: string, key: string, ballot: HeldBallot): void {
    this.apply(pollId, key, ballot);
    if (this.redis) {
      this.redis.command
        .publish(channel, JSON.stringify({ from: this.redis.nodeId, pollId, key, ballot }))
        .catch((error: unknown) => this.log.warn({ pollId, err: String(error) }, 'ballot book: ballot not sent to other nodes'));
    }
  }

  /**
   * A poll was just opened on this node: it has no ballots yet, so its first tally here reads none
   * (a read of the ballots by poll, however well indexed, is one read less on the ballot path).
   * Nobody can have voted before the poll's id is answered, which comes after this. Only while
   * other nodes' ballots arrive here: otherwise the first tally reads the stored ballots as before.
   */
  opened(pollId: string): void {
    if (!this.listening || this.polls.has(pollId)) return;
    this.polls.set(pollId, { ballots: new Map(), loading: undefined, storedDuringLoad: undefined });
    this.trim();
  }

  /** Lets a poll go (it closed, or was read again elsewhere). */
  forget(pollId: string): void {
    this.polls.delete(pollId);
  }

  private trim(): void {
    while (this.polls.size > maxPolls) {
      const oldest = this.polls.keys().next().value as string;
      this.polls.delete(oldest);
    }
  }
}

/** The ballot book of a running server (one per services object, made when first asked). */
export const ballotBookOf = onePerServer((parts) => new BallotBook(parts.models, parts.redis, parts.log.child({ component: 'ballot-book' })));
