import type { z } from 'zod';

/**
 * The building blocks of the API contract (shared/api/routes.ts, shared/api/contract.ts): what a
 * route is called, where it lives and what goes in and out. Types only, except `typed()`, so the
 * browser can use them without taking every schema along.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `METHOD /path` under /api, with Express parameters: `POST /trajectories/:trajectoryId/topics`. */
export type RouteAddress = `${HttpMethod} /${string}`;

/** A response known to the client as a TypeScript type only (no zod schema yet): typed, not documented. */
export interface TypedResponse<T> {
  readonly typed: true;
  /** Carries the type; never set. */
  readonly type?: T;
}
export const typed = <T>(): TypedResponse<T> => ({ typed: true });

/** What the contract says of one route besides its address. */
export interface RouteDoc {
  tag: string;
  summary: string;
  /** The JSON body (the schema the operation parses). */
  body?: z.ZodType;
  /** The query string (the schema the operation parses: for reads with options). */
  query?: z.ZodType;
  /** The JSON answer; `typed<T>()` where only a type exists; none for files, redirects and 204s. */
  response?: z.ZodType | TypedResponse<unknown>;
  /** The success status when not 200 (201 for creations, 204 for nothing to say). */
  status?: number;
  /** Needs no session (sign-in, invitation links, the public key). */
  public?: boolean;
  /** Shared with a socket event whose payload names the resource: the path parameters join the body. */
  paramsInBody?: boolean;
  /** The body is a file (its media types and size limit are the server's business), not JSON. */
  upload?: boolean;
}

type ParamName<S extends string> = S extends `${infer Name}.${string}` ? Name : S;
type ParamsOfPath<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in ParamName<Name>]: string } & ParamsOfPath<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in ParamName<Name>]: string }
    : unknown;
type Flatten<T> = { [K in keyof T]: T[K] };

/** The path parameters of an address: `{ trajectoryId: string; topicId: string }`. */
export type PathParamsOf<A extends string> = A extends `${HttpMethod} ${infer P}` ? Flatten<ParamsOfPath<P>> : never;
export type MethodOf<A extends string> = A extends `${infer M extends HttpMethod} ${string}` ? M : never;

/** What a route answers with, as the client receives it. */
export type ResponseOf<D> = D extends { response: infer R }
  ? R extends z.ZodType
    ? z.output<R>
    : R extends TypedResponse<infer T>
      ? T
      : unknown
  : void;

/** What a client sends as the body (defaults may be left out; path parameters are not repeated). */
export type BodyOf<D, A extends string> = D extends { body: infer B extends z.ZodType }
  ? D extends { paramsInBody: true }
    ? Omit<z.input<B>, keyof PathParamsOf<A>>
    : z.input<B>
  : undefined;

export type QueryOf<D> = D extends { query: infer Q extends z.ZodType } ? z.input<Q> : undefined;

/** Parses `METHOD /path` (at run time). */
export function splitAddress(address: RouteAddress): { method: HttpMethod; path: string } {
  const space = address.indexOf(' ');
  return { method: address.slice(0, space) as HttpMethod, path: address.slice(space + 1) };
}

