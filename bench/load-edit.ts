/*
 * A co-editing load generator (a child process of bench/run.ts): many unmodified y-websocket
 * clients in one document. Every client is an author; every edit inserts one character into
 * the clause text and, in the same transaction, appends [sequence, sent-at] to the author's
 * own Y.Array, so every other client can time its arrival exactly. One array per author: a
 * single shared array would make every client resolve hundreds of concurrent inserts at its
 * end, a cost of the measuring device rather than of the server.
 */
import { WebSocket, type ClientOptions } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { record, type Histogram } from './histogram';
import { answerParent, now, sleep } from './proc';

export interface EditConnect {
  type: 'connect';
  /** ws://host:port/collab for ours, ws://host:port for the baseline. */
  serverUrl: string;
  documentName: string;
  clients: Array<{ author: string; token?: string }>;
  /** Every author in the document, in all generators. */
  authors: string[];
}
export interface EditType {
  type: 'type';
  startAt: number;
  durationMs: number;
  intervalMs: number;
}
type Message = EditConnect | EditType | { type: 'prepare' } | { type: 'await-paragraph' } | { type: 'collect' } | { type: 'close' };

interface Client {
  author: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  log: Y.Array<[number, number]>;
  sent: number;
}

const clients: Client[] = [];
const latencies: Histogram = {};
let received = 0;
let lastArrival = 0;

function cookieSocket(cookie: string) {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[], options?: ClientOptions) {
      super(address, protocols, { ...options, headers: { ...options?.headers, cookie } });
    }
  };
}

function connectClient(serverUrl: string, documentName: string, author: string, authors: string[], token?: string): Promise<Client> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, documentName, doc, {
    WebSocketPolyfill: (token ? cookieSocket(`dt_session=${token}`) : WebSocket) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 1000,
  });
  const log = doc.getArray<[number, number]>(`bench-edits-${author}`);
  for (const other of authors) {
    if (other === author) continue;
    doc.getArray<[number, number]>(`bench-edits-${other}`).observe((event) => {
      const at = now();
      for (const change of event.changes.delta) {
        for (const entry of (change.insert as Array<[number, number]> | undefined) ?? []) {
          record(latencies, at - entry[1]);
          received++;
          lastArrival = at;
        }
      }
    });
  }
  const client = { author, doc, provider, log, sent: 0 };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client ${author} did not sync within 60 s`)), 60_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve(client);
    });
  });
}

/** The text the authors type into: the first paragraph of the clause (TipTap's `default` fragment). */
function paragraphText(doc: Y.Doc): Y.XmlText | undefined {
  const first = doc.getXmlFragment('default').get(0);
  const text = first instanceof Y.XmlElement ? first.get(0) : undefined;
  return text instanceof Y.XmlText ? text : undefined;
}

function edit(client: Client): void {
  const text = paragraphText(client.doc);
  client.sent++;
  client.doc.transact(() => {
    if (text) text.insert(Math.floor(Math.random() * (text.length + 1)), String.fromCharCode(97 + (client.sent % 26)));
    client.log.push([[client.sent, now()]]);
  });
}

async function handle(message: Message): Promise<unknown> {
  switch (message.type) {
    case 'connect': {
      // A few at a time, as people arrive; all at once would measure a connection storm.
      for (let i = 0; i < message.clients.length; i += 10) {
        const batch = message.clients.slice(i, i + 10);
        clients.push(...(await Promise.all(batch.map((c) => connectClient(message.serverUrl, message.documentName, c.author, message.authors, c.token)))));
      }
      return { connected: clients.length };
    }
    case 'prepare': {
      const doc = clients[0]!.doc;
      if (!paragraphText(doc)) {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('Artikel waarin iedereen tegelijk typt. ')]);
        doc.getXmlFragment('default').insert(0, [paragraph]);
      }
      return {};
    }
    case 'await-paragraph': {
      const deadline = Date.now() + 30_000;
      while (clients.some((c) => !paragraphText(c.doc))) {
        if (Date.now() > deadline) throw new Error('the paragraph did not reach every client');
        await sleep(50);
      }
      return {};
    }
    case 'type': {
      received = 0;
      for (const key of Object.keys(latencies)) delete latencies[key];
      const wait = message.startAt - now();
      if (wait > 0) await sleep(wait);
      // Each author types at its own phase within the interval, as people do.
      await Promise.all(
        clients.map(async (client) => {
          await sleep(Math.random() * message.intervalMs);
          const end = message.startAt + message.durationMs;
          let next = now();
          while (next < end) {
            edit(client);
            next += message.intervalMs;
            const delay = next - now();
            // When this process falls behind, it does not catch up in a burst.
            if (delay > 0) await sleep(delay);
            else next = now();
          }
        }),
      );
      return { sent: clients.reduce((n, c) => n + c.sent, 0) };
    }
    case 'collect':
      return { latencies, received, lastArrival, sent: clients.reduce((n, c) => n + c.sent, 0) };
    case 'close':
      for (const c of clients) {
        c.provider.destroy();
        c.doc.destroy();
      }
      clients.length = 0;
      return {};
  }
}

answerParent(handle);
