import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { PresenceUser } from './presence-user';

/** Message types of the y-websocket protocol (see y-websocket and server/collab/protocol.ts). */
const messageSync = 0;
const messageAuth = 2;

/**
 * Where one clause document stands, as the person at the screen needs to know it:
 * - `connecting`: the first connection and sync are under way;
 * - `saved`: connected, and the server has everything written here;
 * - `saving`: connected, changes written here are on their way;
 * - `offline`: the connection dropped; `unsent` says whether changes written here wait for it.
 */
export type SaveState = 'connecting' | 'saved' | 'saving' | 'offline';

export interface ConnectionSnapshot {
  state: SaveState;
  /** Changes made here that the server has not confirmed yet. */
  unsent: boolean;
  /** The server refused changes written here: the person may no longer write (the clause moved on). */
  refused: boolean;
  /** The server closed the connection for good (no access any more). */
  closed: boolean;
  /** A limit of the server closed the connection (server/limits/collab-limits.ts); null otherwise. */
  limit: CollabLimit | null;
}

export type CollabLimit = 'document_too_large' | 'too_many_connections' | 'rate_limited';
/** Close codes of the server's limits; 1013 is followed by a reconnect, the others are final. */
const limitByCloseCode: Record<number, CollabLimit> = { 4413: 'document_too_large', 4429: 'too_many_connections', 1013: 'rate_limited' };

/** The y-websocket endpoint on this origin; the session cookie goes along with the upgrade. */
function collabServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/**
 * One clause document (the regional text or a municipality variant) over y-websocket: the Yjs
 * document, its awareness, and whether what was written here has reached the server.
 *
 * "Saved" is confirmed, not assumed: after local changes the client sends a sync step 1 as a
 * probe. The server handles a connection's messages in order and answers a step 1 with a step 2
 * (and sends a step 2 for nothing else), so the answer proves that every change sent before the
 * probe was applied. At most one probe is in flight.
 */
export class ClauseConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly listeners = new Set<() => void>();
  private snapshot: ConnectionSnapshot = { state: 'connecting', unsent: false, refused: false, closed: false, limit: null };
  private everSynced = false;
  /** Counts local changes; `confirmed` is the count the server has acknowledged. */
  private changes = 0;
  private confirmed = 0;
  /** For each probe on the current socket: the change count when it was sent. */
  private probes: number[] = [];
  /** Step 2 answers still expected on this socket for y-websocket's own step 1 (sent on open). */
  private ownStep1Answers = 0;
  private destroyed = false;
  /** We closed the connection because the browser went offline; open it again when it is back. */
  private pausedOffline = false;

  constructor(
    readonly documentName: string,
    user: PresenceUser,
  ) {
    // No BroadcastChannel: every tab goes through the server, which decides who may write.
    this.provider = new WebsocketProvider(collabServerUrl(), documentName, this.doc, { disableBc: true, maxBackoffTime: 5000 });
    this.provider.awareness.setLocalStateField('user', user);

    const handleSync = this.provider.messageHandlers[messageSync]!;
    this.provider.messageHandlers[messageSync] = (encoder, decoder, provider, emitSynced, type) => {
      const kind = decoding.peekVarUint(decoder);
      handleSync(encoder, decoder, provider, emitSynced, type);
      if (kind === syncProtocol.messageYjsSyncStep2) this.onStep2();
      // The server's step 1 (on every new connection) is answered with our step 2, which carries
      // what we wrote while offline; y-websocket sends it after this handler returns. Probe after it.
      if (kind === syncProtocol.messageYjsSyncStep1) setTimeout(() => this.probeIfNeeded(), 0);
    };
    // The server says a write was refused; y-websocket would only log it. It says so also to a
    // read-only connection answering the server's sync step 1, which writes nothing: only a refusal
    // while changes of ours are unconfirmed means something was lost.
    this.provider.messageHandlers[messageAuth] = () => {
      if (this.changes > this.confirmed) this.update({ refused: true });
    };

    this.provider.on('status', ({ status }) => {
      if (status === 'connected') {
        if (this.snapshot.limit === 'rate_limited') this.update({ limit: null });
        this.probes = [];
        this.ownStep1Answers = 1;
      }
      this.recompute();
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) this.everSynced = true;
      this.recompute();
    });
    this.provider.on('closed', () => this.update({ closed: true }));
    this.provider.on('connection-close', (event: { code: number } | null) => {
      const limit = event ? limitByCloseCode[event.code] : undefined;
      if (limit) this.update({ limit });
    });
    // The socket notices a lost network only when its heartbeat times out; the browser knows at once.
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider) return;
      this.changes++;
      // y-websocket sent the update in its own handler, registered before this one.
      this.probeIfNeeded();
      this.recompute();
    });
  }

  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private readonly onOffline = () => {
    if (!this.provider.shouldConnect) return;
    this.pausedOffline = true;
    this.provider.disconnect();
  };

  private readonly onOnline = () => {
    if (!this.pausedOffline) return;
    this.pausedOffline = false;
    this.provider.connect();
  };

  /** Leaves the document: others see the person go at once. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.listeners.clear();
    this.provider.awareness.setLocalState(null);
    this.provider.destroy();
    this.provider.awareness.destroy();
    this.doc.destroy();
  }

  private onStep2(): void {
    if (this.ownStep1Answers > 0) {
      this.ownStep1Answers--;
    } else {
      const answered = this.probes.shift();
      if (answered !== undefined) this.confirmed = Math.max(this.confirmed, answered);
    }
    this.probeIfNeeded();
    this.recompute();
  }

  private probeIfNeeded(): void {
    const ws = this.provider.ws;
    if (this.destroyed || !this.provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
    if (this.changes === this.confirmed || this.probes.length > 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.probes.push(this.changes);
    ws.send(encoding.toUint8Array(encoder));
  }

  private recompute(): void {
    const unsent = this.changes > this.confirmed;
    let state: SaveState;
    if (!this.provider.wsconnected) state = this.everSynced ? 'offline' : 'connecting';
    else if (!this.provider.synced) state = this.everSynced ? 'saving' : 'connecting';
    else state = unsent ? 'saving' : 'saved';
    this.update({ state, unsent });
  }

  private update(change: Partial<ConnectionSnapshot>): void {
    const next = { ...this.snapshot, ...change };
    if (
      next.state === this.snapshot.state &&
      next.unsent === this.snapshot.unsent &&
      next.refused === this.snapshot.refused &&
      next.closed === this.snapshot.closed &&
      next.limit === this.snapshot.limit
    ) {
      return;
    }
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
