import type { IncomingMessage } from 'node:http';
import { parse } from 'cookie';
import { anonymous, type Actor } from '../policies/actor';
import type { Services } from '../services';
import { sessionCookieName } from './session-store';

/**
 * The one way any request becomes an actor: REST, Socket.io handshakes and collaboration
 * upgrades all carry the same HttpOnly session cookie.
 */
export async function actorFromCookieHeader(services: Services, cookieHeader: string | undefined): Promise<Actor> {
  if (!cookieHeader) return anonymous;
  const token = parse(cookieHeader)[sessionCookieName];
  if (!token) return anonymous;
  const session = await services.sessions.resolve(token);
  if (!session) return anonymous;
  const user = await services.models.users.findById(session.userId).lean();
  if (!user) return anonymous;
  return { kind: 'user', userId: String(user._id), name: user.name, email: user.email, platformAdmin: user.platformAdmin, sessionId: session.sessionId };
}

export function actorFromRequest(services: Services, req: IncomingMessage): Promise<Actor> {
  return actorFromCookieHeader(services, req.headers.cookie);
}
