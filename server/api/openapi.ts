import { z } from 'zod';
import { errorBodySchema } from '../../shared/schemas/acknowledgement';
import { httpStatusByCode } from '../../shared/domain/errors';
import type { RouteTable } from './route-table';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  } catch {
    return {};
  }
}

/** The OpenAPI 3.1 document, generated from the same route table and zod schemas the server runs on. */
export function openApiDocument(table: RouteTable, version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = { content: { 'application/json': { schema: { type: 'object', properties: { error: jsonSchema(errorBodySchema, 'output') }, required: ['error'] } } } };
  for (const route of table) {
    const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
    const parameters = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const hasBody = route.method !== 'get' && route.method !== 'delete';
    const status = String(route.status ?? 200);
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(hasBody ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.operation.body, 'input') } } } } : {}),
      ...(route.public ? { security: [] } : {}),
      responses: {
        [status]: route.response ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } } : { description: 'OK' },
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
  };
}
