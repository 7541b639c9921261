/*
 * Everyday work, timed request by request with real clients (fetch, socket.io-client, the
 * y-websocket client), on several targets in turn: one sample of each target before the next
 * sample of any, so a fresh and a grown database meet the same moments of a busy machine.
 */
import { io, type Socket } from 'socket.io-client';
import { WebSocket, type ClientOptions } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { record, percentile, count, type Histogram } from './histogram';
import { now } from './proc';

export interface EverydayTarget {
  /** Column name in the report, e.g. "fresh", "grown". */
  name: string;
  url: string;
  trajectoryId: string;
  /** Accounts to sign in with, one per sample in turn (the sign-in limit is 10 per account per 15 minutes). */
  signIns: Array<{ email: string; password: string }>;
  /** The procurement officer: reads, audit log, recording outcomes. */
  staffToken: string;
  /** Voters with a seat, one per ballot in turn. */
  voterTokens: string[];
  sessionId: string;
  pollId: string;
  /** Clause documents not opened yet in this server: each sample opens the next one (a cold open). */
  clauseDocuments: string[];
  /** An accepted topic, for recording outcomes. */
  topicId: string;
}

export interface EverydayFigures {
  n: number;
  errors: number;
  firstError?: string;
  p50Ms: number | null;
  p95Ms: number | null;
}

export const everydayItems = [
  'sign-in',
  'GET /api/me',
  'open a trajectory',
  'topics',
  'agreement overview',
  'open a clause document (y-websocket, to synced)',
  'join the live table (connect + session:join ack)',
  'cast a ballot',
  'audit log, first page',
  'record an outcome',
] as const;
export type EverydayItem = (typeof everydayItems)[number];

const cookie = (token: string) => ({ cookie: `dt_session=${token}` });

async function request(url: string, init: RequestInit & { expect?: number }): Promise<unknown> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status !== (init.expect ?? 200)) throw new Error(`${init.method ?? 'GET'} ${new URL(url).pathname}: ${res.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : null;
}

function cookieSocket(value: string) {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[], options?: ClientOptions) {
      super(address, protocols, { ...options, headers: { ...options?.headers, cookie: value } });
    }
  };
}

function openDocument(url: string, name: string, token: string): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace('http', 'ws')}/collab`, name, doc, {
    WebSocketPolyfill: cookieSocket(`dt_session=${token}`) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: true,
  });
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`${name} did not sync within 30 s`)), 30_000);
    const done = (error?: Error) => {
      clearTimeout(timer);
      provider.destroy();
      doc.destroy();
      if (error) reject(error);
      else resolve();
    };
    provider.once('sync', () => done());
    provider.on('connection-close', (event: { code?: number } | null) => event?.code && event.code >= 4000 && done(new Error(`closed with ${event.code}`)));
  });
}

