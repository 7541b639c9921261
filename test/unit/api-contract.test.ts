import express from 'express';
import { describe, expect, it } from 'vitest';
import { apiContract } from '../../shared/api/contract';
import { apiRoutes, type OperationId } from '../../shared/api/routes';
import { openApiDocument } from '../../server/api/openapi';
import { mountRoutes, withContract } from '../../server/api/route-table';
import { routeTable } from '../../server/api/routes';
import { loadConfig } from '../../server/config';
import type { Services } from '../../server/services';

const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'test-only-secret-of-at-least-32-characters', DEMO: '0' });
const table = routeTable(config);

/** What Express really mounted: `METHOD /path` per route layer of the router. */
function mountedAddresses(): string[] {
  const router = express.Router();
  // Handlers are built, not run: the services are never reached.
  mountRoutes(router, {} as Services, table);
  return router.stack.flatMap((layer) => {
    const route = layer.route as { path: string; methods: Record<string, boolean> } | undefined;
    return route ? Object.keys(route.methods).map((m) => `${m.toUpperCase()} ${route.path}`) : [];
  });
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: Array<{ name: string; in: string }>;
}

describe('the API contract (shared/api)', () => {
  it('has every mounted route, and every route of the contract is mounted once', () => {
    const mounted = mountedAddresses();
    const contracted = new Set<string>(Object.values(apiRoutes));
    expect(mounted.filter((a) => !contracted.has(a)), 'mounted routes missing from shared/api/routes.ts').toEqual([]);
    expect([...contracted].filter((a) => !mounted.includes(a)), 'contract routes the server does not mount').toEqual([]);
    expect(new Set(mounted).size, 'an address mounted twice').toBe(mounted.length);
    expect(new Set(table.map((r) => r.operationId)).size, 'an operationId served twice').toBe(table.length);
    expect(Object.keys(apiContract).sort()).toEqual(Object.keys(apiRoutes).sort());
  });

  it('takes the schemas the operations parse with', () => {
    for (const route of table.map(withContract)) {
      const { doc, operation, operationId } = route;
      if (doc.upload || route.input) continue;
      const declared = doc.query ?? doc.body;
      if (declared) expect(operation.body, `${operationId}: the contract's ${doc.query ? 'query' : 'body'} is the operation's body schema`).toBe(declared);
      else expect(operation.body.safeParse({}).success, `${operationId} takes input the contract does not name`).toBe(true);
    }
  });

  it('is the OpenAPI document: every mounted route with its operationId and its query parameters', () => {
    const document = openApiDocument(table, 'test') as { paths: Record<string, Record<string, OpenApiOperation>> };
    for (const address of mountedAddresses()) {
      const [method, path] = address.split(' ') as [string, string];
      const documented = document.paths[`/api${path.replace(/:(\w+)/g, '{$1}')}`]?.[method.toLowerCase()];
      expect(documented, `${address} is in the OpenAPI document`).toBeDefined();
      const operationId = Object.entries(apiRoutes).find(([, a]) => a === address)?.[0];
      expect(documented!.operationId, `${address} has its operationId`).toBe(operationId);
    }
    const ids = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);

    const queryOf = (id: OperationId) => {
      const { method, path } = withContract({ operationId: id, operation: table[0]!.operation });
      return (document.paths[`/api${path.replace(/:(\w+)/g, '{$1}')}`]?.[method]?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    };
    expect(queryOf('searchTrajectory')).toEqual(expect.arrayContaining(['q']));
    expect(queryOf('listComments')).toEqual(expect.arrayContaining(['clauseId', 'status']));
    expect(queryOf('listAttachments')).toEqual(expect.arrayContaining(['parentKind', 'parentId']));
    // Every route with a query schema documents each of its fields.
    for (const [id, doc] of Object.entries(apiContract) as Array<[OperationId, { query?: unknown }]>) {
      if (doc.query) expect(queryOf(id).length, `${id} lists its query parameters`).toBeGreaterThan(0);
    }
  });
});
