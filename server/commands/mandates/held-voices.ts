import type { Connection } from 'mongoose';
import type { RedisClients } from '../../cluster/redis-clients';
import type { Logger } from '../../logger';
import type { Models } from '../../models';
import { onCollectionWrite } from '../../models/change-feed';
import { onePerServer } from '../../one-per-server';
import { noMandates, providerKindOf, type MandateCounts, type ProviderKind } from '../../../shared/domain/provider-kinds';

const maxAgeMs = 60_000;
/** The read cache's channel (read-cache.ts): it ignores the collections it does not hold, and so does this. */
const channel = 'dialoogtafel:invalidate';

interface Held<T> {
  value: T;
  loadedAt: number;
  generation: number;
}

/**
 * Small, read-mostly facts that counting a ballot needs, held in memory so a tally reads no
 * collection: the kind of every organisation (a few hundred), and per trajectory how many active
 * mandates each organisation holds per scope. Every write through mongoose makes this node forget
 * at once (change-feed.ts), and the other nodes hear of it over Redis: a revoked mandate stops
 * counting at once, on every node.
 */
export class HeldVoices {
  private kinds: Held<Map<string, { type: string; providerKind: ProviderKind | null }>> | null = null;
  /** Organisations read one by one (by `_id`) for a ballot, while the kinds of all are not held. */
  private readonly kindById = new Map<string, Held<ProviderKind | null>>();
  /** Reads in flight: a live table counting many polls at once reads each collection once, not once per poll. */
  private readonly loading = new Map<string, Promise<unknown>>();
  private readonly mandates = new Map<string, Held<Map<string, MandateCounts>>>();
  private generation = { organisations: 0, mandates: 0 };
  private readonly stopFeed: () => void;

  constructor(
    private readonly models: Models,
    private readonly redis: RedisClients | null,
    private readonly log: Logger,
  ) {
    this.stopFeed = onCollectionWrite(models.organisations.db as Connection, (collection) => this.written(collection, true));
    void this.subscribe();
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
      this.log.warn({ err: (error as Error).message }, 'held voices: could not subscribe to invalidations');
    }
    relaySubscriber.on('ready', () => {
      this.written('organisations', false);
      this.written('mandates', false);
    });
  }

  private written(collection: string, here: boolean): void {
    if (collection === 'organisations') {
      this.generation.organisations++;
      this.kinds = null;
      this.kindById.clear();
    } else if (collection === 'mandates') {
      this.generation.mandates++;
      this.mandates.clear();
    } else return;
    if (here && this.redis) {
      this.redis.command.publish(channel, `${this.redis.nodeId} ${collection}`).catch((error: unknown) => this.log.warn({ err: String(error) }, 'held voices: invalidation not sent'));
    }
  }

  /** Every organisation's type and provider kind by id. */
  async organisationKinds(): Promise<Map<string, { type: string; providerKind: ProviderKind | null }>> {
    if (this.kinds && Date.now() - this.kinds.loadedAt < maxAgeMs) return this.kinds.value;
    return this.once(`kinds:${this.generation.organisations}`, () => this.loadKinds());
  }

  /** Runs `read` once however many ask at the same moment (keys carry the generation: after a write, a new read). */
  private async once<T>(key: string, read: () => Promise<T>): Promise<T> {
    const pending = this.loading.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const promise = read();
    this.loading.set(key, promise);
    try {
      return await promise;
    } finally {
      this.loading.delete(key);
    }
  }

  private async loadKinds(): Promise<Map<string, { type: string; providerKind: ProviderKind | null }>> {
    const generation = this.generation.organisations;
    const loadedAt = Date.now();
    const all = await this.models.organisations.find({}, { type: 1, providerKind: 1 }).lean();
    const value = new Map(all.map((o) => [String(o._id), { type: o.type, providerKind: o.type === 'provider' ? (providerKindOf(o.providerKind) ?? 'institution') : null }]));
    if (generation === this.generation.organisations) this.kinds = { value, loadedAt, generation };
    return value;
  }

  /**
   * One organisation's provider kind, for a ballot: from the kinds of all when they are held, else
   * read by `_id`, so that a ballot never waits for the whole collection to be read (only a tally,
   * after the ballot is answered, reads it, once a minute or after a change to organisations).
   */
  async providerKindOf(organisationId: string): Promise<ProviderKind | null> {
    if (this.kinds && Date.now() - this.kinds.loadedAt < maxAgeMs) return this.kinds.value.get(organisationId)?.providerKind ?? null;
    const held = this.kindById.get(organisationId);
    if (held && Date.now() - held.loadedAt < maxAgeMs && held.generation === this.generation.organisations) return held.value;
    const generation = this.generation.organisations;
    const loadedAt = Date.now();
    const organisation = await this.models.organisations.findById(organisationId, { type: 1, providerKind: 1 }).lean();
    const value = organisation?.type === 'provider' ? (providerKindOf(organisation.providerKind) ?? 'institution') : null;
    if (generation === this.generation.organisations) this.kindById.set(organisationId, { value, loadedAt, generation });
    return value;
  }

  /** Active mandates per holding organisation in a trajectory, counted per scope. */
  async mandateCounts(trajectoryId: string): Promise<Map<string, MandateCounts>> {
    const held = this.mandates.get(trajectoryId);
    if (held && Date.now() - held.loadedAt < maxAgeMs) return held.value;
    return this.once(`mandates:${trajectoryId}:${this.generation.mandates}`, () => this.loadMandateCounts(trajectoryId));
  }

  private async loadMandateCounts(trajectoryId: string): Promise<Map<string, MandateCounts>> {
    const generation = this.generation.mandates;
    const loadedAt = Date.now();
    const active = await this.models.mandates.find({ trajectoryId, revokedAt: null }, { organisationId: 1, scopes: 1 }).lean();
    const value = new Map<string, MandateCounts>();
    for (const m of active) {
      const key = String(m.organisationId);
      const counts = value.get(key) ?? noMandates();
      for (const scope of m.scopes) counts[scope] += 1;
      value.set(key, counts);
    }
    if (generation === this.generation.mandates) this.mandates.set(trajectoryId, { value, loadedAt, generation });
    return value;
  }

  stop(): void {
    this.stopFeed();
  }
}

export const heldVoicesOf = onePerServer((parts) => new HeldVoices(parts.models, parts.redis, parts.log.child({ component: 'held-voices' })));
