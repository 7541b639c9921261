import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Logger } from '../logger';
import { registerSystemHandlers } from './system-handlers';

/** Socket.io at /socket.io on the shared HTTP server. Room handlers are registered per connection. */
export function createSocketServer(httpServer: HttpServer, log: Logger): Server {
  const io = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 256 * 1024,
    // The HTTP server routes upgrades itself; Socket.io must not close upgrades meant for /collab.
    destroyUpgrade: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 },
  });
  io.on('connection', (socket) => {
    registerSystemHandlers(socket, log);
    socket.on('error', (error) => log.warn({ socket: socket.id, err: error.message }, 'socket error'));
  });
  return io;
}
