import { createHmac, timingSafeEqual } from 'node:crypto';
import { notificationKinds, type NotificationKind } from '../../shared/schemas/notifications';

export interface UnsubscribeScope {
  userId: string;
  trajectoryId: string;
  kind: NotificationKind;
  /** The person's token version: raising it revokes every link given out before. */
  version: number;
}

const sign = (secret: string, payload: string) => createHmac('sha256', `unsubscribe:${secret}`).update(payload).digest('base64url').slice(0, 32);

/** A link token scoped to one person, trajectory and kind, signed with the server's secret: no cookie needed. */
export function unsubscribeToken(secret: string, scope: UnsubscribeScope): string {
  const payload = `${scope.userId}.${scope.trajectoryId}.${notificationKinds.indexOf(scope.kind)}.${scope.version}`;
  return `${payload}.${sign(secret, payload)}`;
}

export function readUnsubscribeToken(secret: string, token: string): UnsubscribeScope | null {
  const match = /^([a-f0-9]{24})\.([a-f0-9]{24})\.(\d{1,2})\.(\d{1,9})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const [, userId, trajectoryId, kindIndex, version, signature] = match;
  const expected = Buffer.from(sign(secret, `${userId}.${trajectoryId}.${kindIndex}.${version}`));
  if (!timingSafeEqual(expected, Buffer.from(signature!))) return null;
  const kind = notificationKinds[Number(kindIndex)];
  if (!kind) return null;
  return { userId: userId!, trajectoryId: trajectoryId!, kind, version: Number(version) };
}
