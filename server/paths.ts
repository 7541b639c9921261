import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's root, where package.json is. Code runs both from source (server/… under tsx) and
 * bundled (dist/server/main.js), so a path relative to the running file differs between the two;
 * anything that reads a file of the project resolves it from here instead.
 */
export const projectRoot = findProjectRoot(import.meta.dirname);

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, '../..');
  }
}
