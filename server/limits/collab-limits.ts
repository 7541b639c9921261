import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import type { Limits } from '../config';
import { ConnectionCounter, tooManyConnections } from './connection-counter';
import { DocumentSizeGuard, documentTooLarge } from './document-size';
import { TokenBucket } from './token-bucket';

export interface CloseReason {
  code: number;
  reason: string;
}

/** Close codes of the collaboration endpoint's limits; 4400–4499 tell y-websocket clients not to reconnect. */
export const collabCloseReasons = {
  tooManyConnections: { code: 4429, reason: tooManyConnections },
  documentTooLarge,
  // 1013 "try again later": the client reconnects after a back-off and re-syncs, losing nothing.
  rateLimited: { code: 1013, reason: 'rate_limited' },
} as const satisfies Record<string, CloseReason>;

/** The limits of one collaboration connection: its message rate and the size of the document it writes to. */
export class CollabConnectionLimits {
  private readonly bucket: TokenBucket;

  constructor(
    limits: Pick<Limits, 'collabMessagesPerSecond' | 'collabMessageBurst'>,
    private readonly guard: DocumentSizeGuard,
  ) {
    this.bucket = new TokenBucket(limits.collabMessagesPerSecond, limits.collabMessageBurst);
  }

  /** Why the message must close the connection before it is handled, or null to handle it. */
  refuse(doc: Y.Doc, message: Uint8Array, canWrite: boolean): CloseReason | null {
    if (!this.bucket.take()) return collabCloseReasons.rateLimited;
    if (canWrite && isWrite(message) && !this.guard.admits(doc, message.byteLength)) return collabCloseReasons.documentTooLarge;
    return null;
  }
}

/** A sync step 2 or an update: a message that may add to the document. Malformed input is left to the protocol handler. */
function isWrite(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== 0) return false;
    const kind = decoding.readVarUint(decoder);
    return kind === syncProtocol.messageYjsSyncStep2 || kind === syncProtocol.messageYjsUpdate;
  } catch {
    return false;
  }
}

/** Everything the collaboration endpoint needs to enforce the limits, shared by its connections. */
export interface CollabLimits {
  counter: ConnectionCounter;
  guard: DocumentSizeGuard;
  settings: Limits;
}

export function createCollabLimits(settings: Limits, counter: ConnectionCounter): CollabLimits {
  return { counter, guard: new DocumentSizeGuard(settings.documentBytes), settings };
}
