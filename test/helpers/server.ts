import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { copyDemoTemplate, templateServes } from './demo-template';

const root = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** The database this server uses; pass it to the next startServer to restart on the same data. */
  mongoUri: string | undefined;
  dataDir: string;
  process: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** Parsed JSON log lines so far. */
  logs(): Array<Record<string, unknown>>;
  /** Sends SIGTERM (or the given signal) and resolves with the exit code once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** SIGKILL, as a crash. */
  kill(): Promise<void>;
}

/** A database name of its own on the test run's database server: fresh data for a test file. */
export function freshDatabaseUri(): string {
  return `${inject('mongoBaseUri')}/test_${randomBytes(6).toString('hex')}`;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  /** Defaults to a fresh database; pass `null` to let the server start its own local database. */
  mongoUri?: string | null;
  dataDir?: string;
  /** The command to run; defaults to the server entry. */
  command?: string[];
  timeoutMs?: number;
}

/** Starts the real server as its own process on a free port and waits until it listens. */
/** A server starts in a few seconds; on a machine busy with other test files it may take much longer, and that is no failure. */
const defaultStartTimeoutMs = 90_000;

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const mongoUri = options.mongoUri === undefined ? freshDatabaseUri() : (options.mongoUri ?? undefined);
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'dialoogtafel-data-'));
  // A fresh demo server starts on a copy of the run's seeded demo rather than seeding it again.
  const template = inject('demoTemplate');
  if (options.mongoUri === undefined && options.dataDir === undefined && options.command === undefined && templateServes(template, options.env ?? {})) {
    await copyDemoTemplate(template, mongoUri!, dataDir);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    DEMO: '0',
    MONGODB_URI: mongoUri,
    PUBLIC_URL: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const command = options.command ?? [process.execPath, '--import', 'tsx', 'server/main.ts'];
  const child = spawn(command[0]!, command.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const logs: Array<Record<string, unknown>> = [];
  let buffered = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${options.timeoutMs ?? defaultStartTimeoutMs} ms:\n${output}`)), options.timeoutMs ?? defaultStartTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry.event === 'listening') {
            clearTimeout(timer);
            resolve(entry.port as number);
          }
        } catch {
          // not a log line
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    mongoUri,
    dataDir,
    process: child,
    output: () => output,
    logs: () => logs,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls `check` until it returns true or the time is up. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** True while a process with this pid exists (and is not a zombie). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}
