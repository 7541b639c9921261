import type { DefaultEventsMap, Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/api/socket-contract';
import type { SocketPresence } from '../live-table/presence';
import type { Actor } from '../policies/actor';

/** What the server keeps per connection: who it is (from the handshake) and where it sits (the live table). */
export interface SocketData extends SocketPresence {
  actor: Actor;
  /** The signed-in person, for their room and the connection limit. */
  userId?: string;
  /** The sign-in (server/auth/session-store.ts), for its room and the expiry check. */
  sessionId?: string;
}

// Socket.io's event maps come from the socket contract (shared/api/socket-contract.ts): an emit or a
// handler that the contract does not name, or with another payload, does not compile. Events
// between nodes (search, collab:reauthorize) are not the clients' business and stay untyped.
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;
