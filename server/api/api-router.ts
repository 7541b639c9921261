import express, { Router } from 'express';
import { apiNotFound } from '../http/error-handler';

/** Everything under /api: JSON in, JSON out, with a body limit. Resource routers mount here. */
export function apiRouter(): Router {
  const router = Router();
  router.use(express.json({ limit: '256kb', strict: true }));
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.get('/version', (_req, res) => {
    res.json({ name: 'dialoogtafel', version: process.env.npm_package_version ?? '0.1.0' });
  });
  router.use(apiNotFound);
  return router;
}
