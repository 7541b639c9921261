import { emitToConnection } from '../realtime/emit';
import type { AppSocket } from '../realtime/socket-types';
import type { Services } from '../services';

/** How long a socket trusts its last look at the session; an expired session is noticed within this time. */
const recheckAfterMs = 2000;

/**
 * A socket is authenticated once, at its handshake. Sign-out and a password reset disconnect it
 * at once (Publisher.endSessions); this catches the rest — a session that expired, or was ended
 * on another node — at the socket's next event: the event is not handled and the socket is
 * disconnected (the client then shows that the person must sign in again).
 */
export function endExpiredSessions(socket: AppSocket, services: Services): void {
  const sessionId = socket.data.sessionId;
  if (!sessionId) return;
  let checkedAt = Date.now();
  socket.use((packet, next) => {
    if (Date.now() - checkedAt < recheckAfterMs) return next();
    services.models.sessions
      .exists({ _id: sessionId, expiresAt: { $gt: new Date() } })
      .then((live) => {
        if (!live) {
          const ack = packet[packet.length - 1];
          if (typeof ack === 'function') ack({ ok: false, error: { code: 'unauthenticated', message: 'Your session has ended. Sign in again.' } });
          emitToConnection(socket, 'session:expired');
          socket.disconnect(true);
          return;
        }
        checkedAt = Date.now();
        next();
      })
      .catch(() => next());
  });
}
