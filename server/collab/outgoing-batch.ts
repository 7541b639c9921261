import * as Y from 'yjs';

/** What leaves a document after one coalescing window. */
export interface Batch {
  /** Every update applied in the window, merged: for the document's connections. */
  update: Uint8Array | null;
  /** The updates that arose on this node (not those relayed from others), merged: for the other nodes. */
  localUpdate: Uint8Array | null;
  /** Awareness clients that changed in the window: for the connections. */
  awarenessClients: number[];
  /** Those changed on this node: for the other nodes. */
  localAwarenessClients: number[];
}

/**
 * Coalesces a document's outgoing traffic. A burst of keystrokes from many people becomes one
 * merged update per window instead of one message per keystroke per connection; awareness
 * likewise (a client's several changes in a window go out once, with its latest state).
 */
export class OutgoingBatch {
  private updates: Uint8Array[] = [];
  private localUpdates: Uint8Array[] = [];
  private awareness = new Set<number>();
  private localAwareness = new Set<number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly windowMs: number,
    private readonly send: (batch: Batch) => void,
  ) {}

  addUpdate(update: Uint8Array, local: boolean): void {
    this.updates.push(update);
    if (local) this.localUpdates.push(update);
    this.schedule();
  }

  addAwareness(clients: number[], local: boolean): void {
    for (const id of clients) {
      this.awareness.add(id);
      if (local) this.localAwareness.add(id);
    }
    this.schedule();
  }

  /** Sends what is waiting now (before storing at unload or shutdown, so other nodes get it too). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.updates.length === 0 && this.awareness.size === 0) return;
    const batch: Batch = {
      update: merge(this.updates),
      localUpdate: merge(this.localUpdates),
      awarenessClients: [...this.awareness],
      localAwarenessClients: [...this.localAwareness],
    };
    this.updates = [];
    this.localUpdates = [];
    this.awareness = new Set();
    this.localAwareness = new Set();
    this.send(batch);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer) return;
    if (this.windowMs <= 0) return void queueMicrotask(() => this.flush());
    this.timer = setTimeout(() => this.flush(), this.windowMs);
  }
}

function merge(updates: Uint8Array[]): Uint8Array | null {
  if (updates.length === 0) return null;
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}
