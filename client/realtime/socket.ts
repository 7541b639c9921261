import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './events';
import { pingOnConnect } from './ping';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: AppSocket | undefined;

// One connection per browser tab, shared by every screen. Created on first use rather than on
// import, so that merely importing a module never opens a network connection.
export function getSocket(): AppSocket {
  if (!socket) {
    // Same origin and the default /socket.io path; credentials so the session cookie travels along.
    // WebSocket first: with several server nodes, long-polling would need sticky sessions.
    socket = io({ withCredentials: true, transports: ['websocket', 'polling'] });
    pingOnConnect(socket);
  }
  return socket;
}

/** The tab's connection if a screen has opened one, without opening one. */
export function currentSocket(): AppSocket | undefined {
  return socket;
}
