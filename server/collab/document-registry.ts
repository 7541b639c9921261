import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { CollabPersistence } from './persistence';
import type { DocumentRelay } from './document-relay';
import { SharedDocument } from './shared-document';

export interface DocumentRegistryOptions {
  /** A document nobody uses is unloaded after this long. */
  idleUnloadMs?: number;
  /** Keeps documents in step with other nodes (REDIS_URL); null on a single node. */
  relay?: DocumentRelay | null;
  /** Outgoing updates are merged over this window before fan-out. */
  coalesceMs?: number;
}

/** Marks changes the server itself makes (an accepted amendment, a restored version). */
const serverOrigin = Symbol('server');

/**
 * The collaboration documents in memory, shared by the y-websocket endpoint and by operations
 * that change or read a document's text. Loading is deduplicated per name; a document nobody
 * uses is stored and unloaded after a while.
 */
export class DocumentRegistry {
  private readonly documents = new Map<string, Promise<SharedDocument>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private closing = false;
  /** Hears of every change made to a document on this node (search keeps clause texts current). */
  onLocalChange: ((name: string, doc: Y.Doc) => void) | undefined;

  constructor(
    private readonly persistence: CollabPersistence,
    private readonly log: Logger,
    private readonly options: DocumentRegistryOptions = {},
  ) {}

  get isClosing(): boolean {
    return this.closing;
  }

  open(name: string): Promise<SharedDocument> {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
    let pending = this.documents.get(name);
    if (!pending) {
      const shared: SharedDocument = new SharedDocument(name, this.persistence, this.log, {
        relay: this.options.relay,
        coalesceMs: this.options.coalesceMs,
        onLocalChange: () => this.onLocalChange?.(name, shared.doc),
      });
      pending = shared.load().then(() => shared);
      this.documents.set(name, pending);
      // A failed load must not stay cached: the next connection tries again.
      pending.catch(() => this.documents.delete(name));
    }
    return pending;
  }

  /** Names of the documents in memory, for tests and diagnostics. */
  names(): string[] {
    return [...this.documents.keys()];
  }

  /** The loaded documents whose names start with `prefix`. */
  async loaded(prefix: string): Promise<SharedDocument[]> {
    const matching = [...this.documents.entries()].filter(([name]) => name.startsWith(prefix)).map(([, pending]) => pending);
    const settled = await Promise.allSettled(matching);
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  }

  /**
   * Applies a change made by the server to a document, broadcasts it to everyone in it and
   * resolves once it is stored.
   */
  async change<R>(name: string, fn: (doc: Y.Doc) => R): Promise<R> {
    const shared = await this.open(name);
    shared.serverUses++;
    try {
      let result!: R;
      shared.doc.transact(() => {
        result = fn(shared.doc);
      }, serverOrigin);
      await shared.flush();
      return result;
    } finally {
      shared.serverUses--;
      this.releaseIfIdle(shared);
    }
  }

  /** The document's full state as one update, as stored or as it is live now. */
  async state(name: string): Promise<Uint8Array> {
    const shared = await this.open(name);
    shared.serverUses++;
    try {
      return Y.encodeStateAsUpdate(shared.doc);
    } finally {
      shared.serverUses--;
      this.releaseIfIdle(shared);
    }
  }

  /** Called when the last connection of a document leaves, or after a server change to it. */
  releaseIfIdle(shared: SharedDocument): void {
    const inUse = () => shared.connections.size > 0 || shared.serverUses > 0;
    if (this.closing || inUse() || this.unloadTimers.has(shared.name)) return;
    // Store at once so a crash right after the last person leaves loses nothing; unload later.
    void shared.storeAndCompact().catch((error: unknown) => this.log.warn({ doc: shared.name, err: String(error) }, 'storing a document failed'));
    const timer = setTimeout(() => {
      this.unloadTimers.delete(shared.name);
      if (inUse()) return;
      const entry = this.documents.get(shared.name);
      void shared
        .flush()
        .then(() => {
          // Someone came in while storing: keep it. Only this very document leaves the map.
          if (inUse()) return;
          if (this.documents.get(shared.name) === entry) this.documents.delete(shared.name);
          return shared.destroy();
        })
        .catch(() => this.releaseIfIdle(shared));
    }, this.options.idleUnloadMs ?? 60_000);
    timer.unref();
    this.unloadTimers.set(shared.name, timer);
  }

  /** Stores every open document and frees them. */
  async close(): Promise<void> {
    this.closing = true;
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    const results = await Promise.allSettled(
      [...this.documents.values()].map(async (pending) => {
        const shared = await pending;
        await shared.storeAndCompact();
        await shared.destroy();
      }),
    );
    for (const r of results) if (r.status === 'rejected') this.log.error({ err: String(r.reason) }, 'storing a document at shutdown failed');
    this.documents.clear();
  }
}
