import { spawn, type ChildProcess } from 'node:child_process';
import { findExecutable } from './executables';

export interface TiedOptions {
  /** The signal the kernel sends when this process dies: the one that makes the program stop cleanly and soon. */
  deathSignal?: 'TERM' | 'INT';
  /** Extra `setpriv` options placed before the program (e.g. to run it as another user). */
  setprivArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

const liveChildren = new Map<ChildProcess, NodeJS.Signals>();
let exitHookInstalled = false;

/**
 * Spawns a database process so that it cannot outlive us. With `setpriv --pdeathsig` the kernel
 * sends it a signal when our process dies for any reason, SIGKILL included; an exit hook covers
 * the ordinary ends where setpriv is missing. setpriv sets the death signal after changing user,
 * so it survives `--reuid` (a credential change would otherwise clear it) and then execs the program:
 * the child's pid is the program's.
 */
export function spawnTied(binary: string, args: string[], options: TiedOptions = {}): ChildProcess {
  const setpriv = findExecutable('setpriv');
  const signal = options.deathSignal ?? 'TERM';
  if (options.setprivArgs?.length && !setpriv) throw new Error('setpriv (util-linux) is needed to run the database as another user');
  const child = setpriv
    ? spawn(setpriv, [...(options.setprivArgs ?? []), '--pdeathsig', signal, '--', binary, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: options.env })
    : spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env });
  liveChildren.set(child, `SIG${signal}`);
  child.on('exit', () => liveChildren.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const [c, s] of liveChildren) c.kill(s);
    });
  }
  return child;
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Asks the process to stop with `signal` and waits; after `graceMs` it is killed. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> {
  if (!isRunning(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}
