import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Operation, OperationContext } from '../commands/operation';
import { AppError, notFound } from '../errors';
import type { Services } from '../services';
import type { RateLimit } from '../http/rate-limit';
import { fileUploadTypes } from '../http/same-origin';
import { idPattern } from '../../shared/schemas/common';
import { apiContract } from '../../shared/api/contract';
import { splitAddress, type HttpMethod, type RouteDoc } from '../../shared/api/define';
import { apiRoutes, type OperationId } from '../../shared/api/routes';

/** Any operation: the route's contract entry (shared/api/contract.ts) says what it takes and gives. */
export type AnyOperation = Operation<z.ZodType, z.ZodType, unknown>;

/**
 * One mounted route: which route of the contract (shared/api/routes.ts, shared/api/contract.ts)
 * and which operation serves it, plus what only the server knows (limits, cookies, files).
 * Method, path, status, schemas and whether it is public come from the contract.
 */
export interface RouteSpec {
  operationId: OperationId;
  operation: AnyOperation;
  rateLimit?: RateLimit;
  /** For routes whose input is more than a JSON body (a provider's redirect back, with a cookie): builds the operation's body. */
  input?: (req: Request) => unknown;
  /**
   * For file uploads: the request body is the file itself, of one of these media types, read up
   * to `limit` bytes (only for signed-in people); `input` turns it into the operation's body.
   */
  upload?: { types: readonly string[]; limit: number };
  /** Turns the operation's result into the response (e.g. to set a cookie); defaults to JSON. */
  respond?: (res: Response, result: unknown, req: Request) => void;
}

/** A route of the table with its contract entry: what mounting and the OpenAPI document need. */
export interface ContractedRoute extends RouteSpec {
  method: Lowercase<HttpMethod>;
  path: string;
  doc: RouteDoc;
}

/** Joins a route to its contract entry. */
export function withContract(spec: RouteSpec): ContractedRoute {
  const { method, path } = splitAddress(apiRoutes[spec.operationId]);
  return { ...spec, method: method.toLowerCase() as Lowercase<HttpMethod>, path, doc: apiContract[spec.operationId] };
}

export type RouteTable = RouteSpec[];

/**
 * Mounts each route as a thin adapter: actor and input in, the operation's result out. The same
 * table and contract produce the OpenAPI document, so the documented API is the served API.
 */
export function mountRoutes(router: Router, services: Services, table: RouteTable): void {
  for (const spec of table.map(withContract)) {
    const { doc } = spec;
    const handler: RequestHandler = async (req, res, next) => {
      try {
        if (spec.rateLimit) await spec.rateLimit.consume(req);
        // Signed-out requests stop here, before anything is looked up: whether a record exists is not theirs to learn.
        if (!doc.public && req.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
        // A file body is for upload routes only; every other route takes JSON.
        if (!spec.upload && req.is([...fileUploadTypes])) throw new AppError('unsupported_media_type', 'Send JSON (content-type: application/json).');
        const ctx: OperationContext = { services, actor: req.actor, ip: req.ip };
        // Path ids of merged routes are checked like any path id: one that cannot exist is not found.
        if (doc.paramsInBody && Object.values(req.params).some((v) => !idPattern.test(String(v)))) throw notFound();
        const body = spec.input ? spec.input(req) : doc.query ? { ...req.query } : !doc.paramsInBody ? req.body : req.body === undefined ? { ...req.params } : isObject(req.body) ? { ...req.body, ...req.params } : req.body;
        const result = await spec.operation(ctx, { params: req.params, body });
        if (spec.respond) return spec.respond(res, result, req);
        if (result === undefined) return void res.status(doc.status ?? 204).end();
        res.status(doc.status ?? 200).json(result);
      } catch (error) {
        next(error);
      }
    };
    if (spec.upload) router[spec.method](spec.path, uploadBody(spec.upload), handler);
    else router[spec.method](spec.path, handler);
  }
}

/** Reads a file body (a signed-in person's only); JSON and other types are left to the operation to refuse. */
function uploadBody(upload: { types: readonly string[]; limit: number }): RequestHandler {
  const raw = express.raw({ type: [...upload.types], limit: upload.limit });
  return (req, res, next) => (req.actor.kind === 'user' ? raw(req, res, next) : next());
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
