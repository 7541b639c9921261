import { Router } from 'express';
import type { ReadinessResponse } from '../../shared/schemas/system';
import type { Database } from '../db/connection';

/** Liveness (the process answers) and readiness (the database answers) for load balancers and people. */
export function healthRoutes(database: Database): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const up = await database.isReady();
    const body: ReadinessResponse = { status: up ? 'ready' : 'unavailable', database: up ? 'up' : 'down' };
    res.setHeader('Cache-Control', 'no-store');
    res.status(up ? 200 : 503).json(body);
  });
  return router;
}
