import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rename, rm, writeFile, chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findExecutable } from './executables';

const ferretdbVersion = 'v1.24.2';
const ferretdbModule = 'github.com/FerretDB/FerretDB';

export type Progress = (message: string) => void;

/** Where the cached binary lives: one file per version, so an upgrade never runs a stale build. */
export function ferretdbBinaryPath(cacheDir: string): string {
  return path.join(cacheDir, 'bin', `ferretdb-${ferretdbVersion}`);
}

export function findGo(): string | undefined {
  return findExecutable('go', ['/usr/local/go/bin', path.join(process.env.HOME ?? '/root', 'go', 'bin')]);
}

/**
 * Builds FerretDB from its published Go module, once, into the cache folder.
 *
 * Why not plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: the module
 * as published lacks build/version/version.txt, which FerretDB's own start-up requires
 * when it is the main module, so such a binary panics at start; and `go install pkg@version`
 * also asks the module proxy for the version list, which some mirrors refuse. So we fetch the
 * exact module with `go mod download`, write that one file, and `go build` it. Same source,
 * same version, and the build is checked by running `--version` before it is put in place.
 */
export async function installFerretdb(cacheDir: string, progress: Progress): Promise<string> {
  const go = findGo();
  if (!go) throw new Error('Go is not installed');
  const target = ferretdbBinaryPath(cacheDir);
  await mkdir(path.dirname(target), { recursive: true });
  const work = await mkdtemp(path.join(cacheDir, 'build-'));
  const started = Date.now();
  const ticker = setInterval(() => progress(`still building FerretDB (${Math.round((Date.now() - started) / 1000)} s)…`), 15_000);
  try {
    const env = { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', CGO_ENABLED: '0' };
    progress(`Installing FerretDB ${ferretdbVersion} once into ${path.dirname(target)} (this takes a few minutes)…`);
    progress('step 1 of 2: downloading the FerretDB module…');
    const info = await run(go, ['mod', 'download', '-json', `${ferretdbModule}@${ferretdbVersion}`], { cwd: work, env }, progress);
    const dir = (JSON.parse(info) as { Dir?: string; Error?: string }).Dir;
    if (!dir || !existsSync(dir)) throw new Error(`go mod download did not produce the module: ${info.slice(0, 300)}`);
    const src = path.join(work, 'src');
    await cp(dir, src, { recursive: true });
    await chmodTree(src);
    await writeFile(path.join(src, 'build', 'version', 'version.txt'), `${ferretdbVersion}\n`);
    progress('step 2 of 2: compiling FerretDB…');
    const built = path.join(work, 'ferretdb');
    await run(go, ['build', '-trimpath', '-o', built, './cmd/ferretdb'], { cwd: src, env }, progress);
    const version = await run(built, ['--version'], { cwd: work, env }, () => {});
    if (!version.includes(ferretdbVersion)) throw new Error(`the built FerretDB reports another version: ${version.trim()}`);
    await rename(built, target);
    progress(`FerretDB ${ferretdbVersion} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
    return target;
  } finally {
    clearInterval(ticker);
    await rm(work, { recursive: true, force: true }).catch(() => {});
  }
}

/** Module cache files are read-only; the copy must be writable to add version.txt and to be removed later. */
async function chmodTree(dir: string): Promise<void> {
  const { readdir } = await import('node:fs/promises');
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) await chmodTree(p);
    else await chmod(p, 0o644);
  }
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  progress: Progress,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      // Go reports each module it fetches; pass those on as progress.
      for (const line of d.toString().split('\n')) if (line.startsWith('go: downloading')) progress(line.trim());
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${path.basename(command)} ${args[0]} failed (exit ${code}): ${err.trim().split('\n').slice(-5).join(' | ')}`)),
    );
  });
}
