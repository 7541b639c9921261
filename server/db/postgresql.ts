import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, chmodSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Progress } from './ferretdb-install';
import type { PostgresqlBinaries } from './postgresql-binaries';
import { indexTwinSettings, installIndexTwins } from './postgresql-indexes';
import { spawnTied, stopChild } from './tied-process';

export interface PostgresqlServer {
  /** The folder holding the server's unix socket; PostgreSQL listens on nothing else. */
  socketDir: string;
  /** A connection URL for FerretDB (pgx): superuser over the unix socket, database `postgres`. */
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

export class PostgresqlUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresqlUnavailable';
  }
}

/** PostgreSQL refuses to run as root; as root we run it as this system user (created when missing). */
const serviceUser = 'postgres';
/** Bytes a unix socket path may have (sun_path), minus the file name `.s.PGSQL.5432`. */
const maxSocketDirLength = 100 - '/.s.PGSQL.5432'.length;

/**
 * Starts PostgreSQL on `DATA_DIR/postgresql/data` (created with initdb on first use), listening on a
 * unix socket in a folder only its user (and root) may enter, and on no TCP port at all. It runs as
 * the unprivileged `postgres` user when we are root, and stops when this process dies: the kernel
 * sends it SIGINT (PostgreSQL's fast shutdown) through `setpriv --pdeathsig`.
 */
export async function startPostgresql(options: { dataDir: string; binaries: PostgresqlBinaries; progress: Progress }): Promise<PostgresqlServer> {
  const { binaries, progress } = options;
  const root = path.join(options.dataDir, 'postgresql');
  const pgdata = path.join(root, 'data');
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const user = runAs(root, binaries.postgres);
  if (user) chownSync(root, user.uid, user.gid);
  chmodSync(root, 0o700);

  if (!existsSync(path.join(pgdata, 'PG_VERSION'))) await initdb(root, pgdata, binaries, user, progress);
  const major = readFileSync(path.join(pgdata, 'PG_VERSION'), 'utf8').trim();
  if (major !== binaries.version.split('.')[0]) {
    throw new PostgresqlUnavailable(
      `The local database in ${pgdata} was made by PostgreSQL ${major}, but this installation has PostgreSQL ${binaries.version}. ` +
        `Export it with the older version (npm run export) or set LOCAL_DATABASE=sqlite.`,
    );
  }
  await clearStaleLock(pgdata);

  const { dir: socketDir, temporary } = socketFolder(root, user);
  const args = [
    '-D',
    pgdata,
    '-c',
    'listen_addresses=',
    '-c',
    `unix_socket_directories=${socketDir}`,
    '-c',
    'unix_socket_permissions=0700',
    '-c',
    'lc_messages=C',
    // FerretDB opens a pool of connections per client; room for several servers and tests.
    '-c',
    'max_connections=200',
    // A commit returns once its WAL record is written by the WAL writer within 20 ms, not after
    // its own fsync: each write costs ~1 ms instead of ~7 ms here (bench/backends.ts). What this
    // risks is the last ~60 ms of commits on power loss or a crash of PostgreSQL itself, never
    // corruption; when the server stops or dies, PostgreSQL gets SIGINT and flushes everything.
    '-c',
    'synchronous_commit=off',
    '-c',
    'wal_writer_delay=20ms',
    ...indexTwinSettings.flatMap((setting) => ['-c', setting]),
  ];
  const started = Date.now();
  const ticker = setInterval(() => progress(`still starting the local database (PostgreSQL ${binaries.version}, ${Math.round((Date.now() - started) / 1000)} s)…`), 5000);
  try {
    for (let attempt = 1; ; attempt++) {
      const child = spawnTied(binaries.postgres, args, { deathSignal: 'INT', setprivArgs: user?.setprivArgs, env: childEnv() });
      let log = '';
      const ready = new Promise<void>((resolve, reject) => {
        child.stderr?.on('data', (d: Buffer) => {
          log = (log + d.toString()).slice(-8000);
          if (log.includes('database system is ready to accept connections')) resolve();
        });
        child.stdout?.on('data', () => {});
        child.once('exit', (code, signal) => reject(new Error(`PostgreSQL stopped at start (${signal ?? `exit ${code}`}): ${lastLines(log)}`)));
        child.once('error', reject);
      });
      ready.catch(() => {}); // a later exit is handled by whoever stops it
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within 120 s: ${lastLines(log)}`)), 120_000);
      });
      try {
        await Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
        // Only speed depends on it, so a failure is reported and the database used as it is.
        await installIndexTwins(socketDir).catch((error: Error) => progress(`Note: PostgreSQL indexes for FerretDB's filters were not installed: ${error.message}`));
        // Keep reading its log so the pipe never fills up and blocks the server.
        return {
          socketDir,
          url: `postgres://postgres@/postgres?host=${encodeURIComponent(socketDir)}`,
          pid: child.pid,
          stop: async () => {
            await stopChild(child, 'SIGINT', 20_000);
            if (temporary) rmSync(socketDir, { recursive: true, force: true });
          },
        };
      } catch (error) {
        await stopChild(child, 'SIGINT', 5000);
        // A server that died a moment ago may still hold its shared memory; that passes within seconds.
        const transient = /already exists|still in use|could not create/i.test(log);
        if (!transient || attempt >= 5) throw new PostgresqlUnavailable((error as Error).message);
        await new Promise((r) => setTimeout(r, 1000 * attempt));
      }
    }
  } finally {
    clearInterval(ticker);
  }
}