function connectSocket(url: string, token: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], extraHeaders: cookie(token), reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** One sample of an item on a target; `k` is the sample's number (which account, document, voter). */
export async function runOnce(item: EverydayItem, t: EverydayTarget, k: number): Promise<void> {
  const api = `${t.url}/api`;
  const tr = `${api}/trajectories/${t.trajectoryId}`;
  const json = { 'content-type': 'application/json' };
  switch (item) {
    case 'sign-in': {
      const account = t.signIns[k % t.signIns.length]!;
      await request(`${api}/auth/login`, { method: 'POST', headers: json, body: JSON.stringify(account) });
      return;
    }
    case 'GET /api/me':
      await request(`${api}/me`, { headers: cookie(t.staffToken) });
      return;
    case 'open a trajectory':
      await request(tr, { headers: cookie(t.staffToken) });
      return;
    case 'topics':
      await request(`${tr}/topics`, { headers: cookie(t.staffToken) });
      return;
    case 'agreement overview':
      await request(`${tr}/agreement`, { headers: cookie(t.staffToken) });
      return;
    case 'open a clause document (y-websocket, to synced)': {
      const name = t.clauseDocuments[k];
      if (!name) throw new Error('no unopened clause document left');
      await openDocument(t.url, name, t.staffToken);
      return;
    }
    case 'join the live table (connect + session:join ack)': {
      const socket = await connectSocket(t.url, t.voterTokens[k % t.voterTokens.length]!);
      try {
        const answer = (await socket.timeout(30_000).emitWithAck('session:join', { sessionId: t.sessionId })) as { ok: boolean; error?: { message: string } };
        if (!answer.ok) throw new Error(`session:join: ${answer.error?.message}`);
      } finally {
        socket.disconnect();
      }
      return;
    }
    case 'cast a ballot':
      await request(`${api}/polls/${t.pollId}/ballot`, {
        method: 'POST',
        headers: { ...json, ...cookie(t.voterTokens[k % t.voterTokens.length]!) },
        body: JSON.stringify({ choice: { kind: 'consent', option: k % 3 === 0 ? 'object' : 'agree', reason: 'bench' } }),
      });
      return;
    case 'audit log, first page':
      await request(`${tr}/audit`, { headers: cookie(t.staffToken) });
      return;
    case 'record an outcome':
      await request(`${tr}/outcomes`, {
        method: 'POST',
        expect: 201,
        headers: { ...json, ...cookie(t.staffToken) },
        body: JSON.stringify({ topicId: t.topicId, text: `Afspraak ${k + 1} uit de benchmark.`, category: 'substantive', horizon: 'before_start', status: 'agreed' }),
      });
      return;
  }
}

/**
 * Times every item on every target: up to `samples` samples each, interleaved by target; an item
 * stops early once it has `minSamples` and has spent `maxSecondsPerItem` (a slow server is
 * measured, not waited for).
 */
export async function measureEveryday(
  targets: EverydayTarget[],
  options: { samples: number; minSamples: number; maxSecondsPerItem: number; log: (m: string) => void },
): Promise<Record<string, Record<string, EverydayFigures>>> {
  const figures: Record<string, Record<string, EverydayFigures>> = {};
  for (const item of everydayItems) {
    const histograms = targets.map((): Histogram => ({}));
    const errors = targets.map(() => ({ n: 0, first: undefined as string | undefined }));
    const started = now();
    for (let k = 0; k < options.samples; k++) {
      const spent = now() - started;
      const budget = options.maxSecondsPerItem * 1000 * targets.length;
      // A slow server is measured, not waited for: minSamples within the budget, never more than 3× it (and at least 2 samples).
      if ((k >= options.minSamples && spent > budget) || (k >= 2 && spent > 3 * budget)) break;
      for (const [i, t] of targets.entries()) {
        const t0 = now();
        try {
          await runOnce(item, t, k);
          record(histograms[i]!, now() - t0);
        } catch (error) {
          errors[i]!.n++;
          errors[i]!.first ??= (error as Error).message;
        }
      }
    }
    figures[item] = Object.fromEntries(
      targets.map((t, i) => [
        t.name,
        { n: count(histograms[i]!), errors: errors[i]!.n, ...(errors[i]!.first ? { firstError: errors[i]!.first } : {}), p50Ms: percentile(histograms[i]!, 50), p95Ms: percentile(histograms[i]!, 95) },
      ]),
    );
    const line = targets.map((t) => {
      const f = figures[item]![t.name]!;
      return `${t.name} p50 ${f.p50Ms} p95 ${f.p95Ms} ms (n ${f.n}${f.errors ? `, ${f.errors} errors: ${f.firstError}` : ''})`;
    });
    options.log(`  ${item}: ${line.join('; ')}`);
  }
  return figures;
}

/** Signs in through the product's route and returns the session token from the cookie. */
export async function signInToken(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`signing in ${email} failed: ${res.status} ${await res.text()}`);
  const token = /dt_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error(`signing in ${email} set no cookie`);
  return token;
}

export { request as apiRequest };
