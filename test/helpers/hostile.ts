import { createHash } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import type { Connection } from 'mongoose';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { documentText } from '../../shared/domain/clause-text';
import type { Logger } from '../../server/logger';
import { registerSocketHandlers } from '../../server/realtime/socket-server';
import type { Services } from '../../server/services';
import { sessionCookieName } from './api-client';
import type { RunningServer } from './server';

export type SocketAck = ({ ok: true } & Record<string, unknown>) | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

/**
 * Every socket event the server handles, found by registering the server's handlers on a
 * recording stand-in socket: events added on other branches are covered without a list here.
 */
export function socketEventNames(): string[] {
  const names: string[] = [];
  const recorder = { on: (event: string) => names.push(event), once: () => {}, use: () => {}, data: {}, id: 'recorder' };
  registerSocketHandlers(recorder as never, {} as Services, { error() {}, warn() {}, info() {} } as unknown as Logger);
  const reserved = new Set(['disconnect', 'disconnecting', 'error', 'connect']);
  return [...new Set(names)].filter((n) => !reserved.has(n)).sort();
}

/** A Socket.io connection with the session cookie (or none); resolves once connected, rejects with the connect error. */
export async function connectSocket(server: Pick<RunningServer, 'url'>, token?: string): Promise<Socket> {
  const socket = io(server.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(token ? { extraHeaders: { cookie: `${sessionCookieName}=${token}` } } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  return socket;
}

export const emit = (socket: Socket, event: string, ...args: unknown[]): Promise<SocketAck> => socket.timeout(10_000).emitWithAck(event, ...args);

export interface RawCollab {
  ws: WebSocket;
  /** Binary messages the server sent. */
  received: Uint8Array[];
  /** Resolves with the close code and reason, whoever closes. */
  closed: Promise<{ code: number; reason: string }>;
  send(data: Uint8Array | Buffer): void;
}

/**
 * A raw WebSocket to the collaboration endpoint, for frames no y-websocket client would send.
 * Resolves once open; rejects with the HTTP status when the upgrade is refused.
 */
export function rawCollab(server: Pick<RunningServer, 'url'>, documentName: string, token?: string): Promise<RawCollab> {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/${documentName}`, token ? { headers: { cookie: `${sessionCookieName}=${token}` } } : undefined);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return new Promise((resolve, reject) => {
    ws.once('open', () =>
      resolve({
        ws,
        received,
        closed,
        send(data) {
          if (ws.readyState === ws.OPEN) ws.send(data);
        },
      }),
    );
    ws.once('unexpected-response', (_req, res) => {
      ws.terminate();
      reject(new Error(`upgrade refused: ${res.statusCode}`));
    });
    ws.once('error', reject);
  });
}

/** y-websocket messages, built as a client builds them. */
export const collabMessages = {
  step1(doc: Y.Doc): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, doc);
    return encoding.toUint8Array(e);
  },
  step2(update: Uint8Array): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
    return encoding.toUint8Array(e);
  },
  update(update: Uint8Array): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, syncProtocol.messageYjsUpdate);
    encoding.writeVarUint8Array(e, update);
    return encoding.toUint8Array(e);
  },
  /** An update that appends `text` as a new paragraph to a copy of nothing (a fresh client). */
  paragraphUpdate(text: string, clientId?: number): Uint8Array {
    const doc = new Y.Doc();
    if (clientId !== undefined) doc.clientID = clientId;
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment('default').insert(0, [paragraph]);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return update;
  },
};

/** Waits for the first message of a raw connection that starts with `bytes`, or undefined after the timeout. */
export async function nextMessage(conn: RawCollab, startsWith: number[], timeoutMs = 5000): Promise<Uint8Array | undefined> {
  const deadline = Date.now() + timeoutMs;
  let seen = 0;
  while (Date.now() < deadline) {
    for (; seen < conn.received.length; seen++) {
      const m = conn.received[seen]!;
      if (startsWith.every((b, i) => m[i] === b)) return m;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

/** The text of a stored clause document, read from the database (snapshot + update log). */
export async function storedDocumentText(db: Connection, name: string): Promise<string> {
  const binary = (v: unknown) => new Uint8Array((v as { buffer: Uint8Array }).buffer ?? (v as Uint8Array));
  const snapshot = await db.collection('collab_snapshots').findOne({ _id: name as never });
  const updates = await db.collection('collab_updates').find({ doc: name }).sort({ _id: 1 }).toArray();
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, binary(snapshot.state));
  for (const u of updates) Y.applyUpdate(doc, binary(u.update));
  const text = documentText(doc);
  doc.destroy();
  return text;
}

/**
 * Fields that change without anyone changing data, left out of the digest: a login session's
 * sliding expiry (`lastSeenAt`, `expiresAt` move on use); and collections left out whole: the lock
 * bookkeeping, which the server takes and releases around writes that then turn out to be
 * refused, and the notification delivery the reminders do on their own.
 */
const volatile: Record<string, string[]> = { sessions: ['lastSeenAt', 'expiresAt'] };
const skippedCollections = new Set([
  'locks',
  // Written on the clock, not by a request: a session's reminders (the day and the hour before)
  // queue, deliver and mark mail on their own. Every notification a request causes follows a
  // write to one of the other collections, which stay in the digest.
  'notification_queue',
  'notification_sent',
  'notification_marks',
  'notification_inboxes',
  'outbox',
]);

/**
 * A digest per collection of everything stored. Collaboration documents are compared by their
 * text (the update log may be compacted into a snapshot without any change in content).
 */
export async function databaseDigest(db: Connection): Promise<Record<string, string>> {
  const digest: Record<string, string> = {};
  const collections = (await db.db!.listCollections().toArray()).map((c) => c.name).sort();
  for (const name of collections) {
    if (skippedCollections.has(name) || name.startsWith('system.')) continue;
    if (name === 'collab_updates' || name === 'collab_snapshots') continue;
    const docs = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    const hash = createHash('sha256');
    for (const doc of docs) {
      const copy: Record<string, unknown> = { ...doc };
      for (const field of volatile[name] ?? []) delete copy[field];
      hash.update(JSON.stringify(copy));
    }
    digest[name] = `${docs.length}:${hash.digest('hex').slice(0, 16)}`;
  }
  const names = new Set<string>([
    ...(await db.collection('collab_snapshots').distinct('_id')).map(String),
    ...(await db.collection('collab_updates').distinct('doc')).map(String),
  ]);
  for (const name of [...names].sort()) digest[`document ${name}`] = createHash('sha256').update(await storedDocumentText(db, name)).digest('hex').slice(0, 16);
  return digest;
}
