import { createHash } from 'node:crypto';
import type { AuditVerification } from '../../shared/schemas/audit';
import type { AuditEventRecord } from '../models/audit-event';
import type { Models } from '../models';
import { canonicalJson } from './canonical-json';
import type { Locks } from '../db/locks';
import { isDuplicateKey } from '../db/duplicate-key';

export const platformChain = 'platform';

export interface AuditDraft {
  chain: string;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  /** What changed, in ids and short values; never passwords, tokens or e-mail addresses. */
  summary: Record<string, unknown>;
}

type Hashed = Pick<AuditEventRecord, 'chain' | 'seq' | 'at' | 'actorId' | 'action' | 'objectType' | 'objectId' | 'summary' | 'prevHash'>;

export function hashEvent(event: Hashed): string {
  const { chain, seq, at, actorId, action, objectType, objectId, summary, prevHash } = event;
  return createHash('sha256')
    .update(canonicalJson({ chain, seq, at: at.toISOString(), actorId, action, objectType, objectId, summary, prevHash }))
    .digest('hex');
}

/** Events the audit list reads at once (each by `(chain, seq)`, in parallel). */
const listBatch = 25;

/** At most this many events are written in one go; more wait for the next round. */
const maxBatch = 200;

interface Waiting {
  draft: AuditDraft;
  resolve: (event: AuditEventRecord) => void;
  reject: (error: unknown) => void;
}

/**
 * The append-only, hash-chained event log. Each chain's latest event is also stored apart, by
 * `_id` (its head): appending reads that head, not the chain, so an append costs the same with
 * ten events or a million. The unique (chain, seq) index turns a race into a retry instead of a fork.
 *
 * Appends to one chain are serialised (under the chain's lock, across processes). So that a burst
 * (hundreds of ballots at once) does not queue one lock and four database round trips per event,
 * appends that arrive while a chain is being written are written together in the next round:
 * one lock, one read of the head, one ordered insert, one head update (group commit). A lone
 * append is written at once.
 */
export class AuditLog {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly writing = new Set<string>();

  constructor(
    private readonly models: Models,
    private readonly locks: Locks,
  ) {}

  /**
   * Resolves once the event is stored in the chain. The chain's head is moved on after it at best
   * effort: it may stay behind the last event (a failed head write), never in front of it.
   */
  append(draft: AuditDraft): Promise<AuditEventRecord> {
    return new Promise<AuditEventRecord>((resolve, reject) => {
      const queue = this.waiting.get(draft.chain) ?? [];
      queue.push({ draft, resolve, reject });
      this.waiting.set(draft.chain, queue);
      if (!this.writing.has(draft.chain)) void this.writeRounds(draft.chain);
    });
  }

  private async writeRounds(chain: string): Promise<void> {
    this.writing.add(chain);
    try {
      for (;;) {
        const queue = this.waiting.get(chain);
        if (!queue || queue.length === 0) break;
        const round = queue.splice(0, maxBatch);
        try {
          const events = await this.locks.withLock(`audit:${chain}`, () => this.appendLocked(chain, round.map((w) => w.draft)));
          round.forEach((w, i) => w.resolve(events[i]!));
        } catch (error) {
          for (const w of round) w.reject(error);
        }
      }
    } finally {
      this.waiting.delete(chain);
      this.writing.delete(chain);
    }
  }

