import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { actorFromCookieHeader } from '../auth/authenticate';
import type { Logger } from '../logger';
import { createAdapter } from '@socket.io/redis-adapter';
import { personRoom, signInRoom, type Services } from '../services';
import { registerSystemHandlers } from './system-handlers';
import { registerTrajectoryHandlers } from './trajectory-handlers';
import { registerSessionHandlers } from './session-handlers';
import { LiveBroadcaster } from '../live/live-state';
import { closeDuePolls } from '../commands/polls/poll-operations';
import { anonymous } from '../policies/actor';

/** Socket.io at /socket.io on the shared HTTP server; the handshake is authenticated with the session cookie. */
export function createSocketServer(httpServer: HttpServer, services: Services, log: Logger): Server {
  const io = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 256 * 1024,
    // The HTTP server routes upgrades itself; Socket.io must not close upgrades meant for /collab.
    destroyUpgrade: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
  });
  // With several nodes, room broadcasts, fetchSockets and disconnectSockets reach every node through Redis.
  if (services.redis) io.adapter(createAdapter(services.redis.command, services.redis.adapterSubscriber, { key: 'dialoogtafel:socket.io' }));
  io.use(async (socket, next) => {
    try {
      const actor = await actorFromCookieHeader(services, socket.handshake.headers.cookie);
      socket.data.actor = actor;
      socket.data.userId = actor.kind === 'user' ? actor.userId : undefined;
      socket.data.sessionId = actor.kind === 'user' ? actor.sessionId : undefined;
      next();
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'socket authentication failed');
      next(new Error('unavailable'));
    }
  });
  io.on('connection', (socket) => {
    // So a sign-out or a removed seat reaches this connection from any node.
    if (socket.data.userId) void socket.join([personRoom(socket.data.userId as string), signInRoom(socket.data.sessionId as string)]);
    registerSystemHandlers(socket, log);
    registerTrajectoryHandlers(socket, services, log);
    registerSessionHandlers(socket, services, log);
    socket.on('error', (error) => log.warn({ socket: socket.id, err: error.message }, 'socket error'));
  });
  services.publisher.io = io;
  const broadcaster = new LiveBroadcaster(services);
  services.publisher.onSessionChanged = (sessionId) => broadcaster.schedule(sessionId);
  // Polls with a closing time close by themselves; conditional closing makes this safe on several nodes.
  const closer = setInterval(() => {
    closeDuePolls({ services, actor: anonymous }).catch((error: unknown) => log.warn({ err: (error as Error).message }, 'closing due polls failed'));
  }, 1000);
  closer.unref();
  io.on('close', () => {
    clearInterval(closer);
    broadcaster.stop();
  });
  return io;
}
