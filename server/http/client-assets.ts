import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

export const clientDistDir = path.resolve(import.meta.dirname, '../../dist/client');

/**
 * Serves the built client; any other GET that is not the API falls back to index.html so
 * the client's router handles deep links. Hashed assets are cached for a year.
 */
export function clientAssets(): Router {
  const router = express.Router();
  const indexHtml = path.join(clientDistDir, 'index.html');
  router.use(
    '/assets',
    express.static(path.join(clientDistDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.use(express.static(clientDistDir, { index: false, maxAge: 0 }));
  router.get(/.*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    if (!existsSync(indexHtml)) {
      res.status(503).type('text/plain').send('The client has not been built yet. Run `npm start` or `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
