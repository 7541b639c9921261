import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A server under benchmark: a child process with the event-loop-delay preload on an IPC channel. */
export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  child: ChildProcess;
  output(): string;
  eventLoopDelay(): Promise<EventLoopDelay | null>;
  resetEventLoopDelay(): void;
  stop(): Promise<void>;
}

export interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
}

const preload = path.join(root, 'bench/eld-preload.mjs');
const startTimeoutS = Number(process.env.BENCH_START_TIMEOUT_S ?? 300);

/** Starts `args` under node with the preload and waits until `ready(output)` gives the port. */
export async function startServerProcess(name: string, args: string[], env: NodeJS.ProcessEnv, ready: (output: string) => number | undefined): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', preload, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    // A bound, not a measurement: on a busy machine a server seeding the demo takes minutes to start.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${startTimeoutS} s:\n${output.slice(-4000)}`));
    }, startTimeoutS * 1000);
    const onData = (chunk: Buffer) => {
      // Keep only the tail: a server under load may log a lot.
      output = (output + chunk.toString()).slice(-2_000_000);
      const found = ready(output);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    output: () => output,
    resetEventLoopDelay: () => child.connected && child.send({ type: 'eld-reset' }),
    eventLoopDelay: () =>
      new Promise((resolve) => {
        if (!child.connected) return resolve(null);
        const timer = setTimeout(() => resolve(null), 5000);
        const onMessage = (m: { type?: string } & EventLoopDelay) => {
          if (m?.type !== 'eld') return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve({ p50: m.p50, p99: m.p99, max: m.max });
        };
        child.on('message', onMessage);
        child.send({ type: 'eld-read' });
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** CPU time (user + system, in seconds) and resident memory (bytes) of a process, from /proc. */
export function processStats(pid: number): { cpuSeconds: number; rssBytes: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, rssBytes: rssKb * 1024 };
}

/** Samples a process while a step runs: CPU share over the step and the highest resident memory. */
export class ProcessSampler {
  private readonly start: { cpuSeconds: number; rssBytes: number };
  private readonly startedAt = performance.now();
  private peakRss: number;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.start = processStats(pid);
    this.peakRss = this.start.rssBytes;
    this.timer = setInterval(() => {
      try {
        this.peakRss = Math.max(this.peakRss, processStats(pid).rssBytes);
      } catch {
        // the process ended
      }
    }, 250);
  }

  finish(): { cpuPercent: number; peakRssBytes: number } {
    clearInterval(this.timer);
    const end = processStats(this.pid);
    const seconds = (performance.now() - this.startedAt) / 1000;
    return { cpuPercent: Math.round(((end.cpuSeconds - this.start.cpuSeconds) / seconds) * 1000) / 10, peakRssBytes: Math.max(this.peakRss, end.rssBytes) };
  }
}

/** The whole machine's CPU over a step, from /proc/stat: 100% = every core busy (whoever uses it). */
export class MachineSampler {
  private readonly start = MachineSampler.read();

  private static read(): { busy: number; total: number } {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.reduce((n, v) => n + v, 0);
    return { busy: total - idle, total };
  }

  finish(): number {
    const end = MachineSampler.read();
    const total = end.total - this.start.total;
    return total > 0 ? Math.round(((end.busy - this.start.busy) / total) * 1000) / 10 : 0;
  }
}

/**
 * The child side of a load generator: answers each message of the bench process with what
 * `handle` made of it; `close` ends the process shortly after its answer has gone out.
 */
export function answerParent<M extends { type: string }>(handle: (message: M) => Promise<unknown>): void {
  process.on('message', (message: M & { id: number }) => {
    handle(message).then(
      (result) => {
        process.send!({ id: message.id, ok: true, result });
        if (message.type === 'close') setTimeout(() => process.exit(0), 100);
      },
      (error: Error) => process.send!({ id: message.id, ok: false, error: error.message }),
    );
  });
}
