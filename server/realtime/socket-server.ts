import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { actorFromCookieHeader } from '../auth/authenticate';
import type { Logger } from '../logger';
import { createAdapter } from '@socket.io/redis-adapter';
import { personRoom, signInRoom, type Services } from '../services';
import { registerSystemHandlers } from './system-handlers';
import { registerTrajectoryHandlers } from './trajectory-handlers';
import { registerSessionHandlers } from '../live-table/socket-handlers';
import { closeDuePolls } from '../live-table/poll-operations';
import { fireAndForgetPublisher } from '../cluster/fire-and-forget-publisher';
import type { ConnectionCounter } from '../limits/connection-counter';
import { connectionLimit, eventRateLimit } from '../limits/socket-limits';
import { endExpiredSessions } from '../live-table/session-liveness';
import { fromOwnSite } from '../http/same-origin';
import type { AppServer, AppSocket } from './socket-types';

/** Socket.io at /socket.io on the shared HTTP server; the handshake is authenticated with the session cookie. */
export function createSocketServer(httpServer: HttpServer, services: Services, log: Logger, counter?: ConnectionCounter): AppServer {
  const limits = services.config.limits;
  const io: AppServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: limits.socketMessageBytes,
    // The HTTP server routes upgrades itself; Socket.io must not close upgrades meant for /collab.
    destroyUpgrade: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    // Every handshake, long-polling or WebSocket, must come from our own site (server/http/same-origin.ts):
    // refused with 403 before a connection exists, so nothing is joined. (app.ts answers refused upgrades first.)
    allowRequest: (req, callback) => {
      const allowed = fromOwnSite(req.headers, { publicUrl: services.config.publicUrl, allowedOrigins: services.config.allowedOrigins });
      callback(allowed ? null : 'Connections from other sites are refused.', allowed);
    },
  });
  // With several nodes, room broadcasts, fetchSockets and disconnectSockets reach every node through Redis.
  if (services.redis) {
    // While Redis is away every broadcast fails: one line per 5 s says so.
    let lastWarned = 0;
    const publisher = fireAndForgetPublisher(services.redis.command, (error) => {
      if (Date.now() - lastWarned < 5000) return;
      lastWarned = Date.now();
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'socket.io: a broadcast did not reach Redis');
    });
    io.adapter(createAdapter(publisher, services.redis.adapterSubscriber, { key: 'dialoogtafel:socket.io' }));
  }
  io.use(async (socket, next) => {
    try {
      const actor = await actorFromCookieHeader(services, socket.handshake.headers.cookie);
      socket.data.actor = actor;
      if (actor.kind === 'user') {
        socket.data.userId = actor.userId;
        socket.data.sessionId = actor.sessionId;
      }
      next();
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'socket authentication failed');
      next(new Error('unavailable'));
    }
  });
  if (counter) io.use(connectionLimit(counter, limits.connectionsPerUser));
  io.on('connection', (socket) => {
    // So a sign-out or a removed seat reaches this connection from any node.
    if (socket.data.userId) void socket.join([personRoom(socket.data.userId), signInRoom(socket.data.sessionId!)]);
    eventRateLimit(socket, limits);
    endExpiredSessions(socket, services);
    registerSocketHandlers(socket, services, log);
    socket.on('error', (error) => log.warn({ socket: socket.id, err: error.message }, 'socket error'));
  });
  services.publisher.io = io;
  // Polls with a closing time close by themselves, by the system actor `poll-deadline`. Every node
  // sweeps; a poll closes once because closing holds the poll's lock (server/db/locks.ts, across
  // nodes), and under it a poll found closed already is refused and skipped.
  const closer = setInterval(() => {
    closeDuePolls(services).catch((error: unknown) => log.warn({ err: (error as Error).message }, 'closing due polls failed'));
  }, 1000);
  closer.unref();
  io.on('close', () => clearInterval(closer));
  return io;
}

/** Every socket event the server handles; tests enumerate the events by registering them on a recording socket. */
export function registerSocketHandlers(socket: AppSocket, services: Services, log: Logger): void {
  registerSystemHandlers(socket, log);
  registerTrajectoryHandlers(socket, services, log);
  registerSessionHandlers(socket, services, log);
}
