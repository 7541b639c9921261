import path from 'node:path';
import { root, staleParts } from './build-state.mjs';
import { buildServer } from './build-server';

/** Builds the client with Vite; Vite prints its own progress. */
export async function buildClient(options: { quiet?: boolean } = {}): Promise<void> {
  const { build } = await import('vite');
  if (!options.quiet) process.stderr.write('Building the client…\n');
  // Always a production bundle, whatever NODE_ENV the caller runs under (vitest sets `test`);
  // and the caller's NODE_ENV is restored afterwards, since Vite changes it in this process.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: options.quiet ? 'warn' : 'info' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * Builds what is stale: the client with Vite, the server bundle (dist/server, dist/scripts) with
 * esbuild. The tests call this once per run, so every server they start from dist/ is current.
 * Returns true when anything was built.
 */
export async function ensureClientBuild(options: { quiet?: boolean } = {}): Promise<boolean> {
  const stale = staleParts();
  if (stale.includes('client')) await buildClient(options);
  if (stale.includes('server')) {
    if (!options.quiet) process.stderr.write('Bundling the server…\n');
    await buildServer();
  }
  return stale.length > 0;
}
