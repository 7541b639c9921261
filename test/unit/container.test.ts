import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };

interface Instruction {
  stage: string;
  keyword: string;
  args: string;
}

/** The Dockerfile's instructions with their stage, continuation lines joined, comments dropped. */
function dockerfile(): Instruction[] {
  const joined = read('Dockerfile').replace(/\\\n/g, ' ');
  const out: Instruction[] = [];
  let stage = '';
  for (const line of joined.split('\n')) {
    const m = line.trim().match(/^([A-Z]+)\s+(.*)$/);
    if (!m || line.trim().startsWith('#')) continue;
    const [, keyword, args] = m as unknown as [string, string, string];
    if (keyword === 'FROM') stage = args.match(/\bAS\s+(\S+)/i)?.[1] ?? args;
    out.push({ stage, keyword, args: args.trim() });
  }
  return out;
}

/** `npm ci …`, `npm run x`, `npm start` commands in a shell line. */
function npmCommands(line: string): string[] {
  return [...line.matchAll(/npm (ci(?: --omit=dev)?|run [\w:-]+|start)/g)].map((m) => m[1]!);
}

describe('the Dockerfile builds and starts with the package’s own scripts', () => {
  const instructions = dockerfile();
  const stages = [...new Set(instructions.map((i) => i.stage))];
  const runs = (stage: string) => instructions.filter((i) => i.stage === stage && i.keyword === 'RUN').flatMap((i) => npmCommands(i.args));

  it('has a build stage running npm ci and npm run build, and a runtime stage installing production packages only', () => {
    expect(stages).toEqual(['build', 'runtime']);
    expect(runs('build')).toEqual(['ci', 'run build']);
    expect(runs('runtime')).toEqual(['ci --omit=dev']);
    for (const command of [...runs('build'), ...runs('runtime')]) {
      const script = command.match(/^run ([\w:-]+)$/)?.[1];
      if (script) expect(pkg.scripts[script], `package.json has a "${script}" script`).toBeTruthy();
    }
  });

  it('starts with npm start, which runs dist/ with plain node', () => {
    const cmd = instructions.filter((i) => i.stage === 'runtime' && i.keyword === 'CMD');
    expect(cmd).toHaveLength(1);
    expect(JSON.parse(cmd[0]!.args)).toEqual(['npm', 'start']);
    expect(pkg.scripts.start).toBe('exec node scripts/start.mjs');
    expect(read('scripts/start.mjs')).toContain("'dist', 'server', 'main.js'");
    // No bundler or TypeScript loader at run time: they are development packages.
    for (const tool of ['vite', 'tsx', 'esbuild', '@vitejs/plugin-react']) {
      expect(pkg.dependencies[tool], tool).toBeUndefined();
      expect(pkg.devDependencies[tool], tool).toBeTruthy();
    }
  });

  it('copies every file the start and operator launchers import', () => {
    const copied = instructions
      .filter((i) => i.stage === 'runtime' && i.keyword === 'COPY' && !i.args.startsWith('--from'))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    for (const launcher of ['scripts/start.mjs', 'scripts/run.mjs']) {
      expect(copied).toContain(launcher);
      for (const m of read(launcher).matchAll(/from '\.\/([^']+)'/g)) expect(copied).toContain(`scripts/${m[1]}`);
    }
    expect(instructions.some((i) => i.stage === 'runtime' && i.keyword === 'COPY' && /--from=build \/app\/dist \.\/dist/.test(i.args))).toBe(true);
  });

  it('runs as an unprivileged user and checks /readyz', () => {
    const user = instructions.filter((i) => i.stage === 'runtime' && i.keyword === 'USER').map((i) => i.args);
    expect(user).toHaveLength(1);
    expect(user[0]).not.toMatch(/^(root|0)(:|$)/);
    const health = instructions.filter((i) => i.stage === 'runtime' && i.keyword === 'HEALTHCHECK');
    expect(health).toHaveLength(1);
    expect(health[0]!.args).toContain('/readyz');
  });

  it('.ci/run runs the same install and build on a fresh clone before the tests', () => {
    const ci = read('.ci/run');
    const commands = ci.split('\n').filter((l) => /^\s*npm /.test(l)).flatMap(npmCommands);
    expect(commands.indexOf('ci')).toBeGreaterThanOrEqual(0);
    expect(commands.indexOf('run build')).toBeGreaterThan(commands.indexOf('ci'));
    expect(ci.indexOf('npm run build')).toBeLessThan(ci.indexOf('npm test'));
  });
});

describe('the built server needs production packages only', () => {
  it('imports nothing from dist/ that `npm ci --omit=dev` leaves out', () => {
    const files = ['dist/server/main.js', ...readdirSync(path.join(root, 'dist/scripts')).filter((f) => f.endsWith('.js')).map((f) => `dist/scripts/${f}`)];
    const builtins = new Set(builtinModules);
    for (const file of files) {
      const specifiers = [...read(file).matchAll(/(?:^|\n)\s*import\s[^'"]*?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
      expect(specifiers.length, file).toBeGreaterThan(0);
      for (const specifier of specifiers) {
        if (specifier.startsWith('node:') || builtins.has(specifier) || specifier.startsWith('.')) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        expect(pkg.dependencies[name], `${file} imports ${specifier}`).toBeTruthy();
      }
    }
  });
});

describe('compose.yaml', () => {
  const compose = read('compose.yaml');
  it('runs two app nodes, MongoDB as a replica set, Redis and an https proxy', () => {
    expect(compose).toMatch(/^ {2}app1: \*app$/m);
    expect(compose).toMatch(/^ {2}app2: \*app$/m);
    expect(compose).toMatch(/--replSet", "rs0"/);
    expect(compose).toMatch(/MONGODB_URI: mongodb:\/\/mongo:27017\/dialoogtafel\?replicaSet=rs0/);
    expect(compose).toMatch(/REDIS_URL: redis:\/\/redis:6379/);
    expect(compose).toMatch(/image: caddy:2/);
    expect(read('deploy/Caddyfile')).toMatch(/^localhost \{[\s\S]*reverse_proxy app1:3000 app2:3000/m);
  });
});
