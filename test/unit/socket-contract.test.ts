import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEventNames, clientEvents, serverEventNames, type ClientEventName, type ClientEventPayload } from '../../shared/api/socket-contract';
import { openApiDocument } from '../../server/api/openapi';
import { routeTable } from '../../server/api/routes';
import { socketEventsMarkdown } from '../../server/api/socket-events-doc';
import { loadConfig } from '../../server/config';
import { sessionAdapterOperations, sessionOperationEvents } from '../../server/live-table/socket-handlers';
import type { Logger } from '../../server/logger';
import { registerSocketHandlers } from '../../server/realtime/socket-server';
import type { AppServer, AppSocket } from '../../server/realtime/socket-types';
import type { Services } from '../../server/services';

const id = '64b7f0c2a1b2c3d4e5f60718';

/** A payload each event's schema takes; typed by the contract, so a new event needs one here. */
const validPayloads: { [E in ClientEventName]: ClientEventPayload<E> } = {
  'system:ping': { sentAt: '2026-12-03T10:00:00.000Z' },
  'trajectory:join': { trajectoryId: id },
  'trajectory:leave': { trajectoryId: id },
  'session:join': { sessionId: id },
  'session:leave': { sessionId: id },
  'session:start': { sessionId: id },
  'session:end': { sessionId: id },
  'agenda:goto': { sessionId: id, index: 2 },
  'agenda:next': { sessionId: id },
  'agenda:previous': { sessionId: id },
  'timer:start': { sessionId: id, minutes: 5 },
  'timer:pause': { sessionId: id },
  'timer:reset': { sessionId: id },
  'queue:raise': { sessionId: id },
  'queue:lower': { sessionId: id },
  'queue:give-floor': { sessionId: id, userId: id },
  'queue:clear-floor': { sessionId: id },
  'poll:open': { sessionId: id, settings: { kind: 'consent', question: 'Akkoord met artikel 4?' } },
  'poll:cast': { pollId: id, choice: { kind: 'consent', option: 'agree' } },
  'poll:close': { pollId: id },
};

/** Payloads no event may take: wrong shapes, wrong types, an unknown field beside the right ones. */
const badPayloads = (event: ClientEventName): unknown[] => [
  42,
  'text',
  [],
  { sessionId: 'not-an-id', pollId: 'not-an-id', trajectoryId: 'not-an-id', sentAt: 'yesterday' },
  { ...validPayloads[event], unexpected: true },
];

const reserved = new Set(['disconnect', 'disconnecting', 'error', 'connect']);
const silentLog = { error() {}, warn() {}, info() {}, debug() {} } as unknown as Logger;

describe('the socket contract (shared/api/socket-contract.ts)', () => {
  let http: HttpServer;
  let io: AppServer;
  let client: ClientSocket;
  let registered: Promise<string[]>;

  beforeAll(async () => {
    // A real Socket.io server with the server's handlers. No services: only what happens before
    // a handler runs (parsing the payload) is reached, so a refusal here comes from the contract's schema.
    http = createServer();
    io = new Server(http);
    registered = new Promise((resolve) => {
      io.on('connection', (socket: AppSocket) => {
        registerSocketHandlers(socket, {} as Services, silentLog);
        resolve(socket.eventNames().map(String));
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('connect_error', reject);
    });
  });

  afterAll(async () => {
    client?.close();
    await new Promise<void>((resolve) => (io ? io.close(() => resolve()) : resolve()));
  });

  it('names every event the server handles, and the server handles every event it names', async () => {
    const handled = (await registered).filter((name) => !reserved.has(name)).sort();
    expect(handled, 'handled by the server but missing from the contract, or named but not handled').toEqual([...clientEventNames].sort());
    expect(new Set(serverEventNames).size).toBe(serverEventNames.length);
  });

  it('takes a well-formed payload of every event and refuses bad ones, in the schema and on the real server', async () => {
    for (const event of clientEventNames) {
      const schema = clientEvents[event].payload;
      expect(schema.safeParse(validPayloads[event]).success, `${event} takes its sample payload`).toBe(true);
      for (const bad of badPayloads(event)) {
        expect(schema.safeParse(bad).success, `${event} refuses ${JSON.stringify(bad)}`).toBe(false);
        const ack = (await client.timeout(5000).emitWithAck(event, bad)) as { ok: boolean; error?: { code: string } };
        expect(ack, `${event} answers ${JSON.stringify(bad)} with validation_failed`).toEqual({ ok: false, error: expect.objectContaining({ code: 'validation_failed' }) });
      }
    }
  });

  it('is what the operations behind the events parse with and the action they ask', () => {
    const operations = { ...sessionOperationEvents, ...sessionAdapterOperations };
    for (const [event, operation] of Object.entries(operations) as Array<[ClientEventName, (typeof operations)[keyof typeof operations]]>) {
      const doc = clientEvents[event];
      expect(operation.body, `${event}: the operation parses with the contract's payload schema`).toBe(doc.payload);
      expect(operation.operationName, `${event}: the contract names the operation`).toBe('operation' in doc ? doc.operation : undefined);
      // Trajectory and session operations declare their action; the others (a ballot, closing a poll) are named after it.
      expect(operation.action ?? operation.operationName, `${event}: the contract names the action the operation asks`).toBe(doc.action);
    }
    const withOperation = clientEventNames.filter((event) => 'operation' in clientEvents[event]);
    expect(Object.keys(operations).sort(), 'every event that names an operation is served by it').toEqual(withOperation.sort());
  });

  it('is in the OpenAPI document and in the README', () => {
    const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'test-only-secret-of-at-least-32-characters', DEMO: '0' });
    const document = openApiDocument(routeTable(config), 'test') as { 'x-socket-events': { send: Record<string, { payload: { properties?: object } }>; receive: Record<string, unknown> } };
    expect(Object.keys(document['x-socket-events'].send).sort()).toEqual([...clientEventNames].sort());
    expect(Object.keys(document['x-socket-events'].receive).sort()).toEqual([...serverEventNames].sort());
    expect(document['x-socket-events'].send['poll:cast']!.payload.properties).toHaveProperty('choice');

    const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const between = /<!-- socket-events:start -->\n([\s\S]*?)\n<!-- socket-events:end -->/.exec(readme)?.[1];
    expect(between, 'the README has the socket events between its markers; put this there:\n' + socketEventsMarkdown()).toBe(socketEventsMarkdown());
  });
});
