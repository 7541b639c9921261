import { z } from 'zod';
import { errorBodySchema } from '../../shared/schemas/acknowledgement';
import { httpStatusByCode } from '../../shared/domain/errors';
import { withContract, type RouteTable } from './route-table';
import { socketEventsDocument } from './socket-events-doc';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  } catch {
    return {};
  }
}

/** The query string's fields, one parameter each, from the query schema of the contract. */
function queryParameters(schema: z.ZodType): Array<Record<string, unknown>> {
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: (json.required ?? []).includes(name), schema: property }));
}

/**
 * The OpenAPI 3.1 document, generated from the same route table, API contract
 * (shared/api/contract.ts) and zod schemas the server runs on: every route with its operationId.
 */
export function openApiDocument(table: RouteTable, version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = { content: { 'application/json': { schema: { type: 'object', properties: { error: jsonSchema(errorBodySchema, 'output') }, required: ['error'] } } } };
  for (const route of table.map(withContract)) {
    const { doc } = route;
    const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
    const parameters = [
      ...[...route.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...(doc.query ? queryParameters(doc.query) : []),
    ];
    const body = doc.body ?? (route.method === 'get' || route.method === 'delete' || doc.upload ? undefined : route.operation.body);
    const requestBody = doc.upload
      ? { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }
      : body
        ? { required: true, content: { 'application/json': { schema: jsonSchema(body, 'input') } } }
        : undefined;
    const status = String(doc.status ?? 200);
    const response = doc.response instanceof z.ZodType ? doc.response : undefined;
    paths[path] ??= {};
    paths[path][route.method] = {
      operationId: route.operationId,
      summary: doc.summary,
      tags: [doc.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      ...(doc.public ? { security: [] } : {}),
      responses: {
        [status]: response ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(response, 'output') } } } : { description: 'OK' },
        ...Object.fromEntries(
          (['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'rate_limited'] as const).map((code) => [String(httpStatusByCode[code]), { description: code, ...errorResponse }]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Dialoogtafel API', version },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dt_session' } } },
    security: [{ session: [] }],
    paths,
    // The Socket.io events (shared/api/socket-contract.ts), AsyncAPI-like, beside the routes.
    'x-socket-events': socketEventsDocument(),
  };
}
