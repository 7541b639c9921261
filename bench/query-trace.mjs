/*
 * A preload (`node --import ./bench/query-trace.mjs server/main.ts`) that writes every command the
 * server sends to the database to QUERY_TRACE_FILE, one JSON line each, with what set it off: the
 * socket.io event, the HTTP request, the WebSocket upgrade or message in whose async context it
 * ran (timers and promises started there inherit it, so a ballot's later tally broadcast counts as
 * the ballot's). Commands of start-up and of sweepers (no such origin) are not written.
 * test/integration/growth.test.ts uses it to show which queries a hot path issues and whether each
 * one addresses its documents by `_id`, through an index, or by reading a collection through.
 * The server's own code is not touched: the driver's command monitoring, socket.io's event
 * dispatch and Node's HTTP server are wrapped here.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const file = process.env.QUERY_TRACE_FILE;
if (file) {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const origin = new AsyncLocalStorage();
  const within = (what, fn) => origin.run(what, fn);

  // socket.io: every incoming event runs in its own context, named by the event.
  const { Socket } = require('socket.io');
  const onevent = Socket.prototype.onevent;
  Socket.prototype.onevent = function (packet) {
    const event = Array.isArray(packet?.data) ? String(packet.data[0]) : 'unknown';
    return within(`socket ${event}`, () => onevent.call(this, packet));
  };

  // HTTP requests and upgrades (the y-websocket endpoint), by method and path without ids.
  const shape = (url = '') => url.split('?')[0].replace(/[0-9a-f]{24}/g, ':id');
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, ...args) {
    if (event === 'request') return within(`http ${args[0].method} ${shape(args[0].url)}`, () => emit.call(this, event, ...args));
    if (event === 'upgrade') return within(`upgrade ${shape(args[0].url)}`, () => emit.call(this, event, ...args));
    return emit.call(this, event, ...args);
  };
  // Messages on a WebSocket (y-websocket) arrive in the socket's context: name them by the upgrade.
  const WebSocket = require('ws');
  const wsEmit = WebSocket.prototype.emit;
  WebSocket.prototype.emit = function (event, ...args) {
    if (event === 'message' && this._traceOrigin) return within(this._traceOrigin, () => wsEmit.call(this, event, ...args));
    return wsEmit.call(this, event, ...args);
  };
  const setSocket = WebSocket.prototype.setSocket;
  WebSocket.prototype.setSocket = function (...args) {
    const what = origin.getStore();
    if (what) this._traceOrigin = `${what} message`;
    return setSocket.apply(this, args);
  };

  // Every command the driver sends, with the filter's shape (values left out: no personal data in the trace).
  const { MongoClient } = require('mongodb');
  const connect = MongoClient.prototype.connect;
  MongoClient.prototype.connect = function (...args) {
    if (!this._traced) {
      this._traced = true;
      this.monitorCommands = true;
      // Written when the command is answered, with how long the database took.
      const started = new Map();
      this.on('commandStarted', (event) => {
        // Only what a request, socket event or WebSocket set off: start-up (the demo seed) and sweeps stay out, and cost nothing here.
        const what = origin.getStore();
        if (what) started.set(event.requestId, { at: Date.now(), origin: what, ...describe(event.commandName, event.command) });
      });
      const done = (event) => {
        const entry = started.get(event.requestId);
        if (!entry) return;
        started.delete(event.requestId);
        try {
          appendFileSync(file, `${JSON.stringify({ ...entry, ms: Math.round(event.duration * 100) / 100, ...(event.failure ? { failed: true } : {}) })}\n`);
        } catch {
          // tracing must not break the server
        }
      };
      this.on('commandSucceeded', done);
      this.on('commandFailed', done);
    }
    return connect.apply(this, args);
  };
}

/** Keys and operators of a filter, values replaced by their type: `{ pollId: 'objectId' }`. */
function shapeOf(value) {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (value instanceof Date) return 'date';
  if (value instanceof Map) return shapeOf(Object.fromEntries(value));
  if (typeof value === 'object') {
    if (value._bsontype) return value._bsontype === 'ObjectId' ? 'objectId' : value._bsontype;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  }
  return typeof value;
}

const isScalar = (v) => v === null || ['string', 'number', 'boolean'].includes(typeof v) || v instanceof Date || v?._bsontype === 'ObjectId';

/** True when the filter names exactly one document by `_id` equality, which FerretDB hands to storage. */
function byId(filter) {
  if (!filter || typeof filter !== 'object') return false;
  const keys = Object.keys(filter);
  if (!keys.includes('_id')) return false;
  const id = filter._id;
  return isScalar(id) || (typeof id === 'object' && Object.keys(id).length === 1 && '$eq' in id && isScalar(id.$eq));
}

function describe(name, command) {
  const collection = typeof command[name] === 'string' ? command[name] : null;
  const base = { command: name, collection };
  switch (name) {
    case 'find':
      return { ...base, filter: shapeOf(command.filter ?? {}), sort: shapeOf(command.sort), limit: command.limit ?? null, byId: byId(command.filter) };
    case 'update':
    case 'delete': {
      const items = command.updates ?? command.deletes ?? [];
      return { ...base, filter: shapeOf(items[0]?.q ?? {}), upsert: items.some((u) => u.upsert), many: items.length, byId: items.every((u) => byId(u.q)) };
    }
    case 'findAndModify':
      return { ...base, filter: shapeOf(command.query ?? {}), sort: shapeOf(command.sort), upsert: Boolean(command.upsert), byId: byId(command.query) };
    case 'insert':
      return { ...base, many: command.documents?.length ?? 0, byId: true };
    case 'count':
      return { ...base, filter: shapeOf(command.query ?? {}), byId: byId(command.query) };
    case 'distinct':
      return { ...base, filter: shapeOf(command.query ?? {}), key: command.key, byId: byId(command.query) };
    case 'aggregate': {
      const match = command.pipeline?.[0]?.$match;
      return { ...base, pipeline: command.pipeline?.map((stage) => Object.keys(stage)[0]), filter: shapeOf(match ?? {}), byId: byId(match) };
    }
    case 'getMore':
      return { ...base, collection: command.collection ?? null, byId: false };
    default:
      return { ...base, byId: true };
  }
}
