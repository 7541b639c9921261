import type { Connection } from 'mongoose';
import type { RedisClients } from '../cluster/redis-clients';
import type { Logger } from '../logger';
import type { Seat } from '../policies/trajectory-policy';
import { onCollectionWrite } from './change-feed';
import type { Models } from './index';
import type { PollRecord } from './poll';
import { onePerServer } from '../one-per-server';

/** Held data is read again after this long even without a write: a backstop for writes outside this product. */
const maxAgeMs = 60_000;
/** Someone not among a trajectory's held seats makes the seats be read again, at most this often. */
const missReloadMs = 1_000;
const channel = 'dialoogtafel:invalidate';

interface Held<T> {
  value: T;
  loadedAt: number;
}

/**
 * Small, read-mostly data the hot paths need on every request, held in memory so that a ballot or a
 * join does not read a collection: the seats of a trajectory (a few hundred memberships) and polls
 * by id and by session. Right across nodes: every write through mongoose makes this node forget
 * what it held of that collection at once (change-feed.ts) and tells the other nodes over Redis.
 * A read that began before a write is not kept (the generation changed meanwhile).
 */
export class ReadCache {
  private readonly seats = new Map<string, Held<Map<string, Seat>>>();
  private readonly polls = new Map<string, Held<PollRecord>>();
  private readonly sessionPolls = new Map<string, Held<PollRecord[]>>();
  private readonly loading = new Map<string, Promise<unknown>>();
  private generation = { memberships: 0, polls: 0 };
  private readonly ready: Promise<void>;
  private readonly stopFeed: () => void;

  constructor(
    private readonly models: Models,
    private readonly redis: RedisClients | null,
    private readonly log: Logger,
  ) {
    this.stopFeed = onCollectionWrite(models.memberships.db as Connection, (collection) => this.written(collection, true));
    this.ready = this.subscribe();
  }

  private async subscribe(): Promise<void> {
    if (!this.redis) return;
    const { nodeId, relaySubscriber } = this.redis;
    try {
      await relaySubscriber.subscribe(channel, (message: string) => {
        const [from, collection] = message.split(' ');
        if (from !== nodeId && collection) this.written(collection, false);
      });
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'read cache: could not subscribe to invalidations; holding nothing');
    }
    // Invalidations sent while Redis was away are lost: forget everything when it is back.
    relaySubscriber.on('ready', () => this.forgetAll());
  }

  private written(collection: string, here: boolean): void {
    if (collection === 'memberships') {
      this.generation.memberships++;
      this.seats.clear();
    } else if (collection === 'polls') {
      this.generation.polls++;
      this.polls.clear();
      this.sessionPolls.clear();
    } else return;
    if (here && this.redis) {
      this.redis.command.publish(channel, `${this.redis.nodeId} ${collection}`).catch((error: unknown) => this.log.warn({ err: String(error) }, 'read cache: invalidation not sent'));
    }
  }

  private forgetAll(): void {
    this.written('memberships', false);
    this.written('polls', false);
  }

  /** Loads once however many ask at the same moment; keeps the result only if nothing was written meanwhile. */
  private async load<T>(key: string, kind: 'memberships' | 'polls', read: () => Promise<T>, keep: (held: Held<T>) => void): Promise<T> {
    const pending = this.loading.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const promise = (async () => {
      await this.ready;
      const generation = this.generation[kind];
      const loadedAt = Date.now();
      const value = await read();
      if (generation === this.generation[kind]) keep({ value, loadedAt });
      return value;
    })();
    this.loading.set(key, promise);
    try {
      return await promise;
    } finally {
      this.loading.delete(key);
    }
  }

  private trajectorySeats(trajectoryId: string): Promise<Map<string, Seat>> {
    return this.load(
      `seats:${trajectoryId}`,
      'memberships',
      async () => {
        const members = await this.models.memberships.find({ trajectoryId, removedAt: null }, { userId: 1, role: 1, organisationId: 1, anonymousPresence: 1 }).lean();
        return new Map(members.map((m) => [String(m.userId), { membershipId: String(m._id), role: m.role, organisationId: String(m.organisationId), anonymousPresence: m.anonymousPresence === true }]));
      },
      (held) => this.seats.set(trajectoryId, held),
    );
  }

  /** The current seats of a trajectory by user id (removed members are not among them). */
  async seatsOf(trajectoryId: string): Promise<Map<string, Seat>> {
    const held = this.seats.get(trajectoryId);
    if (held && Date.now() - held.loadedAt < maxAgeMs) return held.value;
    return this.trajectorySeats(trajectoryId);
  }

  /** A person's seat in a trajectory, or null. */
  async seat(trajectoryId: string, userId: string): Promise<Seat | null> {
    const held = this.seats.get(trajectoryId);
    const fresh = held && Date.now() - held.loadedAt < maxAgeMs;
    const seat = fresh ? held.value.get(userId) : undefined;
    if (seat) return seat;
    // Not held: read the seats again unless that was just done (a seat made outside this product shows up within a second).
    if (fresh && Date.now() - held.loadedAt < missReloadMs) return null;
    return (await this.trajectorySeats(trajectoryId)).get(userId) ?? null;
  }

  /** A poll by id (as stored; null when there is none). */
  async poll(pollId: string): Promise<PollRecord | null> {
    const held = this.polls.get(pollId);
    if (held && Date.now() - held.loadedAt < maxAgeMs) return held.value;
    return this.load(
      `poll:${pollId}`,
      'polls',
      () => this.models.polls.findById(pollId).lean(),
      (loaded) => {
        if (loaded.value) this.polls.set(pollId, loaded as Held<PollRecord>);
      },
    );
  }

  /** The polls of a dialogue session, oldest first. */
  async pollsOfSession(sessionId: string): Promise<PollRecord[]> {
    const held = this.sessionPolls.get(sessionId);
    if (held && Date.now() - held.loadedAt < maxAgeMs) return held.value;
    return this.load(
      `session-polls:${sessionId}`,
      'polls',
      () => this.models.polls.find({ sessionId }).sort({ openedAt: 1 }).lean(),
      (loaded) => this.sessionPolls.set(sessionId, loaded),
    );
  }

  stop(): void {
    this.stopFeed();
  }
}

/** The read cache of a running server (one per services object, made when first asked). */
export const readCacheOf = onePerServer((parts) => new ReadCache(parts.models, parts.redis, parts.log.child({ component: 'read-cache' })));
