import { createServer, type Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import express from 'express';
import type { Server as SocketServer } from 'socket.io';
import { apiRouter } from './api/api-router';
import { healthRoutes } from './api/health';
import { clauseDocumentAccess } from './collab/clause-document-access';
import { CollabServer } from './collab/collab-server';
import type { Config } from './config';
import type { Database } from './db/connection';
import { clientAssets } from './http/client-assets';
import { errorHandler } from './http/error-handler';
import { securityHeaders } from './http/security-headers';
import { fromOwnSite } from './http/same-origin';
import { themeCss } from './http/theme-css';
import type { Logger } from './logger';
import { actorFromRequest } from './auth/authenticate';
import type { Services } from './services';
import { createSocketServer } from './realtime/socket-server';
import { onEveryNode } from './cluster/every-node';
import { ConnectionCounter } from './limits/connection-counter';
import { createCollabLimits } from './limits/collab-limits';
import { connectSearch } from './search/search-wiring';
import { unsubscribeEndpoint } from './notifications/notification-routes';

export interface App {
  httpServer: HttpServer;
  io: SocketServer;
  collab: CollabServer;
  /** Stops taking connections, stores every open document, closes every socket. */
  close(): Promise<void>;
}

/** Express, Socket.io and the collaboration server on one HTTP server. */
export function createApp(config: Config, database: Database, services: Services, log: Logger): App {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.secureCookies ? 1 : false);
  app.use(securityHeaders(config.secureCookies));
  app.use(healthRoutes(database));
  // Before the API's JSON-only writes: mail programs post a form here (RFC 8058), with no cookie.
  app.use('/api/notifications/unsubscribe', unsubscribeEndpoint(services));
  app.use('/api', apiRouter(services));
  app.use(themeCss(config.themeCss));
  app.use(clientAssets());
  app.use(errorHandler(log));

  const httpServer = createServer(app);
  // Keep idle connections open longer than clients and proxies do (60 s is common), so a client never
  // reuses a connection the server is closing at that moment ("other side closed").
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  httpServer.requestTimeout = 120_000;
  // One count of connections per person for Socket.io and collaboration together.
  const connections = new ConnectionCounter(config.limits.connectionsPerUser);
  const io = createSocketServer(httpServer, services, log, connections);
  const collab = new CollabServer({
    documents: services.documents,
    log: log.child({ component: 'collab' }),
    resolveActor: (req) => actorFromRequest(services, req),
    // The playground (any /collab/playground/… name) is a fixture of the test suite, never of a real deployment.
    decideAccess: clauseDocumentAccess(services.models, { playground: config.nodeEnv === 'test' }),
    maxMessageBytes: config.limits.collabMessageBytes,
    limits: createCollabLimits(config.limits, connections),
  });
  // A clause's connections may be on any node: each node decides again for its own.
  services.publisher.onAccessChanged = onEveryNode<string>(
    io,
    services.redis !== null,
    'collab:reauthorize',
    (trajectoryId) => collab.reauthorize(`trajectory/${trajectoryId}/`).catch((error: unknown) => log.warn({ err: String(error) }, 'deciding collaboration access again failed')),
    log,
  );

  connectSearch(services, io, log.child({ component: 'search' }));

  // First of the upgrade listeners (Socket.io's own comes after and finds a refused socket closed):
  // a WebSocket carries the person's cookie, so a page of another site must not open one (403, nothing joined).
  httpServer.prependListener('upgrade', (req, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (!fromOwnSite(req.headers, { publicUrl: config.publicUrl, allowedOrigins: config.allowedOrigins })) {
      return void socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
    if (collab.handles(req)) return void collab.handleUpgrade(req, socket, head);
    if ((req.url ?? '').startsWith('/socket.io/')) return; // Socket.io's own listener takes it
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  return {
    httpServer,
    io,
    collab,
    async close() {
      // Stop accepting, store documents, then cut what is left: an idle keep-alive connection
      // must not hold the shutdown open.
      httpServer.close();
      httpServer.closeIdleConnections();
      await collab.close();
      // No explicit disconnect packet: clients that see only the transport close reconnect by
      // themselves, to this server when it is back or to another node.
      httpServer.closeAllConnections();
      await io.close();
      services.search.close();
      services.liveTable.stop();
    },
  };
}
