import type { AppSocket } from './socket';

/**
 * The socket authenticates with the session cookie once, when it connects. After signing in
 * or out the cookie changed, so connect again for the server to see who is there now; rooms
 * are joined again by their hooks on `connect`.
 */
export function renewSocketSession(socket: AppSocket): void {
  if (!socket.active && !socket.connected) return;
  socket.disconnect();
  socket.connect();
}
