import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config';
import { Locks } from '../db/locks';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { Models } from '../models';
import type { NotificationQueueRecord } from '../models/notification';
import { composeDigest, composeMail, type OutgoingMail } from './compose';
import { addToInboxes, inboxItemOf } from './produce';
import { isDuplicateKey } from '../db/duplicate-key';

const hour = 60 * 60 * 1000;
/** Sends at the same time per node: enough to empty a publication to hundreds quickly, few enough for one mail server. */
const concurrency = 4;
const workers = new WeakMap<Models, DeliveryWorker>();

/** Wakes this server's worker (a notification was just queued); other nodes find it at their next look. */
export function wakeDeliveryWorker(models: Models): void {
  workers.get(models)?.wake();
}

export interface DeliveryParts {
  models: Models;
  config: Config;
  log: Logger;
  publicUrl: () => string;
}

/**
 * Delivers the pending queue. Every item is claimed by its `_id` (a lock document: a unique key,
 * atomic on every backend, overtaken after its lifetime when a node died), then sent, recorded in
 * the sent log and removed from the queue. So two nodes never send one item; a failed send stays
 * queued with a later `dueAt` (exponential backoff); a restart picks up whatever is still queued.
 * Without SMTP_URL the "transport" is the development outbox.
 */
export class DeliveryWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly locks: Locks;
  private readonly transport: Transporter | undefined;

  constructor(private readonly parts: DeliveryParts) {
    this.locks = new Locks(parts.models.locks, { waitMs: 0, ttlMs: 2 * 60_000 });
    this.transport = parts.config.smtpUrl ? nodemailer.createTransport(parts.config.smtpUrl) : undefined;
  }

  start(): void {
    workers.set(this.parts.models, this);
    this.timer = setInterval(() => this.wake(), this.parts.config.notify?.pollMs ?? 5000);
    this.timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    if (workers.get(this.parts.models) === this) workers.delete(this.parts.models);
    await this.running?.catch(() => undefined);
    this.transport?.close();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.deliverDue()
      .catch((error: unknown) => this.parts.log.warn({ err: (error as Error).message }, 'delivering notifications failed; trying again'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** One pass over the pending queue: the immediate items one by one, each person's due digest items as one mail. */
  async deliverDue(now = new Date()): Promise<void> {
    const pending = await this.parts.models.notificationQueue.find({}, { _id: 1, userId: 1, mode: 1, dueAt: 1 }).lean();
    const due = pending.filter((i) => i.dueAt.getTime() <= now.getTime());
    const single = due.filter((i) => i.mode === 'immediate').map((i) => () => this.claimed(`notify:${String(i._id)}`, () => this.deliverOne(String(i._id))));
    const digests = new Map<string, string[]>();
    for (const i of due.filter((d) => d.mode === 'digest')) digests.set(String(i.userId), [...(digests.get(String(i.userId)) ?? []), String(i._id)]);
    const grouped = [...digests].map(([userId, ids]) => () => this.claimed(`notify-digest:${userId}`, () => this.deliverDigest(ids)));
    const tasks = [...single, ...grouped];
    const next = async (): Promise<void> => {
      for (let task = tasks.shift(); task && !this.stopped; task = tasks.shift()) await task();
    };
    await Promise.all(Array.from({ length: concurrency }, next));
  }

  /** Runs `fn` holding the claim; an item another node holds is skipped (it is theirs). */
  private async claimed(key: string, fn: () => Promise<void>): Promise<void> {
    try {
      await this.locks.withLock(key, fn);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return;
      this.parts.log.warn({ err: (error as Error).message, key }, 'a notification could not be delivered now');
    }
  }

  private compose = () => ({ models: this.parts.models, secret: this.parts.config.sessionSecret, publicUrl: this.parts.config.publicUrl ?? this.parts.publicUrl(), mailFrom: this.parts.config.mailFrom });

  private async deliverOne(id: string): Promise<void> {
    const { models } = this.parts;
    const item = await models.notificationQueue.findById(id).lean();
    if (!item) return; // sent by another node meanwhile
    if (await models.notificationSent.exists({ _id: item._id })) return void (await models.notificationQueue.deleteOne({ _id: item._id }));
    const mail = await composeMail(this.compose(), item);
    if (!mail) return void (await models.notificationQueue.deleteOne({ _id: item._id }));
    if (!(await this.transmit(mail, [item]))) return;
    await this.recordSent([item], mail);
  }

  private async deliverDigest(ids: string[]): Promise<void> {
    const { models } = this.parts;
    const items: NotificationQueueRecord[] = [];
    for (const id of ids) {
      const item = await models.notificationQueue.findById(id).lean();
      if (!item) continue;
      if (await models.notificationSent.exists({ _id: item._id })) await models.notificationQueue.deleteOne({ _id: item._id });
      else items.push(item);
    }
    const mail = await composeDigest(this.compose(), items);
    if (!mail) {
      for (const item of items) await models.notificationQueue.deleteOne({ _id: item._id });
      return;
    }
    if (!(await this.transmit(mail, items))) return;
    await this.recordSent(items, mail);
    const sentAt = new Date();
    for (const item of items.filter((i) => i.batched)) await addToInboxes(models, [String(item.userId)], inboxItemOf(item.event, sentAt));
  }

  /** Sends; on failure the items wait twice as long as last time (from NOTIFY_RETRY_MS, at most an hour). */
  private async transmit(mail: OutgoingMail, items: NotificationQueueRecord[]): Promise<boolean> {
    const { models, config, log } = this.parts;
    try {
      if (!this.transport) {
        await models.outbox.create({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId, headers: mail.headers, createdAt: new Date() });
      } else {
        await this.transport.sendMail({
          from: config.mailFrom,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          headers: mail.headers,
          ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, filename: 'dialoogsessie.ics', content: mail.calendar.content } } : {}),
        });
      }
      return true;
    } catch (error) {
      const base = config.notify?.retryMs ?? 30_000;
      for (const item of items) {
        const delay = Math.min(base * 2 ** item.attempts, hour);
        await models.notificationQueue.updateOne({ _id: item._id }, { $inc: { attempts: 1 }, $set: { dueAt: new Date(Date.now() + delay), lastError: (error as Error).message.slice(0, 300) } });
      }
      log.warn({ event: 'notification_send_failed', err: (error as Error).message, items: items.length, attempts: (items[0]?.attempts ?? 0) + 1 }, 'sending a notification failed; it stays queued');
      return false;
    }
  }

  /** Sent: recorded by the item's own `_id` first (so it is never sent again), then out of the queue. Retried through a brief database outage. */
  private async recordSent(items: NotificationQueueRecord[], mail: OutgoingMail): Promise<void> {
    const { models } = this.parts;
    for (const item of items) {
      for (let attempt = 0; ; attempt++) {
        try {
          await models.notificationSent
            .create({ _id: item._id, userId: item.userId, trajectoryId: item.event.trajectoryId, kind: item.event.kind, messageId: mail.messageId, to: mail.to, subject: mail.subject, sentAt: new Date() })
            .catch((error: unknown) => {
              if (!isDuplicateKey(error)) throw error;
            });
          await models.notificationQueue.deleteOne({ _id: item._id });
          break;
        } catch (error) {
          if (attempt >= 5) throw error;
          await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
        }
      }
    }
  }
}
