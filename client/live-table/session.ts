import type { AppSocket } from '../realtime/socket';

/**
 * The socket authenticates with the session cookie once, when it connects. After signing in
 * or out the cookie changed, so connect again for the server to see who is there now; rooms
 * are joined again by their hooks on `connect`.
 */
function renewSocketSession(socket: AppSocket): void {
  if (!socket.active && !socket.connected) return;
  socket.disconnect();
  socket.connect();
}

/**
 * After signing in or out: renews the tab's connection when one is open. Imported lazily, so the
 * shell (and the first page) does not carry Socket.io's client; the screens that use it load it.
 */
export async function renewOpenSocketSession(): Promise<void> {
  const { currentSocket } = await import('../realtime/socket');
  const socket = currentSocket();
  if (socket) renewSocketSession(socket);
}
