import { createHash } from 'node:crypto';
import type { AuditVerification } from '../../shared/schemas/audit';
import type { AuditEventRecord } from '../models/audit-event';
import type { Models } from '../models';
import { canonicalJson } from './canonical-json';
import type { Locks } from '../db/locks';

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

/**
 * The append-only, hash-chained event log. Appending reads the chain's last event and inserts
 * the next one; the unique (chain, seq) index turns a race into a retry instead of a fork.
 */
export class AuditLog {
  constructor(
    private readonly models: Models,
    private readonly locks: Locks,
  ) {}

  /** Appends under the chain's lock, so the event and the stored head of the chain move together. */
  append(draft: AuditDraft): Promise<AuditEventRecord> {
    return this.locks.withLock(`audit:${draft.chain}`, () => this.appendLocked(draft));
  }

  private async appendLocked(draft: AuditDraft): Promise<AuditEventRecord> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const last = await this.models.auditEvents.findOne({ chain: draft.chain }).sort({ seq: -1 }).lean();
      // Round-trip the summary through JSON so what is hashed is exactly what is stored and read back.
      const event: Hashed = {
        ...draft,
        summary: JSON.parse(JSON.stringify(draft.summary)) as Record<string, unknown>,
        seq: (last?.seq ?? 0) + 1,
        at: new Date(),
        prevHash: last?.hash ?? null,
      };
      try {
        const created = await this.models.auditEvents.create({ ...event, hash: hashEvent(event) });
        await this.models.auditHeads.updateOne({ _id: draft.chain }, { $set: { seq: created.seq, hash: created.hash } }, { upsert: true });
        return created.toObject();
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)));
      }
    }
    throw new Error(`could not append to audit chain ${draft.chain}`);
  }

  async list(chain: string, limit = 200): Promise<AuditEventRecord[]> {
    return this.models.auditEvents.find({ chain }).sort({ seq: -1 }).limit(limit).lean();
  }

  /**
   * Recomputes every hash and link of the chain, oldest first, and checks the stored head. The
   * head is written right after its event, so a crash in between leaves it one behind: a head
   * that names an event of the chain is sound; one beyond the last event means events were removed.
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
