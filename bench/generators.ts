import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { root } from './proc';

/** A load generator process, asked and answered over IPC. */
export interface Generator {
  /** The process id, to read its CPU time from /proc. */
  pid: number;
  ask<T = unknown>(message: { type: string } & Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export function startGenerator(script: 'load-edit.ts' | 'load-vote.ts' | 'load-author.ts'): Generator {
  const child: ChildProcess = fork(path.join(root, 'bench', script), [], { cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.ok) w.resolve(m.result);
    else w.reject(new Error(`${script}: ${m.error}`));
  });
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`${script} exited with ${code}`));
    waiting.clear();
  });
  return {
    pid: child.pid!,
    ask: <T>(message: { type: string } & Record<string, unknown>) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ ...message, id });
      }),
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ type: 'close', id: -1 });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Splits `items` over `n` groups, round robin. */
export function spread<T>(items: T[], n: number): T[][] {
  const groups: T[][] = Array.from({ length: n }, () => []);
  items.forEach((item, i) => groups[i % n]!.push(item));
  return groups.filter((g) => g.length > 0);
}
