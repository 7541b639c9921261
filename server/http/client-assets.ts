import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Router } from 'express';
import { projectRoot } from '../paths';

const clientDistDir = path.join(projectRoot, 'dist', 'client');

/**
 * Serves the built client; any other GET that is not the API falls back to index.html so
 * the client's router handles deep links. Files under /assets carry a content hash in their
 * name, so they are cached for a year and never asked for again; index.html is revalidated on
 * every visit, so a new release is picked up at once. The build emits no source maps.
 *
 * Only the client's files are compressed: they are most of the bytes, and compressing API
 * answers that carry secrets beside reflected input would invite BREACH-style guessing.
 */
export function clientAssets(): Router {
  const router = express.Router();
  const indexHtml = path.join(clientDistDir, 'index.html');
  router.use(compression());
  router.use(
    '/assets',
    express.static(path.join(clientDistDir, 'assets'), { immutable: true, maxAge: '365d' }),
    // A file that is not there (an old release's chunk, a source map) is a plain 404, never index.html.
    (_req, res) => void res.status(404).type('text/plain').send('Not found'),
  );
  router.use(express.static(clientDistDir, { index: false, maxAge: 0 }));
  router.get(/.*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    if (!existsSync(indexHtml)) {
      res.status(503).type('text/plain').send('The client has not been built yet. Run `npm start` or `npm run build`.');
      return;
    }
    res.sendFile(indexHtml, { cacheControl: false, headers: { 'Cache-Control': 'no-cache' } });
  });
  return router;
}