interface RunAsUser {
  uid: number;
  gid: number;
  setprivArgs: string[];
}

/**
 * Who runs PostgreSQL: ourselves, or when we are root, the `postgres` system user. That user
 * must reach the binaries (in node_modules) and DATA_DIR; under a private home such as /root it
 * cannot, so then it gets only the capability to look into folders (CAP_DAC_READ_SEARCH; else
 * CAP_DAC_OVERRIDE), nothing else. Its own folder is then the only one it can write to.
 */
function runAs(root: string, postgres: string): RunAsUser | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const ids = userIds(serviceUser) ?? createServiceUser();
  const base = [`--reuid=${ids.uid}`, `--regid=${ids.gid}`, '--clear-groups'];
  const reachable = spawnSync('setpriv', [...base, '--', '/bin/sh', '-c', 'test -x "$0" && test -x "$1"', postgres, path.dirname(root)], { stdio: 'ignore' });
  if (reachable.status === 0) return { ...ids, setprivArgs: base };
  const capability = boundingCapability();
  if (!capability) {
    throw new PostgresqlUnavailable(
      `The local database runs as the user "${serviceUser}", who cannot reach ${path.dirname(root)} or ${path.dirname(postgres)}. ` +
        'Make those folders readable for that user, or set DATA_DIR to a folder it can reach.',
    );
  }
  return { ...ids, setprivArgs: [...base, `--inh-caps=+${capability}`, `--ambient-caps=+${capability}`] };
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
    const gid = Number(execFileSync('id', ['-g', name], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

function createServiceUser(): { uid: number; gid: number } {
  const created = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', serviceUser], {
    encoding: 'utf8',
  });
  const ids = userIds(serviceUser);
  if (!ids) throw new PostgresqlUnavailable(`PostgreSQL cannot run as root and the user "${serviceUser}" could not be created: ${(created.stderr || created.error?.message || '').trim()}`);
  return ids;
}

/** The capability that lets the database user look into folders it does not own, if we may hand it on. */
function boundingCapability(): string | undefined {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('CapBnd:'));
  const bits = BigInt(`0x${line?.split(/\s+/)[1] ?? '0'}`);
  if (bits & (1n << 2n)) return 'dac_read_search';
  if (bits & (1n << 1n)) return 'dac_override';
  return undefined;
}

async function initdb(root: string, pgdata: string, binaries: PostgresqlBinaries, user: RunAsUser | undefined, progress: Progress): Promise<void> {
  progress(`Creating the local database (PostgreSQL ${binaries.version}) in ${pgdata}…`);
  const started = Date.now();
  // Built beside its final place and renamed when complete, so an interrupted initdb leaves no half
  // cluster. --no-sync: the kernel writes the new files out within seconds; fsyncing each of them
  // here took 3 of initdb's 4 s.
  const building = path.join(root, 'data.creating');
  rmSync(building, { recursive: true, force: true });
  const args = ['-D', building, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions', '--no-sync'];
  const command = user ? 'setpriv' : binaries.initdb;
  const result = spawnSync(command, user ? [...user.setprivArgs, '--', binaries.initdb, ...args] : args, { encoding: 'utf8', env: childEnv() });
  if (result.status !== 0) {
    rmSync(building, { recursive: true, force: true });
    throw new PostgresqlUnavailable(`initdb failed: ${lastLines(`${result.stdout ?? ''}\n${result.stderr ?? ''}${result.error?.message ?? ''}`)}`);
  }
  renameSync(building, pgdata);
  progress(`Local database created in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/**
 * A server killed without a clean stop leaves `postmaster.pid`. PostgreSQL removes it itself
 * when that pid is gone, but refuses when the pid now belongs to an unrelated process, which
 * happens in containers. If the pid is a PostgreSQL on this very folder (the previous server's,
 * still shutting down after its parent died), wait for it to end.
 */
async function clearStaleLock(pgdata: string): Promise<void> {
  const lockFile = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const deadline = Date.now() + 30_000;
  for (;;) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      return; // that process is gone; PostgreSQL will clean up
    }
    if (!cmdline.includes(pgdata)) {
      unlinkSync(lockFile);
      return;
    }
    if (Date.now() > deadline) {
      throw new PostgresqlUnavailable(`Another server already uses the local database in ${pgdata} (PostgreSQL pid ${pid}). Stop it first.`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `DATA_DIR/postgresql/run`, or a fresh folder in the temp folder when that path is too long for a socket. */
function socketFolder(root: string, user: RunAsUser | undefined): { dir: string; temporary: boolean } {
  let dir = path.join(root, 'run');
  const temporary = dir.length > maxSocketDirLength;
  if (temporary) dir = mkdtempSync(path.join(os.tmpdir(), 'dialoogtafel-pg-'));
  else mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
  return { dir, temporary };
}

function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: 'C', LANG: 'C' };
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-4).join(' | ');
}
