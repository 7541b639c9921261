import express, { type Router } from 'express';

/**
 * GET /theme.css: a region's own colours (THEME_CSS, read once at start-up), loaded by index.html
 * after the base theme. The base theme's tokens sit in a cascade layer, so the region's plain
 * `:root { --dialoogtafel-… }` rules win whatever the load order. Without THEME_CSS the file is
 * empty, so the page never asks for a missing stylesheet. Same origin, so the CSP allows it.
 */
export function themeCss(css: string | undefined): Router {
  const router = express.Router();
  const body = css ?? '/* No THEME_CSS set: the neutral Dialoogtafel theme applies. */\n';
  router.get('/theme.css', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/css').send(body);
  });
  return router;
}
