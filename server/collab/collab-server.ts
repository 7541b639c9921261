import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { collabPathPrefix } from '../../shared/domain/collab';
import type { Logger } from '../logger';
import type { Actor } from '../policies/actor';
import { canWrite } from '../policies/collab-policy';
import type { DocumentGrant } from './clause-document-access';
import type { DocumentRegistry } from './document-registry';
import { encodeAwareness, encodePermissionDenied, encodeSyncStep1, handleIncoming } from './protocol';
import type { Connection, SharedDocument } from './shared-document';
import { CollabConnectionLimits, collabCloseReasons, type CollabLimits } from '../limits/collab-limits';

export interface CollabServerOptions {
  documents: DocumentRegistry;
  log: Logger;
  resolveActor: (req: IncomingMessage) => Promise<Actor>;
  /** Asks the policy, loading what it needs to know about the document. */
  decideAccess: (actor: Actor, documentName: string) => Promise<DocumentGrant | null>;
  /** Largest single message a client may send. */
  maxMessageBytes?: number;
  /** Connections per person, message rate and document size (server/limits). */
  limits?: CollabLimits;
}

const heartbeatMs = 30_000;

/**
 * The y-websocket endpoint at /collab/<document name>. Authentication and the access policy
 * run on the HTTP upgrade, before a socket exists; read-only enforcement runs per message,
 * and access is decided again whenever a clause's status or a person's seat changes.
 */
export class CollabServer {
  private readonly wss: WebSocketServer;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly options: CollabServerOptions) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? 2 * 1024 * 1024 });
    const alive = new WeakSet<WebSocket>();
    this.wss.on('connection', (socket: WebSocket) => {
      alive.add(socket);
      socket.on('pong', () => alive.add(socket));
    });
    this.heartbeat = setInterval(() => {
      for (const socket of this.wss.clients) {
        if (!alive.has(socket)) socket.terminate();
        else {
          alive.delete(socket);
          socket.ping();
        }
      }
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  /** True when the request is ours; the caller passes every upgrade through here first. */
  handles(req: IncomingMessage): boolean {
    return (req.url ?? '').startsWith(collabPathPrefix);
  }

  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const log = this.options.log;
    try {
      if (this.options.documents.isClosing) return refuse(socket, 503, 'Service Unavailable');
      const name = documentNameFrom(req.url ?? '');
      const actor = await this.options.resolveActor(req);
      const grant = name === null ? null : await this.options.decideAccess(actor, name);
      if (name === null || grant === null) return refuse(socket, 404, 'Not Found');
      const release = actor.kind === 'user' && this.options.limits ? this.options.limits.counter.acquire(actor.userId) : () => {};
      if (!release) {
        // Accepted and closed at once: a close code is what a y-websocket client can show, an HTTP status is not.
        this.wss.handleUpgrade(req, socket, head, (ws) => ws.close(collabCloseReasons.tooManyConnections.code, collabCloseReasons.tooManyConnections.reason));
        return;
      }
      const shared = await this.options.documents.open(name).catch((error: unknown) => {
        release();
        throw error;
      });
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        ws.once('close', release);
        this.wss.emit('connection', ws, req);
        this.attach(shared, ws, actor, grant);
      });
    } catch (error) {
      log.error({ err: (error as Error).message }, 'collaboration upgrade failed');
      refuse(socket, 503, 'Service Unavailable');
    }
  }

  /**
   * Decides again for every connection to the documents under `prefix` (a trajectory's
   * clauses): a connection that lost access is closed, one whose access changed gets it at once.
   */
  async reauthorize(prefix: string): Promise<void> {
    for (const shared of await this.options.documents.loaded(prefix)) {
      for (const connection of [...shared.connections.values()]) {
        let grant: DocumentGrant | null;
        try {
          grant = await this.options.decideAccess(connection.actor, shared.name);
        } catch (error) {
          this.options.log.warn({ doc: shared.name, err: (error as Error).message }, 'deciding collaboration access again failed; closing the connection');
          grant = null;
        }
        if (grant === null) connection.socket.close(4404, 'no access');
        // Yjs applies a client's updates in order; after a dropped one, nothing more of this
        // connection would apply. Reconnecting re-syncs it, now that it may write. (y-websocket
        // clients reconnect after any close code outside 4400–4499, which mean "gone for good".)
        else if (canWrite(grant.access) && connection.droppedWrite) connection.socket.close(4100, 'access changed; reconnect');
        else {
          connection.access = grant.access;
          // A changed role shows at once in the carets and in who is here.
          connection.identity = grant.identity;
        }
      }
    }
  }

  /** Stores every open document and closes every connection. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    const stored = this.options.documents.close();
    for (const socket of this.wss.clients) socket.close(1001, 'server shutting down');
    await stored;
    for (const socket of this.wss.clients) socket.terminate();
    this.wss.close();
  }

  /** Names of the documents in memory, for tests and diagnostics. */
  openDocuments(): string[] {
    return this.options.documents.names();
  }

  private attach(shared: SharedDocument, socket: WebSocket, actor: Actor, grant: DocumentGrant): void {
    const connection: Connection = { socket, actor, access: grant.access, identity: grant.identity, droppedWrite: false, awarenessIds: new Set() };
    shared.connections.set(socket, connection);
    let warnedReadOnly = false;
    const limits = this.options.limits ? new CollabConnectionLimits(this.options.limits.settings, this.options.limits.guard) : null;

    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return socket.close(1003, 'binary messages only');
      const refusal = limits?.refuse(shared.doc, new Uint8Array(data), canWrite(connection.access));
      if (refusal) return socket.close(refusal.code, refusal.reason);
      try {
        // Read per message: access may change while the connection is open.
        const result = handleIncoming(shared.doc, shared.awareness, new Uint8Array(data), canWrite(connection.access), socket, {
          identity: connection.identity,
          // A connection speaks for its own awareness clients only: the first to name a client id
          // owns it (y-websocket clients echo everyone's states, so ownership cannot wait for them).
          ownsClient: (clientId) => {
            const owner = shared.awarenessOwner(clientId);
            if (!owner) shared.claimAwareness(connection, clientId);
            return !owner || owner === connection;
          },
        });
        if (result.kind === 'reply') socket.send(result.message);
        if (result.kind === 'dropped-write') connection.droppedWrite = true;
        if (result.kind === 'dropped-write' && !warnedReadOnly) {
          warnedReadOnly = true;
          socket.send(encodePermissionDenied(connection.access === 'comment' ? 'comment-only' : 'read-only'));
        }
      } catch (error) {
        this.options.log.warn({ doc: shared.name, err: (error as Error).message }, 'malformed collaboration message; closing the connection');
        socket.close(1007, 'malformed message');
      }
    });
    socket.on('close', () => {
      shared.removeConnection(socket);
      this.options.documents.releaseIfIdle(shared);
    });
    socket.on('error', () => socket.terminate());

    socket.send(encodeSyncStep1(shared.doc));
    const states = [...shared.awareness.getStates().keys()];
    if (states.length > 0) socket.send(encodeAwareness(shared.awareness, states));
  }
}

function documentNameFrom(url: string): string | null {
  const pathname = url.split('?')[0] ?? '';
  if (!pathname.startsWith(collabPathPrefix)) return null;
  try {
    return decodeURIComponent(pathname.slice(collabPathPrefix.length));
  } catch {
    return null;
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
