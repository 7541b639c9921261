/**
 * Whether dist/ holds a current build, in plain JavaScript: `npm start` asks before anything else,
 * with no TypeScript loader, and a production install (no development packages) asks too.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

/** Each part of the build: the file that marks it built and the sources it is built from. */
export const buildParts = {
  client: { output: 'dist/client/index.html', sources: ['client', 'shared', 'vite.config.ts', 'package-lock.json'] },
  server: { output: 'dist/server/main.js', sources: ['server', 'shared', 'scripts', 'package-lock.json'] },
};

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** The parts whose output is missing. */
export function missingParts() {
  return Object.keys(buildParts).filter((part) => !existsSync(path.join(root, buildParts[part].output)));
}

/** The parts whose output is missing or older than any of their sources. */
export function staleParts() {
  return Object.keys(buildParts).filter((part) => {
    const output = path.join(root, buildParts[part].output);
    if (!existsSync(output)) return true;
    const built = statSync(output).mtimeMs;
    return buildParts[part].sources.some((source) => newestMtime(path.join(root, source)) > built);
  });
}

/** True when the development packages that build (vite, esbuild, tsx) are installed. */
export function buildToolsInstalled() {
  return ['vite', 'esbuild', 'tsx'].every((name) => existsSync(path.join(root, 'node_modules', name, 'package.json')));
}
