import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { Actor } from '../policies/actor';
import type { DocumentAccess } from '../policies/collab-policy';
import type { PresenceIdentity } from './clause-document-access';
import type { DocumentRelay, RelayMembership, RelayPeer } from './document-relay';
import { OutgoingBatch, type Batch } from './outgoing-batch';
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

export interface SharedDocumentOptions {
  /** Keeps the document in step with other nodes; absent on a single node. */
  relay?: DocumentRelay | null;
  /** Outgoing updates and awareness changes are merged over this window before fan-out. */
  coalesceMs?: number;
  /** Updates relayed from other nodes are folded into the stored snapshot at the latest after this long. */
  foldRelayedAfterMs?: number;
  /** Called after each change made on this node (not one relayed from another node, which tells its own listeners). */
  onLocalChange?: () => void;
}

const loadOrigin = Symbol('load');
/** Changes another node made: shown to this node's connections, stored by the node that made them. */
const relayOrigin = Symbol('relay');
/** After this many stored updates the log is folded into a snapshot. */
const compactAfter = 200;

/**
 * One live collaboration document: the Yjs doc, its awareness, the connections in it and
 * its write-behind to the database. Every update is queued for storage the moment it is
 * applied; writes are serialised per document and merged while one is in flight. Outgoing
 * traffic is coalesced (see OutgoingBatch) and each message is encoded once for all connections.
 */
export class SharedDocument implements RelayPeer {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<WebSocket, Connection>();
  /** Server operations reading or changing the document right now; it is not unloaded while any run. */
  serverUses = 0;
  private pending: Uint8Array[] = [];
  private writing: Promise<void> | null = null;
  private logLength = 0;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  /** Which connection speaks for an awareness client id, so checking it does not grow with the room. */
  private readonly awarenessOwners = new Map<number, Connection>();
  private readonly outgoing: OutgoingBatch;
  private membership: RelayMembership | null = null;
  /** Set while this node holds updates of other nodes that it has not folded into the snapshot. */
  private foldTimer: NodeJS.Timeout | undefined;
  private relayedSinceCompact = false;

