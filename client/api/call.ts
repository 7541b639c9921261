import type { ApiContract } from '../../shared/api/contract';
import { splitAddress, type BodyOf, type PathParamsOf, type QueryOf, type ResponseOf } from '../../shared/api/define';
import { apiRoutes, type ApiRoutes, type OperationId } from '../../shared/api/routes';
import { request } from './client';

// Types only from the contract (shared/api/contract.ts): the schemas stay out of the browser
// bundle; at run time only the addresses (shared/api/routes.ts) come along.
type Params<K extends OperationId> = PathParamsOf<ApiRoutes[K]>;
export type CallBody<K extends OperationId> = BodyOf<ApiContract[K], ApiRoutes[K]>;
export type CallQuery<K extends OperationId> = QueryOf<ApiContract[K]>;
export type CallResult<K extends OperationId> = ResponseOf<ApiContract[K]>;

/** What a call takes: the path parameters, the query and the body the contract names, no more. */
export type CallInput<K extends OperationId> = ({} extends Params<K> ? { params?: Params<K> } : { params: Params<K> }) &
  ([CallBody<K>] extends [undefined] ? { body?: undefined } : {} extends CallBody<K> ? { body?: CallBody<K> } : { body: CallBody<K> }) &
  ([CallQuery<K>] extends [undefined] ? { query?: undefined } : { query?: CallQuery<K> });

/** The address of a route (e.g. a download link): its path with the parameters filled in, under /api. */
export function routeUrl<K extends OperationId>(id: K, params: Params<K>, query?: Record<string, string | number | boolean | null | undefined>): string {
  const { path } = splitAddress(apiRoutes[id]);
  const values = params as Record<string, string>;
  const filled = path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(values[name] ?? ''));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  const qs = search.toString();
  return `/api${filled}${qs ? `?${qs}` : ''}`;
}

/**
 * Calls a route of the API contract by its operationId: `call('proposeTopic', { params:
 * { trajectoryId }, body })`. Parameters, body and answer are typed by the contract.
 */
export function call<K extends OperationId>(id: K, input: CallInput<K>, signal?: AbortSignal): Promise<CallResult<K>> {
  const { method } = splitAddress(apiRoutes[id]);
  const { params, query, body } = input as { params?: Params<K>; query?: Record<string, string | number | boolean | null | undefined>; body?: unknown };
  return request<CallResult<K>>(method, routeUrl(id, (params ?? {}) as Params<K>, query), body, signal);
}
