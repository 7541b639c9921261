import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { collabPathPrefix } from '../../shared/domain/collab';
import type { Logger } from '../logger';
import type { Actor } from '../policies/actor';
import { canWrite, documentAccess, type DocumentAccess } from '../policies/collab-policy';
import type { CollabPersistence } from './persistence';
import { encodeAwareness, encodePermissionDenied, encodeSyncStep1, handleIncoming } from './protocol';
import { SharedDocument } from './shared-document';

export interface CollabServerOptions {
  persistence: CollabPersistence;
  log: Logger;
  resolveActor: (req: IncomingMessage) => Promise<Actor>;
  /** Largest single message a client may send. */
  maxMessageBytes?: number;
  /** How long an unused document stays in memory. */
  idleUnloadMs?: number;
}

const heartbeatMs = 30_000;

/**
 * The y-websocket endpoint at /collab/<document name>. Authentication and the access policy
 * run on the HTTP upgrade, before a socket exists; read-only enforcement runs per message.
 */
export class CollabServer {
  private readonly wss: WebSocketServer;
  private readonly documents = new Map<string, Promise<SharedDocument>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly heartbeat: NodeJS.Timeout;
  private closing = false;

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
      if (this.closing) return refuse(socket, 503, 'Service Unavailable');
      const name = documentNameFrom(req.url ?? '');
      const actor = await this.options.resolveActor(req);
      const access = name === null ? null : documentAccess(actor, name);
      if (name === null || access === null) return refuse(socket, 404, 'Not Found');
      const shared = await this.open(name);
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.wss.emit('connection', ws, req);
        this.attach(shared, ws, access);
      });
    } catch (error) {
      log.error({ err: (error as Error).message }, 'collaboration upgrade failed');
      refuse(socket, 503, 'Service Unavailable');
    }
  }

  /** Stores every open document and closes every connection. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    for (const socket of this.wss.clients) socket.close(1001, 'server shutting down');
    const results = await Promise.allSettled(
      [...this.documents.values()].map(async (pending) => {
        const shared = await pending;
        await shared.storeAndCompact();
        shared.destroy();
      }),
    );
    for (const r of results) if (r.status === 'rejected') this.options.log.error({ err: String(r.reason) }, 'storing a document at shutdown failed');
    this.documents.clear();
    for (const socket of this.wss.clients) socket.terminate();
    this.wss.close();
  }

  /** Names of the documents in memory, for tests and diagnostics. */
  openDocuments(): string[] {
    return [...this.documents.keys()];
  }

  private open(name: string): Promise<SharedDocument> {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
    let pending = this.documents.get(name);
    if (!pending) {
      const shared = new SharedDocument(name, this.options.persistence, this.options.log);
      pending = shared.load().then(() => shared);
      this.documents.set(name, pending);
      // A failed load must not stay cached: the next connection tries again.
      pending.catch(() => this.documents.delete(name));
    }
    return pending;
  }

  private attach(shared: SharedDocument, socket: WebSocket, access: DocumentAccess): void {
    const writable = canWrite(access);
    shared.connections.set(socket, { socket, access, awarenessIds: new Set() });
    let warnedReadOnly = false;

    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return socket.close(1003, 'binary messages only');
      try {
        const result = handleIncoming(shared.doc, shared.awareness, new Uint8Array(data), writable, socket);
        if (result.kind === 'reply') socket.send(result.message);
        if (result.kind === 'dropped-write' && !warnedReadOnly) {
          warnedReadOnly = true;
          socket.send(encodePermissionDenied(access === 'comment' ? 'comment-only' : 'read-only'));
        }
      } catch (error) {
        this.options.log.warn({ doc: shared.name, err: (error as Error).message }, 'malformed collaboration message; closing the connection');
        socket.close(1007, 'malformed message');
      }
    });
    socket.on('close', () => {
      shared.removeConnection(socket);
      if (shared.connections.size === 0) this.scheduleUnload(shared);
    });
    socket.on('error', () => socket.terminate());

    socket.send(encodeSyncStep1(shared.doc));
    const states = [...shared.awareness.getStates().keys()];
    if (states.length > 0) socket.send(encodeAwareness(shared.awareness, states));
  }

  private scheduleUnload(shared: SharedDocument): void {
    if (this.closing) return;
    // Store at once so a crash right after the last person leaves loses nothing; unload later.
    void shared.storeAndCompact().catch((error: unknown) => this.options.log.warn({ doc: shared.name, err: String(error) }, 'storing a document failed'));
    const timer = setTimeout(() => {
      this.unloadTimers.delete(shared.name);
      if (shared.connections.size > 0) return;
      void shared
        .flush()
        .then(() => {
          if (shared.connections.size > 0) return;
          this.documents.delete(shared.name);
          shared.destroy();
        })
        .catch(() => this.scheduleUnload(shared));
    }, this.options.idleUnloadMs ?? 60_000);
    timer.unref();
    this.unloadTimers.set(shared.name, timer);
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
