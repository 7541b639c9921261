import type { Model } from 'mongoose';
import type { Retention } from '../config';
import { AppError } from '../errors';
import { Locks } from '../db/locks';
import type { Logger } from '../logger';
import type { Models } from '../models';
import type { AuditDraft, AuditLog } from '../audit/audit-log';
import { eraseRefusedApplicants } from '../admission/applicant-erasure';

/** The safe defaults, used when a configuration (e.g. one built by a test) names none. */
export const defaultRetention: Retention = { signInsDays: 0, linksDays: 30, outboxDays: 30, attendanceDays: 730, sweepMinutes: 60, refusedApplicationsMonths: 12 };

const day = 24 * 60 * 60 * 1000;
const batchSize = 500;
/** Deletes sent together while sweeping. */
const deletesAtOnce = 20;
const sweepLock = 'retention-sweep';

export type SweepCounts = Record<'signIns' | 'passwordResetLinks' | 'invitations' | 'outboxMail' | 'attendance' | 'visitMarks' | 'calendarSubscriptions' | 'notificationsSent' | 'refusedApplicants', number>;

/** Refused applicants' data (admission): erased under the admission lock and audited. Without it the sweep leaves them. */
export interface ApplicantSweep {
  locks: Locks;
  audit: ((draft: AuditDraft) => Promise<unknown>) | null;
}

/** Months after a refusal, when the setting names none. */
const defaultRefusedApplicationsMonths = 12;

/** A "nieuw" mark, or a calendar address no calendar fetched, unused this long has no purpose left. */
const unusedDays = 365;

/**
 * Reads a collection once, as one stream, and removes the records `expired` picks, each by `_id`.
 * On FerretDB only `_id` equality reaches the storage engine: a filter on a date, a range on
 * `_id` or an `$in` would make every batch read the whole collection again. Runs in the
 * background, never on a request; a few deletes at a time, so requests keep the database.
 */
async function pruneInBatches<T extends { _id: unknown }>(model: Model<T>, fields: Record<string, 1>, expired: (record: T) => boolean): Promise<number> {
  let removed = 0;
  let pending: unknown[] = [];
  const flush = async () => {
    const results = await Promise.all(pending.map((_id) => model.deleteOne({ _id } as never)));
    removed += results.reduce((n, r) => n + r.deletedCount, 0);
    pending = [];
  };
  for await (const record of model.find({}, fields).lean().cursor({ batchSize })) {
    if (!expired(record as unknown as T)) continue;
    pending.push((record as unknown as T)._id);
    if (pending.length >= deletesAtOnce) await flush();
  }
  await flush();
  return removed;
}

/** One sweep: everything past its retention goes. Safe to run twice; the lock keeps it to one node at a time. */
async function sweepExpiredPersonalData(models: Models, retention: Retention, now = new Date(), applicants?: ApplicantSweep): Promise<SweepCounts> {
  const before = (days: number) => now.getTime() - days * day;
  const t = (d: Date | null | undefined) => (d ? new Date(d).getTime() : null);
  return {
    signIns: await pruneInBatches(models.sessions, { expiresAt: 1 }, (s) => s.expiresAt.getTime() <= before(retention.signInsDays)),
    passwordResetLinks: await pruneInBatches(models.passwordResets, { expiresAt: 1, usedAt: 1 }, (r) => Math.min(t(r.usedAt) ?? Infinity, r.expiresAt.getTime()) <= before(retention.linksDays)),
    // An invitation is spent when accepted, revoked or expired; the audit log keeps its id.
    invitations: await pruneInBatches(
      models.invitations,
      { expiresAt: 1, acceptedAt: 1, revokedAt: 1 },
      (i) => Math.min(t(i.acceptedAt) ?? Infinity, t(i.revokedAt) ?? Infinity, i.expiresAt.getTime()) <= before(retention.linksDays),
    ),
    outboxMail: await pruneInBatches(models.outbox, { createdAt: 1 }, (m) => m.createdAt.getTime() <= before(retention.outboxDays)),
    // Published and stored reports keep their own snapshot of who attended.
    attendance: await pruneInBatches(models.sessionAttendance, { lastSeenAt: 1 }, (a) => a.lastSeenAt.getTime() <= before(retention.attendanceDays)),
    visitMarks: await pruneInBatches(models.visitMarks, { lastSeenAt: 1 }, (v) => v.lastSeenAt.getTime() <= before(unusedDays)),
    calendarSubscriptions: await pruneInBatches(
      models.calendarSubscriptions,
      { createdAt: 1, lastFetchedAt: 1 },
      (c) => (t(c.lastFetchedAt) ?? c.createdAt.getTime()) <= before(unusedDays),
    ),
    // The notification sent log (to whom, which subject) and reminder marks keep as long as the outbox.
    notificationsSent:
      (await pruneInBatches(models.notificationSent, { sentAt: 1 }, (m) => m.sentAt.getTime() <= before(retention.outboxDays))) +
      (await pruneInBatches(models.notificationMarks, { at: 1 }, (m) => m.at.getTime() <= before(retention.outboxDays))),
    refusedApplicants: applicants
      ? await eraseRefusedApplicants(models, applicants.locks, retention.refusedApplicationsMonths ?? defaultRefusedApplicationsMonths, now, applicants.audit)
      : 0,
  };
}

/**
 * The retention schedule: every node runs a timer, and each sweep first takes the sweep lock
 * (server/db/locks.ts) without waiting, so with several nodes one sweeps and the others skip.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly locks: Locks;

  constructor(
    private readonly models: Models,
    private readonly retention: Retention,
    private readonly log: Logger,
    audit: Pick<AuditLog, 'append'> | null = null,
  ) {
    // No waiting for the lock: another node sweeping now is as good. The lock outlives a long sweep by far.
    this.locks = new Locks(models.locks, { waitMs: 0, ttlMs: 10 * 60_000 });
    // An application is erased under its trajectory's admission lock, waited for like a request waits.
    this.applicants = { locks: new Locks(models.locks, { waitMs: 15_000 }), audit: audit ? (draft) => audit.append(draft) : null };
  }

  private readonly applicants: ApplicantSweep;

  /** Sweeps soon after start, then every `sweepMinutes`. */
  start(firstDelayMs = 10_000): void {
    const schedule = (delay: number) => {
      this.timer = setTimeout(() => {
        this.running = this.sweepOnce().finally(() => {
          if (this.timer) schedule(this.retention.sweepMinutes * 60_000);
        });
      }, delay);
      this.timer.unref();
    };
    schedule(firstDelayMs);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Resolves with what was removed, or null when another node held the sweep. */
  async sweepOnce(now = new Date()): Promise<SweepCounts | null> {
    try {
      const counts = await this.locks.withLock(sweepLock, () => sweepExpiredPersonalData(this.models, this.retention, now, this.applicants));
      this.log.info({ event: 'retention_sweep', ...counts }, 'expired personal data removed');
      return counts;
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return null;
      this.log.warn({ err: (error as Error).message }, 'retention sweep failed; it runs again at the next interval');
      return null;
    }
  }
}
