/**
 * Bundles the server and the operator scripts into dist/ with esbuild, so that production runs
 * them with plain `node`: our own TypeScript (server/, shared/, scripts/) is compiled in, every
 * package stays an import from node_modules (installed by `npm ci --omit=dev`).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { root } from './build-state.mjs';

/** Entry points: the server, and the scripts an operator runs on a production install. */
export const serverEntries = {
  'server/main': 'server/main.ts',
  'scripts/admin-create': 'scripts/admin-create.ts',
  'scripts/audit-verify': 'scripts/audit-verify.ts',
  'scripts/migrate-local-database': 'scripts/migrate-local-database.ts',
  'scripts/export-trajectory': 'scripts/export-trajectory.ts',
  'scripts/import-trajectory': 'scripts/import-trajectory.ts',
  'scripts/install-local-database': 'scripts/install-local-database.ts',
} as const;

export async function buildServer(): Promise<void> {
  rmSync(path.join(root, 'dist', 'server'), { recursive: true, force: true });
  rmSync(path.join(root, 'dist', 'scripts'), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(serverEntries).map(([out, source]) => [out, path.join(root, source)])),
    outdir: path.join(root, 'dist'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    // For stack traces in the logs; dist/server is never served.
    sourcemap: true,
    logLevel: 'warning',
  });
}