  constructor(
    readonly name: string,
    private readonly persistence: CollabPersistence,
    private readonly log: Logger,
    private readonly options: SharedDocumentOptions = {},
  ) {
    this.outgoing = new OutgoingBatch(options.coalesceMs ?? 5, (batch) => this.sendBatch(batch));
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === loadOrigin) return;
      const local = origin !== relayOrigin;
      if (local) {
        this.pending.push(update);
        this.scheduleWrite();
        this.options.onLocalChange?.();
      } else this.noteRelayed();
      this.outgoing.addUpdate(update, local);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const connection = origin instanceof Object ? this.connections.get(origin as WebSocket) : undefined;
      if (connection) {
        for (const id of added) this.claimAwareness(connection, id);
        for (const id of removed) this.releaseAwareness(id);
      } else for (const id of removed) this.releaseAwareness(id);
      this.outgoing.addAwareness([...added, ...updated, ...removed], origin !== relayOrigin);
    });
  }

  /** Loads the stored state; with other nodes, first subscribes, then asks them for what is not stored yet. */
  async load(): Promise<void> {
    if (this.options.relay) this.membership = await this.options.relay.join(this.name, this);
    try {
      const stored = await this.persistence.load(this.name);
      if (stored.state) Y.applyUpdate(this.doc, stored.state, loadOrigin);
      this.logLength = stored.logLength;
      await this.membership?.catchUp();
    } catch (error) {
      await this.membership?.leave();
      throw error;
    }
  }

  /** The connection that speaks for an awareness client id; the first to name it owns it. */
  awarenessOwner(clientId: number): Connection | undefined {
    return this.awarenessOwners.get(clientId);
  }

  claimAwareness(connection: Connection, clientId: number): void {
    connection.awarenessIds.add(clientId);
    if (!this.awarenessOwners.has(clientId)) this.awarenessOwners.set(clientId, connection);
  }

  broadcast(message: Uint8Array): void {
    for (const { socket } of this.connections.values()) send(socket, message);
  }

  removeConnection(socket: WebSocket): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    this.connections.delete(socket);
    const ids = [...connection.awarenessIds];
    for (const id of ids) if (this.awarenessOwners.get(id) === connection) this.awarenessOwners.delete(id);
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  // RelayPeer: traffic from the other nodes that have this document loaded.

  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, relayOrigin);
  }

  applyRemoteAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, relayOrigin);
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.doc);
  }

  answerCatchUp(stateVector: Uint8Array): { update: Uint8Array; awareness: Uint8Array } {
    return {
      update: Y.encodeStateAsUpdate(this.doc, stateVector),
      awareness: awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
    };
  }

  /** Resolves when every update applied so far is stored. */
  async flush(): Promise<void> {
    while (this.pending.length > 0 || this.writing) {
      if (!this.writing) this.scheduleWrite();
      await this.writing;
      if (this.failures > 0 && this.pending.length > 0) throw new Error(`could not store document ${this.name}`);
    }
  }

  /** Stores everything, including what other nodes relayed, and folds the log into a snapshot. */
  async storeAndCompact(): Promise<void> {
    this.outgoing.flush();
    await this.flush();
    if (this.logLength > 1 || this.relayedSinceCompact) await this.compact();
  }

  /** Sends what is waiting, leaves the other nodes' channel and frees the document. */
  async destroy(): Promise<void> {
    this.outgoing.flush();
    this.outgoing.cancel();
    clearTimeout(this.retryTimer);
    clearTimeout(this.foldTimer);
    const membership = this.membership;
    this.membership = null;
    await membership?.leave();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private sendBatch(batch: Batch): void {
    // Encoded once; every connection gets the same buffer.
    if (batch.update) this.broadcast(encodeUpdate(batch.update));
    if (batch.awarenessClients.length > 0) this.broadcast(encodeAwareness(this.awareness, batch.awarenessClients));
    if (!this.membership) return;
    if (batch.localUpdate) this.membership.publishUpdate(batch.localUpdate);
    if (batch.localAwarenessClients.length > 0) {
      this.membership.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, batch.localAwarenessClients));
    }
  }

  private releaseAwareness(clientId: number): void {
    const owner = this.awarenessOwners.get(clientId);
    if (!owner) return;
    owner.awarenessIds.delete(clientId);
    this.awarenessOwners.delete(clientId);
  }

  /**
   * Another node stores what its clients write; should it stop before its write lands (a crash),
   * this node still holds the update and its clients may never send it again. So relayed updates
   * are folded into the snapshot here too, a while after they arrive and whenever this node stores.
   */
  private noteRelayed(): void {
    this.relayedSinceCompact = true;
    if (this.foldTimer) return;
    this.foldTimer = setTimeout(() => {
      this.foldTimer = undefined;
      if (this.relayedSinceCompact) void this.compact();
    }, this.options.foldRelayedAfterMs ?? 10_000);
    this.foldTimer.unref();
  }

  private scheduleWrite(): void {
    if (this.writing || this.pending.length === 0 || this.retryTimer) return;
    const batch = this.pending;
    this.pending = [];
    const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    this.writing = this.persistence
      .append(this.name, merged)
      .then(() => {
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
        if (this.failures === 0 && this.logLength >= compactAfter) void this.compact();
        this.scheduleWrite();
      });
  }

  /** Folds the stored log and this node's whole state into the snapshot; failures are retried by the next compaction. */
  private async compact(): Promise<void> {
    const logLength = this.logLength;
    const relayed = this.relayedSinceCompact;
    this.logLength = 0;
    this.relayedSinceCompact = false;
    try {
      await this.persistence.compact(this.name, Y.encodeStateAsUpdate(this.doc));
    } catch (error) {
      this.logLength += logLength;
      this.relayedSinceCompact ||= relayed;
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
