/*
 * A co-editing load generator of lightweight authors (a child process of bench/run.ts). Each
 * author is one WebSocket speaking the y-websocket protocol (y-protocols sync): it sends sync
 * step 1, applies the server's sync step 2 once to a Y.Doc of its own, and from then on only
 * sends. Incoming frames (everyone else's edits) are read off the socket and dropped without
 * decoding, so the generator's cost does not grow with the room the way a full client's does
 * (a full client applies every other author's edit). Edits are real Yjs updates: a character
 * typed into the clause's first paragraph plus [n, sent-at] appended to the author's own
 * Y.Array, which the full clients (load-edit.ts) time on arrival.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { answerParent, now, sleep } from './proc';

export interface AuthorConnect {
  type: 'connect';
  /** ws://host:port/collab for ours, ws://host:port for the baseline. */
  serverUrl: string;
  documentName: string;
  authors: Array<{ author: string; token?: string }>;
}
export interface AuthorType {
  type: 'type';
  startAt: number;
  durationMs: number;
  intervalMs: number;
}
type Message = AuthorConnect | AuthorType | { type: 'collect' } | { type: 'close' };

const messageSync = 0;

interface Author {
  name: string;
  socket: WebSocket;
  doc: Y.Doc;
  text: Y.XmlText;
  log: Y.Array<[number, number]>;
  sent: number;
}

const authors: Author[] = [];
let bytesIn = 0;
let framesIn = 0;

/** The text authors type into: the first paragraph of the clause (TipTap's `default` fragment). */
function paragraphText(doc: Y.Doc): Y.XmlText | undefined {
  const first = doc.getXmlFragment('default').get(0);
  const text = first instanceof Y.XmlElement ? first.get(0) : undefined;
  return text instanceof Y.XmlText ? text : undefined;
}

function connectAuthor(serverUrl: string, documentName: string, name: string, token?: string): Promise<Author> {
  const doc = new Y.Doc();
  const socket = new WebSocket(`${serverUrl}/${documentName}`, { perMessageDeflate: false, headers: token ? { cookie: `dt_session=${token}` } : {} });
  socket.binaryType = 'nodebuffer';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`author ${name} did not sync within 60 s`)), 60_000);
    socket.once('error', reject);
    socket.once('close', (code) => reject(new Error(`author ${name}: closed with ${code} before syncing`)));
    socket.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeSyncStep1(encoder, doc);
      socket.send(encoding.toUint8Array(encoder));
    });
    const onSyncing = (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(decoder) !== messageSync) return;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, messageSync);
      const kind = syncProtocol.readSyncMessage(decoder, reply, doc, null);
      if (encoding.length(reply) > 1) socket.send(encoding.toUint8Array(reply));
      const text = paragraphText(doc);
      if (kind !== syncProtocol.messageYjsSyncStep2 || !text) return;
      // Synced: from here on everything that comes in is read and dropped.
      clearTimeout(timer);
      socket.off('message', onSyncing);
      socket.on('message', (frame: Buffer) => {
        framesIn++;
        bytesIn += frame.byteLength;
      });
      const author: Author = { name, socket, doc, text, log: doc.getArray<[number, number]>(`bench-edits-${name}`), sent: 0 };
      doc.on('update', (update: Uint8Array) => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, messageSync);
        syncProtocol.writeUpdate(encoder, update);
        socket.send(encoding.toUint8Array(encoder));
      });
      resolve(author);
    };
    socket.on('message', onSyncing);
  });
}

function edit(author: Author): void {
  author.sent++;
  author.doc.transact(() => {
    author.text.insert(Math.floor(Math.random() * (author.text.length + 1)), String.fromCharCode(97 + (author.sent % 26)));
    author.log.push([[author.sent, now()]]);
  });
}

async function handle(message: Message): Promise<unknown> {
  switch (message.type) {
    case 'connect': {
      // Twenty at a time, as people arrive; all at once would measure a connection storm.
      for (let i = 0; i < message.authors.length; i += 20) {
        const batch = message.authors.slice(i, i + 20);
        authors.push(...(await Promise.all(batch.map((a) => connectAuthor(message.serverUrl, message.documentName, a.author, a.token)))));
      }
      return { connected: authors.length };
    }
    case 'type': {
      framesIn = 0;
      bytesIn = 0;
      // One timer for all authors; each types at its own phase within the interval, as people do.
      const next = authors.map(() => message.startAt + Math.random() * message.intervalMs);
      const end = message.startAt + message.durationMs;
      while (now() < end) {
        const t = now();
        for (let i = 0; i < authors.length; i++) {
          if (next[i]! > t) continue;
          edit(authors[i]!);
          // When this process falls behind, it does not catch up in a burst.
          next[i] = Math.max(next[i]! + message.intervalMs, t);
        }
        await sleep(Math.max(1, Math.min(...next) - now()));
      }
      return { sent: authors.reduce((n, a) => n + a.sent, 0) };
    }
    case 'collect':
      return { sent: authors.reduce((n, a) => n + a.sent, 0), framesIn, bytesIn };
    case 'close':
      for (const a of authors) {
        a.socket.terminate();
        a.doc.destroy();
      }
      authors.length = 0;
      return {};
  }
}

answerParent(handle);
