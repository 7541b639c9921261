import express, { Router } from 'express';
import type { Services } from '../services';
import { authenticateRequest } from '../http/authenticate-request';
import { apiNotFound } from '../http/error-handler';
import { sameOriginWrites } from '../http/same-origin';
import { openApiDocument } from './openapi';
import { mountRoutes } from './route-table';
import { routeTable } from './routes';

const version = process.env.npm_package_version ?? '0.1.0';

/** Everything under /api: JSON in, JSON out, with a body limit; each route asks its operation's policy. */
export function apiRouter(services: Services): Router {
  const router = Router();
  const table = routeTable(services.config, services.redis?.command ?? null);
  const openapi = openApiDocument(table, version);
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use(sameOriginWrites(() => services.config.publicUrl, services.config.allowedOrigins));
  router.use(express.json({ limit: '256kb', strict: true }));
  router.get('/version', (_req, res) => void res.json({ name: 'dialoogtafel', version }));
  router.get('/openapi.json', (_req, res) => void res.json(openapi));
  router.use(authenticateRequest(services));
  mountRoutes(router, services, table);
  router.use(apiNotFound);
  return router;
}