  private async appendLocked(chain: string, drafts: AuditDraft[]): Promise<AuditEventRecord[]> {
    const written: AuditEventRecord[] = [];
    let pending = drafts;
    for (let attempt = 0; attempt < 20 && pending.length > 0; attempt++) {
      // The stored head is normally the chain's last event. It can lag (a head write that failed)
      // or be missing (a database from before heads): then the insert meets the unique index, and
      // the retry reads the chain's last event itself, which is a scan on FerretDB but rare.
      const last = attempt === 0 ? await this.models.auditHeads.findById(chain).lean() : await this.lastEvent(chain);
      let seq = last?.seq ?? 0;
      let prevHash = last?.hash ?? null;
      const events = pending.map((draft) => {
        // Round-trip the summary through JSON so what is hashed is exactly what is stored and read back.
        const event: Hashed = { ...draft, summary: JSON.parse(JSON.stringify(draft.summary)) as Record<string, unknown>, seq: ++seq, at: new Date(), prevHash };
        const hashed = { ...event, hash: hashEvent(event) };
        prevHash = hashed.hash;
        return hashed;
      });
      try {
        const created = await this.models.auditEvents.insertMany(events, { ordered: true });
        written.push(...created.map((c) => c.toObject() as AuditEventRecord));
        pending = [];
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // The head lagged, or another writer (a lock taken over from a dead process) got in: keep
        // what an ordered insert stored before the conflict, retry the rest after the chain's real end.
        // (A scan on FerretDB, like `lastEvent`: only on this rare path.)
        const stored = await this.models.auditEvents.find({ chain, hash: { $in: events.map((e) => e.hash) } }).sort({ seq: 1 }).lean();
        written.push(...stored);
        pending = pending.slice(stored.length);
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
    if (pending.length > 0) throw new Error(`could not append to audit chain ${chain}`);
    const head = written[written.length - 1]!;
    // The events are stored: the round has succeeded whatever happens to the head. Failing it now
    // would make callers append the same events again. The head may lag (verify accepts a head
    // behind the chain's last event; the next round moves it on) but never goes back: a head
    // already further on makes this upsert a duplicate key, which is ignored.
    await this.models.auditHeads
      .updateOne({ _id: chain, seq: { $lt: head.seq } }, { $set: { seq: head.seq, hash: head.hash } }, { upsert: true })
      .catch(() => undefined);
    return written;
  }

  /** The chain's last event read from the events themselves: only to recover from a lagging or missing head. */
  private lastEvent(chain: string): Promise<Pick<AuditEventRecord, 'seq' | 'hash'> | null> {
    return this.models.auditEvents.findOne({ chain }, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
  }

  /**
   * The chain's latest events, newest first. Read by `(chain, seq)` equality from the head down,
   * a small batch at a time: a sorted query would make the database read the whole chain (on
   * FerretDB a sort and a range are not handed to the storage engine; equality is).
   */
  async list(chain: string, limit = 200): Promise<AuditEventRecord[]> {
    const head = await this.models.auditHeads.findById(chain, { seq: 1 }).lean();
    // A chain from before heads were kept: the one read that grows with the chain, once.
    if (!head) return this.models.auditEvents.find({ chain }).sort({ seq: -1 }).limit(limit).lean();
    // The head moves on at best effort, so events may stand beyond it.
    let last = head.seq;
    while (await this.models.auditEvents.exists({ chain, seq: last + 1 })) last += 1;
    const events: AuditEventRecord[] = [];
    for (let top = last; top >= 1 && events.length < limit; top -= listBatch) {
      const seqs = Array.from({ length: Math.min(listBatch, top, limit - events.length) }, (_, i) => top - i);
      const found = await Promise.all(seqs.map((seq) => this.models.auditEvents.findOne({ chain, seq }).lean()));
      // A gap (events removed) is for verify() to report; the list shows what is there.
      for (const event of found) if (event) events.push(event);
    }
    return events;
  }

  /**
   * Recomputes every hash and link of the chain, oldest first, and checks the stored head. The
   * head is written after its round's events, at best effort, so it may lag behind the last event:
   * a head that names an event of the chain is sound; one beyond the last event means events were removed.
   */
  async verify(chain: string): Promise<AuditVerification> {
    const head = await this.models.auditHeads.findById(chain).lean();
    let previous: string | null = null;
    let expectedSeq = 1;
    let count = 0;
    let headFound = false;
    const cursor = this.models.auditEvents.find({ chain }).sort({ seq: 1 }).lean().cursor();
    for await (const event of cursor) {
      count++;
      const brokenAt = (reason: 'hash_mismatch' | 'link_mismatch' | 'sequence_gap') => ({ valid: false, events: count, lastHash: previous, brokenAt: { seq: event.seq, reason } });
      if (event.seq !== expectedSeq) return brokenAt('sequence_gap');
      if ((event.prevHash ?? null) !== previous) return brokenAt('link_mismatch');
      if (hashEvent({ ...event, at: new Date(event.at) }) !== event.hash) return brokenAt('hash_mismatch');
      if (head && event.seq === head.seq) headFound = event.hash === head.hash;
      previous = event.hash;
      expectedSeq++;
    }
    if (head && (head.seq > count || !headFound)) {
      return { valid: false, events: count, lastHash: previous, brokenAt: { seq: Math.min(head.seq, count + 1), reason: 'events_missing' } };
    }
    return { valid: true, events: count, lastHash: previous, brokenAt: null };
  }
}
