import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { findExecutable } from './executables';
import { ferretdbBinaryPath, findGo, installFerretdb, type Progress } from './ferretdb-install';
import { findFreePort, waitForPort } from './free-port';

export interface LocalDatabase {
  kind: 'mongod' | 'ferretdb';
  /** Connection string without a database name, e.g. mongodb://127.0.0.1:41234 */
  uri: string;
  pid: number | undefined;
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
}

/**
 * Starts the database Dialoogtafel uses when no MONGODB_URI is set: a `mongod` on the PATH,
 * else FerretDB on SQLite (built once with Go when missing). It listens on 127.0.0.1 only,
 * keeps its data in DATA_DIR and ends when this process ends, also when this process is killed.
 */
export async function startLocalDatabase(options: LocalDatabaseOptions): Promise<LocalDatabase> {
  const mongod = findExecutable('mongod');
  if (mongod) {
    const dbPath = path.join(options.dataDir, 'mongod');
    mkdirSync(dbPath, { recursive: true });
    return launch('mongod', options.port, mongod, (port) => ['--dbpath', dbPath, '--bind_ip', '127.0.0.1', '--port', String(port), '--quiet']);
  }
  const ferretdb = await ensureFerretdb(options);
  const dir = path.join(options.dataDir, 'ferretdb');
  mkdirSync(dir, { recursive: true });
  return launch('ferretdb', options.port, ferretdb, (port) => [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/`,
    `--state-dir=${dir}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    '--debug-addr=-',
    '--log-level=warn',
    '--log-format=json',
  ]);
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
      return { kind, uri: `mongodb://127.0.0.1:${port}`, pid: child.pid, stop: () => stopChild(child) };
    } catch (error) {
      await stopChild(child);
      lastError = new Error(`${kind} did not start: ${(error as Error).message}. ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
    }
  }
  throw lastError;
}

const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Spawns the database so that it cannot outlive us. With `setpriv --pdeathsig` the kernel
 * sends it SIGTERM when our process dies for any reason, SIGKILL included; an exit hook
 * covers the ordinary ends where setpriv is missing.
 */
function spawnTied(binary: string, args: string[]): ChildProcess {
  const setpriv = findExecutable('setpriv');
  const child = setpriv
    ? spawn(setpriv, ['--pdeathsig', 'TERM', '--', binary, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  liveChildren.add(child);
  child.on('exit', () => liveChildren.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const c of liveChildren) c.kill('SIGTERM');
    });
  }
  return child;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
