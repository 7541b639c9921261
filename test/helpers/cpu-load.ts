import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';

/**
 * Deliberate CPU load: child processes that each keep one core busy, for tests that must also hold
 * on a busy machine (CI shares its machine). Each spinner ends itself when its parent is gone, so a
 * crashed test run leaves none behind.
 */
export interface CpuLoad {
  pids: number[];
  stop(): Promise<void>;
}

const spinner = `
  const parent = process.ppid;
  for (let i = 1; ; i++) {
    if (i % 50_000_000 === 0) {
      try { process.kill(parent, 0); } catch { process.exit(0); }
    }
  }
`;

export function startCpuLoad(cores = 1): CpuLoad {
  const children: ChildProcess[] = [];
  for (let i = 0; i < cores; i++) children.push(spawn(process.execPath, ['-e', spinner], { stdio: 'ignore' }));
  return {
    pids: children.map((c) => c.pid!),
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGKILL');
            }),
        ),
      );
    },
  };
}

/**
 * With TEST_CPU_LOAD=<cores> (e.g. `npm run test:under-load`), keeps that many cores busy for the
 * whole test file: started before its first test, stopped after its last.
 */
export function cpuLoadWhenAsked(): void {
  const asked = Number(process.env.TEST_CPU_LOAD ?? 0);
  if (!Number.isInteger(asked) || asked <= 0) return;
  let load: CpuLoad | undefined;
  beforeAll(() => {
    load = startCpuLoad(asked);
  });
  afterAll(async () => {
    await load?.stop();
  });
}
