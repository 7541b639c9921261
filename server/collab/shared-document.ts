import type { Types } from 'mongoose';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { Actor } from '../policies/actor';
import type { DocumentAccess } from '../policies/collab-policy';
import type { PresenceIdentity } from './clause-document-access';
import type { CollabPersistence } from './persistence';
import { encodeAwareness, encodeUpdate } from './protocol';

export interface Connection {
  socket: WebSocket;
  actor: Actor;
  access: DocumentAccess;
  /** Who the connection is, stamped on every awareness state it sends. */
  identity: PresenceIdentity | null;
  /** True once a write of this connection was dropped: its later updates depend on it and would wait for ever. */
  droppedWrite: boolean;
  /** Awareness client ids this connection set, removed when it leaves. */
  awarenessIds: Set<number>;
}

const loadOrigin = Symbol('load');
/** After this many stored updates the log is folded into a snapshot. */
const compactAfter = 200;

/**
 * One live collaboration document: the Yjs doc, its awareness, the connections in it and
 * its write-behind to the database. Every update is queued for storage the moment it is
 * applied; writes are serialised per document and merged while one is in flight.
 */
export class SharedDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<WebSocket, Connection>();
  /** Server operations reading or changing the document right now; it is not unloaded while any run. */
  serverUses = 0;
  private pending: Uint8Array[] = [];
  private writing: Promise<void> | null = null;
  private lastStoredId: Types.ObjectId | null = null;
  private logLength = 0;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly name: string,
    private readonly persistence: CollabPersistence,
    private readonly log: Logger,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === loadOrigin) return;
      this.pending.push(update);
      this.scheduleWrite();
      this.broadcast(encodeUpdate(update));
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const connection = origin instanceof Object ? this.connections.get(origin as WebSocket) : undefined;
      if (connection) {
        for (const id of added) connection.awarenessIds.add(id);
        for (const id of removed) connection.awarenessIds.delete(id);
      }
      this.broadcast(encodeAwareness(this.awareness, changed));
    });
  }

  async load(): Promise<void> {
    const stored = await this.persistence.load(this.name);
    if (stored.state) Y.applyUpdate(this.doc, stored.state, loadOrigin);
    this.lastStoredId = stored.lastUpdateId;
    this.logLength = stored.logLength;
  }

  broadcast(message: Uint8Array): void {
    for (const { socket } of this.connections.values()) send(socket, message);
  }

  removeConnection(socket: WebSocket): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    this.connections.delete(socket);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
  }

  /** Resolves when every update applied so far is stored. */
  async flush(): Promise<void> {
    while (this.pending.length > 0 || this.writing) {
      if (!this.writing) this.scheduleWrite();
      await this.writing;
      if (this.failures > 0 && this.pending.length > 0) throw new Error(`could not store document ${this.name}`);
    }
  }

  /** Stores everything and folds the log into a snapshot. */
  async storeAndCompact(): Promise<void> {
    await this.flush();
    if (this.lastStoredId && this.logLength > 1) {
      await this.persistence.compact(this.name, Y.encodeStateAsUpdate(this.doc), this.lastStoredId);
      this.logLength = 0;
    }
  }

  destroy(): void {
    clearTimeout(this.retryTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private scheduleWrite(): void {
    if (this.writing || this.pending.length === 0 || this.retryTimer) return;
    const batch = this.pending;
    this.pending = [];
    const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    this.writing = this.persistence
      .append(this.name, merged)
      .then((id) => {
        this.lastStoredId = id;
        this.logLength++;
        this.failures = 0;
      })
      .catch((error: unknown) => {
        // Keep the updates: they go out again with the next attempt, so nothing is lost while the database is away.
        this.pending = [...batch, ...this.pending];
        this.failures++;
        this.log.warn({ doc: this.name, err: (error as Error).message, failures: this.failures }, 'storing a collaboration update failed; retrying');
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.scheduleWrite();
        }, Math.min(5000, 100 * 2 ** this.failures));
      })
      .finally(() => {
        this.writing = null;
        if (this.failures === 0 && this.logLength >= compactAfter) void this.compactInBackground();
        this.scheduleWrite();
      });
  }

  private async compactInBackground(): Promise<void> {
    const through = this.lastStoredId;
    if (!through) return;
    this.logLength = 0;
    try {
      await this.persistence.compact(this.name, Y.encodeStateAsUpdate(this.doc), through);
    } catch (error) {
      this.log.warn({ doc: this.name, err: (error as Error).message }, 'compacting a collaboration document failed');
    }
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

function send(socket: WebSocket, message: Uint8Array): void {
  if (socket.readyState !== socket.OPEN) return;
  socket.send(message, (error) => {
    if (error) socket.terminate();
  });
}
