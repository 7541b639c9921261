import { Types } from 'mongoose';
import type { Role } from '../../shared/domain/roles';
import type { Models } from '../models';
import type { Services } from '../services';
import { wakeDeliveryWorker } from './delivery-worker';
import { sealedPlaceholder, sealLinkSecret } from './sealed-link';

export interface QueuedInvitation {
  trajectoryId: string;
  email: string;
  role: Role;
  /** The single-use token of the link: only sealed in the queue, in clear only in the mail. */
  token: string;
  expiresAt: Date;
}

/**
 * Invitations take the road of every notification: the durable queue, so an SMTP outage or a
 * restart delays one and never loses or doubles it. Mail by procedure (no unsubscribe). The
 * invitee may have no account yet: the item is addressed by e-mail, in the account's language
 * when there is one. Many at once (a bulk upload) are one insert.
 */
export async function queueInvitationMails(services: Pick<Services, 'models' | 'config'>, invitations: readonly QueuedInvitation[], now = new Date()): Promise<void> {
  if (invitations.length === 0) return;
  const { models, config } = services;
  const accounts = await accountsByEmail(models, invitations.map((i) => i.email));
  const items = invitations.map((i) => ({
    _id: new Types.ObjectId(),
    userId: accounts.get(i.email) ?? null,
    email: i.email,
    event: {
      kind: 'member.invited' as const,
      trajectoryId: i.trajectoryId,
      link: `/uitnodiging/${sealedPlaceholder}`,
      params: { role: i.role, on: amsterdamDay(i.expiresAt), sealed: sealLinkSecret(config.sessionSecret, i.token) },
    },
    mode: 'immediate' as const,
    mandatory: true,
    batched: false,
    dueAt: now,
    attempts: 0,
    lastError: null,
    createdAt: now,
  }));
  await models.notificationQueue.insertMany(items, { ordered: false });
  wakeDeliveryWorker(models);
}

async function accountsByEmail(models: Models, emails: string[]): Promise<Map<string, Types.ObjectId>> {
  const users = await models.users.find({ email: { $in: emails } }, { email: 1 }).lean();
  return new Map(users.map((u) => [u.email, u._id]));
}

const amsterdamDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(at);
