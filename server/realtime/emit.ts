import type { ServerEventArgs, ServerEventName } from '../../shared/api/socket-contract';
import type { AppServer, AppSocket } from './socket-types';

/** How Socket.io emits, seen without its per-event overloads: the helpers below are typed by the contract instead. */
interface Emitter {
  emit(event: string, ...args: unknown[]): boolean;
}

/**
 * Sends a server event of the socket contract to one or more rooms (on every node, through the
 * adapter). The event name and its payload are checked against shared/api/socket-contract.ts.
 * Without a Socket.io server (a script, a test without sockets) there is nobody to tell; no rooms
 * is nobody too (Socket.io would take an empty list for everyone).
 */
export function emitToRooms<E extends ServerEventName>(io: AppServer | undefined, rooms: string | string[], event: E, ...payload: ServerEventArgs<E>): void {
  if (!io || rooms.length === 0) return;
  (io.to(rooms) as Emitter).emit(event, ...payload);
}

/** Sends a server event of the socket contract to one connection. */
export function emitToConnection<E extends ServerEventName>(socket: AppSocket, event: E, ...payload: ServerEventArgs<E>): void {
  (socket as Emitter).emit(event, ...payload);
}
