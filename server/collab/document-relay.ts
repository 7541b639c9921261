/**
 * How a loaded document keeps in step with the same document loaded on other nodes. The shared
 * document speaks only to this interface; the Redis relay implements it, and a single node has none.
 */
export interface DocumentRelay {
  /** Starts receiving the document's traffic from other nodes; resolves once nothing can be missed any more. */
  join(name: string, peer: RelayPeer): Promise<RelayMembership>;
}

/** What a node's loaded document does with traffic from other nodes. */
export interface RelayPeer {
  /** A document update another node applied (from its clients or its own operations). */
  applyRemoteUpdate(update: Uint8Array): void;
  /** Awareness states (who is here, carets) that another node's clients set or removed. */
  applyRemoteAwareness(update: Uint8Array): void;
  /** The document's state vector, to ask the others for what lies beyond it. */
  stateVector(): Uint8Array;
  /** What a node that just loaded the document lacks: the update beyond its state vector, and everyone's presence. */
  answerCatchUp(stateVector: Uint8Array): { update: Uint8Array; awareness: Uint8Array };
}

export interface RelayMembership {
  publishUpdate(update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
  /**
   * Asks the other nodes that hold the document for what they have beyond this node's state
   * (updates not yet stored, presence); resolves when they all answered, or after a short wait.
   */
  catchUp(): Promise<void>;
  /** Stops receiving; called when the document is unloaded. */
  leave(): Promise<void>;
}
