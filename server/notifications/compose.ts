import type { MailLanguage } from '../../shared/schemas/notifications';
import { renderDigestMail, renderNotificationMail, type RenderedMail } from '../mail/notification-mail';
import type { Models } from '../models';
import type { NotificationQueueRecord } from '../models/notification';
import { sessionCalendarAttachment, type CalendarAttachment } from './session-calendar';
import { openLinkSecret, sealedPlaceholder } from './sealed-link';
import { unsubscribeToken } from './unsubscribe-token';

/** A mail ready for the transport. */
export interface OutgoingMail extends RenderedMail {
  to: string;
  messageId: string;
  headers: Record<string, string>;
  calendar: CalendarAttachment | null;
}

export interface ComposeContext {
  models: Models;
  secret: string;
  publicUrl: string;
  /** MAIL_FROM: the organizer of the calendar entries session mails carry. */
  mailFrom: string;
}

const settingsPath = '/meldingen/instellingen';

/** Who the mail goes to and in which language; null when the account is gone or erased (nothing to send). */
async function addressee(models: Models, userId: unknown, email?: string | null): Promise<{ email: string; language: MailLanguage; tokenVersion: number } | null> {
  if (!userId) return email ? { email, language: 'nl', tokenVersion: 0 } : null;
  const user = await models.users.findById(userId, { email: 1, erasedAt: 1 }).lean();
  if (!user || user.erasedAt) return null;
  const preferences = await models.notificationPreferences.findById(userId, { language: 1, tokenVersion: 1 }).lean();
  return { email: email ?? user.email, language: preferences?.language ?? 'nl', tokenVersion: preferences?.tokenVersion ?? 0 };
}

const trajectoryName = async (models: Models, trajectoryId: string) => (await models.trajectories.findById(trajectoryId, { name: 1 }).lean())?.name ?? 'Dialoogtafel';

/** The Message-ID follows from the queue item, so a resend after a crash carries the same one (receivers drop the double). */
const messageIdOf = (key: string, publicUrl: string) => `<${key}@${new URL(publicUrl).hostname || 'dialoogtafel'}>`;

export async function composeMail(ctx: ComposeContext, item: NotificationQueueRecord): Promise<OutgoingMail | null> {
  const to = await addressee(ctx.models, item.userId, item.email);
  if (!to) return null;
  const { event } = item;
  const link = withSealedSecret(ctx.secret, event.link, event.params?.sealed); // an empty params object is not stored (mongoose minimizes it)
  if (link === null) return null; // a seal this server cannot open (the secret changed): nothing usable to send
  const unsubscribeUrl = item.mandatory
    ? undefined
    : `${ctx.publicUrl}/api/notifications/unsubscribe/${unsubscribeToken(ctx.secret, { userId: String(item.userId), trajectoryId: event.trajectoryId, kind: event.kind, version: to.tokenVersion })}`;
  const rendered = renderNotificationMail(
    to.language,
    { kind: event.kind, params: event.params, url: `${ctx.publicUrl}${link}` },
    { trajectoryName: await trajectoryName(ctx.models, event.trajectoryId), mandatory: item.mandatory, settingsUrl: `${ctx.publicUrl}${settingsPath}`, ...(unsubscribeUrl ? { unsubscribeUrl } : {}) },
  );
  return {
    ...rendered,
    to: to.email,
    messageId: messageIdOf(String(item._id), ctx.publicUrl),
    // RFC 8058: one POST to this address unsubscribes, without a cookie or a page.
    headers: unsubscribeUrl ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {},
    calendar: event.sessionId ? await sessionCalendarAttachment(ctx.models, event.sessionId, ctx.publicUrl, { organizer: ctx.mailFrom, attendee: to.email }) : null,
  };
}

/** A link with a sealed credential (an invitation's token) opened for the mail; other links as they are. */
function withSealedSecret(secret: string, link: string, sealed: string | undefined): string | null {
  if (!link.includes(sealedPlaceholder)) return link;
  const value = sealed ? openLinkSecret(secret, sealed) : null;
  return value === null ? null : link.replace(sealedPlaceholder, value);
}

/** One digest mail of a person's items, grouped per trajectory, oldest first. */
export async function composeDigest(ctx: ComposeContext, items: NotificationQueueRecord[]): Promise<OutgoingMail | null> {
  const first = items[0];
  if (!first) return null;
  const to = await addressee(ctx.models, first.userId);
  if (!to) return null;
  const byTrajectory = new Map<string, NotificationQueueRecord[]>();
  for (const item of [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    byTrajectory.set(item.event.trajectoryId, [...(byTrajectory.get(item.event.trajectoryId) ?? []), item]);
  }
  const groups = [];
  for (const [trajectoryId, list] of byTrajectory) {
    groups.push({ trajectoryName: await trajectoryName(ctx.models, trajectoryId), entries: list.map((i) => ({ kind: i.event.kind, params: i.event.params, url: `${ctx.publicUrl}${i.event.link}` })) });
  }
  const rendered = renderDigestMail(to.language, groups, `${ctx.publicUrl}${settingsPath}`);
  const key = items.map((i) => String(i._id)).sort()[0]!;
  return { ...rendered, to: to.email, messageId: messageIdOf(`digest.${key}`, ctx.publicUrl), headers: {}, calendar: null };
}
