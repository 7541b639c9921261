import { amsterdam } from '../../shared/domain/calendar';
import { Locks } from '../db/locks';
import { AppError } from '../errors';
import type { Services } from '../services';
import { notifyActionDue, notifyConsultation, notifySession } from './events';
import { produceNotification, type NotificationDraft } from './produce';
import { isDuplicateKey } from '../db/duplicate-key';

const hour = 60 * 60 * 1000;
const scheduleLock = 'notification-schedule';

/** YYYY-MM-DD in Amsterdam, `days` after `at`. */
const amsterdamDay = (at: Date, days = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: amsterdam }).format(new Date(at.getTime() + days * 24 * hour));

/**
 * Notifications nobody's action produces: a session's reminders (the day before, the hour before),
 * a consultation two days before it closes, and an open action the day before it is due. Every
 * node runs the timer; each look takes the
 * schedule lock without waiting, so one node looks at a time, and each reminder is marked by a key
 * of its own (`notification_marks`), so it goes once, also after a restart.
 */
export class NotificationScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly locks: Locks;

  constructor(private readonly services: Services) {
    this.locks = new Locks(services.models.locks, { waitMs: 0, ttlMs: 5 * 60_000 });
  }

  start(): void {
    // A minute at the default poll of 5 s: reminders are due to the minute, not the second.
    const every = (this.services.config.notify?.pollMs ?? 5000) * 12;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.lookOnce().finally(() => (this.running = undefined));
    }, every);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  async lookOnce(now = new Date()): Promise<number> {
    try {
      return await this.locks.withLock(scheduleLock, () => this.produceDue(now));
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'conflict')) this.services.log.warn({ err: (error as Error).message }, 'scheduling notifications failed; trying again');
      return 0;
    }
  }

  private async produceDue(now: Date): Promise<number> {
    const { models } = this.services;
    const due: Array<{ key: string; draft: NotificationDraft }> = [];
    // Read in the background, never on a request: planned sessions and open consultations only are used.
    for await (const s of models.dialogueSessions.find({}, { trajectoryId: 1, title: 1, startsAt: 1, status: 1, audience: 1 }).lean().cursor()) {
      if (s.status !== 'planned') continue;
      const left = s.startsAt.getTime() - now.getTime();
      const when = s.startsAt.toISOString();
      if (left > hour && left <= 24 * hour) due.push({ key: `reminder-day:${String(s._id)}:${when}`, draft: notifySession('session.reminder', s) });
      if (left > 0 && left <= hour) due.push({ key: `reminder-hour:${String(s._id)}:${when}`, draft: notifySession('session.reminder', s) });
    }
    const inTwoDays = amsterdamDay(now, 2);
    for await (const c of models.consultations.find({}, { trajectoryId: 1, title: 1, closesOn: 1, status: 1 }).lean().cursor()) {
      if (c.status === 'open' && c.closesOn === inTwoDays) due.push({ key: `closing:${String(c._id)}:${c.closesOn}`, draft: notifyConsultation('consultation.closing', c) });
    }
    // Open actions due tomorrow: their owners are reminded once (the mark holds the date, so a moved date reminds again).
    const tomorrow = amsterdamDay(now, 1);
    for await (const o of models.outcomes.find({}, { trajectoryId: 1, topicId: 1, actions: 1 }).lean().cursor()) {
      for (const a of o.actions) {
        if (a.status === 'open' && a.dueDate === tomorrow) due.push({ key: `action-due:${String(a._id)}:${a.dueDate}`, draft: notifyActionDue(o, a) });
      }
    }
    let produced = 0;
    for (const { key, draft } of due) {
      try {
        await models.notificationMarks.create({ _id: key, at: now });
      } catch (error) {
        if (isDuplicateKey(error)) continue; // produced before
        throw error;
      }
      await produceNotification(this.services, draft, now);
      produced++;
    }
    return produced;
  }
}
