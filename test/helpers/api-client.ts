import mongoose, { type Connection } from 'mongoose';
import { expect } from 'vitest';
import type { RunningServer } from './server';

/** The password of every demo account. */
export const demoPassword = 'dialoog-demo';
export const sessionCookieName = 'dt_session';

export const demoEmails = {
  procurement: 'inkoop@dialoogtafel.example',
  municipality: 'gemeente@dialoogtafel.example',
  provider: 'aanbieder@dialoogtafel.example',
  client: 'client@dialoogtafel.example',
  facilitator: 'facilitator@dialoogtafel.example',
  observer: 'observer@dialoogtafel.example',
  intermediair: 'intermediair@dialoogtafel.example',
  admin: 'admin@dialoogtafel.example',
} as const;

export const ijmondName = 'Dialooggerichte aanbesteding jeugdhulp IJmond en Zuid-Kennemerland';
export const middenIJsselName = 'Open House jeugdhulp Midden-IJssel/Oost-Veluwe 2026';

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty or non-JSON body. */
  body: any;
  text: string;
}

export interface RequestOptions {
  /** Sent as JSON unless `raw` is given. */
  body?: unknown;
  /** A body sent as is (with whatever content-type `headers` names). */
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface ApiClient {
  /** The current value of the session cookie, if any. */
  readonly token: string | undefined;
  /** Replaces the session cookie (e.g. to replay an old one). */
  setToken(token: string | undefined): void;
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  get(path: string, options?: RequestOptions): Promise<ApiResponse>;
  post(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse>;
  patch(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse>;
  put(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse>;
  delete(path: string, options?: RequestOptions): Promise<ApiResponse>;
}

/** The `dt_session` cookie set by a response: its value ('' when cleared) and raw attributes, or undefined when not set. */
export function sessionCookie(headers: Headers): { value: string; raw: string } | undefined {
  for (const raw of headers.getSetCookie()) {
    const [pair] = raw.split(';');
    const eq = pair!.indexOf('=');
    if (pair!.slice(0, eq).trim() === sessionCookieName) return { value: decodeURIComponent(pair!.slice(eq + 1).trim()), raw };
  }
  return undefined;
}

/**
 * A small cookie-keeping client of the real API. Paths are relative to /api. JSON bodies are
 * sent with content-type application/json; the session cookie of each response is kept.
 */
export function apiClient(server: Pick<RunningServer, 'url'>, token?: string): ApiClient {
  let current = token;
  const request = async (method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (current) headers.cookie = `${sessionCookieName}=${current}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (options.raw !== undefined) body = typeof options.raw === 'string' ? options.raw : new Uint8Array(options.raw);
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${server.url}/api${path}`, { method: method.toUpperCase(), headers, body });
    const cookie = sessionCookie(res.headers);
    if (cookie) current = cookie.value || undefined;
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return {
    get token() {
      return current;
    },
    setToken(value) {
      current = value;
    },
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    patch: (path, body, options) => request('PATCH', path, { ...options, body }),
    put: (path, body, options) => request('PUT', path, { ...options, body }),
    delete: (path, options) => request('DELETE', path, options),
  };
}

/** Signs in and returns a client that carries the session cookie; fails the test when sign-in fails. */
export async function signIn(server: Pick<RunningServer, 'url'>, email: string, password = demoPassword): Promise<ApiClient> {
  const client = apiClient(server);
  const res = await client.post('/auth/login', { email, password });
  if (res.status !== 200 || !client.token) throw new Error(`sign-in of ${email} failed: ${res.status} ${res.text}`);
  return client;
}

/** Asserts the error format `{ error: { code, message, fields? } }` with the given status and code. */
export function expectError(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.error?.code }, res.text).toEqual({ status, code });
  expect(typeof res.body.error.message).toBe('string');
}

export interface DemoIds {
  ijmond: string;
  midden: string;
}

/** The ids of the two demo trajectories, as a platform administrator sees them. */
export async function demoTrajectoryIds(admin: ApiClient): Promise<DemoIds> {
  const res = await admin.get('/trajectories');
  expect(res.status).toBe(200);
  const byName = new Map<string, string>(res.body.map((t: { name: string; id: string }) => [t.name, t.id]));
  const ijmond = byName.get(ijmondName);
  const midden = byName.get(middenIJsselName);
  if (!ijmond || !midden) throw new Error(`demo trajectories not found: ${res.text}`);
  return { ijmond, midden };
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  status?: 'queued' | 'sent';
}

/** The outbox, newest first (read as platform administrator). */
export async function readOutbox(admin: ApiClient): Promise<OutboxMessage[]> {
  const res = await admin.get('/admin/outbox');
  expect(res.status).toBe(200);
  return res.body as OutboxMessage[];
}

/** The token of the newest link of this kind mailed to `to`, or undefined. */
export async function mailedToken(admin: ApiClient, to: string, kind: 'uitnodiging' | 'wachtwoord-herstellen'): Promise<string | undefined> {
  // Invitations go through the notification queue: wait until none to this address is still queued.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const outbox = await readOutbox(admin);
    const queued = outbox.some((m) => m.status === 'queued' && m.to === to && /^(Uitnodiging|Invitation)/.test(m.subject));
    const message = outbox.find((m) => m.status !== 'queued' && m.to === to && m.text.includes(`/${kind}/`));
    if ((!queued && message) || kind !== 'uitnodiging' || Date.now() > deadline) return message?.text.match(new RegExp(`/${kind}/([A-Za-z0-9_-]+)`))?.[1];
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A direct connection to the server's database, to look at or tamper with stored records. */
export async function connectDatabase(server: Pick<RunningServer, 'mongoUri'>): Promise<Connection> {
  if (!server.mongoUri) throw new Error('server has no mongoUri');
  return mongoose.createConnection(server.mongoUri).asPromise();
}

export const objectId = (id: string) => new mongoose.Types.ObjectId(id);

let counter = 0;
/** A unique e-mail address for a test. */
export function uniqueEmail(prefix = 'persoon'): string {
  counter++;
  return `${prefix}.${Date.now().toString(36)}.${counter}@voorbeeld.example`;
}
