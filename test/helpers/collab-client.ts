import * as decoding from 'lib0/decoding';
import { WebSocket, type ClientOptions } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sessionCookieName } from './api-client';

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
  /** The ProseMirror content (TipTap's field), where clause texts live. */
  fragment: Y.XmlFragment;
  synced: Promise<void>;
  /** Reasons of the permission-denied messages the server sent (writes it dropped). */
  denied: string[];
  destroy(): void;
}

export interface CollabClientOptions {
  connect?: boolean;
  /** The session token: sent as the `dt_session` cookie on the upgrade, as a browser does. */
  token?: string;
}

/** The y-websocket protocol's auth message type; the server uses it to say a write was dropped. */
const messageAuth = 2;

/** ws's WebSocket with a cookie on the upgrade request (browsers send the site's cookies themselves). */
function webSocketWithCookie(cookie: string) {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[], options?: ClientOptions) {
      super(address, protocols, { ...options, headers: { ...options?.headers, cookie } });
    }
  };
}

/** An unmodified y-websocket client in Node, as any third-party client would connect. */
export function collabClient(serverUrl: string, documentName: string, options: CollabClientOptions = {}): CollabClient {
  const doc = new Y.Doc();
  const WebSocketPolyfill = options.token ? webSocketWithCookie(`${sessionCookieName}=${options.token}`) : WebSocket;
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/collab`, documentName, doc, {
    WebSocketPolyfill: WebSocketPolyfill as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    maxBackoffTime: 300,
    // Node has BroadcastChannel: without this, two clients in one test process would sync directly, not through the server.
    disableBc: true,
  });
  const denied: string[] = [];
  // Record permission-denied messages instead of the default console warning.
  provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) denied.push(decoding.readVarString(decoder));
  };
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    text: doc.getText('body'),
    fragment: doc.getXmlFragment('default'),
    synced,
    denied,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * Opens a raw WebSocket and resolves with the HTTP status when the upgrade is refused, or 101 when it is accepted.
 * With a token, the session cookie is sent on the upgrade.
 */
export function upgradeStatus(url: string, token?: string): Promise<number> {
  return upgradeStatusWith(url, token ? { cookie: `${sessionCookieName}=${token}` } : {});
}

/** The HTTP status of a raw WebSocket upgrade sent with these headers (cookie, Origin): 101 when accepted. */
export function upgradeStatusWith(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}
