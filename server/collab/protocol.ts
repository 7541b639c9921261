import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** Message types of the y-websocket protocol; an unmodified y-websocket client speaks these. */
const messageSync = 0;
const messageAwareness = 1;
const messageAuth = 2;
const messageQueryAwareness = 3;

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAwareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** Tells a read-only client that writes are refused, using the protocol's own auth message. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAuth);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

export type IncomingResult =
  | { kind: 'reply'; message: Uint8Array }
  | { kind: 'none' }
  | { kind: 'dropped-write' };

/**
 * Handles one incoming message. Writes (sync step 2 and updates) from a connection that may
 * not write are dropped here, on the server, whatever the client claims. Throws on malformed input.
 */
export interface AwarenessRules {
  /** Stamped as the `user` field of every state the connection sends; null leaves states as sent. */
  identity: object | null;
  ownsClient: (clientId: number) => boolean;
}

export function handleIncoming(
  doc: Y.Doc,
  awareness: awarenessProtocol.Awareness,
  data: Uint8Array,
  canWrite: boolean,
  origin: unknown,
  rules: AwarenessRules = { identity: null, ownsClient: () => true },
): IncomingResult {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case messageSync: {
      const syncType = decoding.peekVarUint(decoder);
      if (!canWrite && syncType !== syncProtocol.messageYjsSyncStep1) {
        // A y-websocket client answers the server's step 1 with its update even when it has nothing:
        // that is not an attempt to write.
        decoding.readVarUint(decoder);
        return isEmptyUpdate(decoding.readVarUint8Array(decoder)) ? { kind: 'none' } : { kind: 'dropped-write' };
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.readSyncMessage(decoder, encoder, doc, origin);
      // Only step 1 produces a reply (step 2); a bare type byte means nothing to send.
      return encoding.length(encoder) > 1 ? { kind: 'reply', message: encoding.toUint8Array(encoder) } : { kind: 'none' };
    }
    case messageAwareness:
      awarenessProtocol.applyAwarenessUpdate(awareness, stampAwareness(decoding.readVarUint8Array(decoder), rules), origin);
      return { kind: 'none' };
    case messageQueryAwareness:
      return { kind: 'reply', message: encodeAwareness(awareness, Array.from(awareness.getStates().keys())) };
    case messageAuth:
      return { kind: 'none' };
    default:
      throw new Error(`unknown message type ${type}`);
  }
}

/** Fields of an anonymous person's awareness state that the others receive (besides the server's `user`). */
const anonymousStateFields = ['cursor'];

function pick(fields: Record<string, unknown>, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => n in fields).map((n) => [n, fields[n]]));
}

function isEmptyUpdate(update: Uint8Array): boolean {
  try {
    const { structs, ds } = Y.decodeUpdate(update);
    return structs.length === 0 && ds.clients.size === 0;
  } catch {
    return false;
  }
}

/**
 * Who is in a document and where their caret is comes from the clients, so the server rewrites
 * each awareness state: the `user` field becomes the connection's own identity, and states for
 * clients of another connection are left out. Names and groups cannot be spoofed.
 */
function stampAwareness(update: Uint8Array, rules: AwarenessRules): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const entries: Array<{ clientId: number; clock: number; state: string }> = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    if (!rules.ownsClient(clientId)) continue;
    let state: string = raw;
    if (rules.identity) {
      const parsed: unknown = JSON.parse(raw);
      // null is "this client left"; anything else gets the connection's identity as its user.
      const fields = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
      // An anonymous person's state keeps only where their caret is: any other field the client sets
      // (a name, an e-mail, an id) could tell who they are.
      const kept = (rules.identity as { anonymous?: boolean }).anonymous ? pick(fields, anonymousStateFields) : fields;
      state = parsed === null ? 'null' : JSON.stringify({ ...kept, user: rules.identity });
    }
    entries.push({ clientId, clock, state });
  }
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}
