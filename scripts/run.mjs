/**
 * `npm run <script>` for the operator scripts (export, import, admin:create, db:install):
 * `node scripts/run.mjs <name> [arguments]` runs scripts/<name>.ts from source where the
 * development packages are installed, and dist/scripts/<name>.js on a production install.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildToolsInstalled, root } from './build-state.mjs';

const [name] = process.argv.splice(2, 1);
if (!name || !/^[a-z-]+$/.test(name)) {
  process.stderr.write('Usage: node scripts/run.mjs <script name> [arguments]\n');
  process.exit(64);
}
if (buildToolsInstalled()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'scripts', `${name}.ts`)).href);
} else {
  const built = path.join(root, 'dist', 'scripts', `${name}.js`);
  if (!existsSync(built)) {
    process.stderr.write(`There is no build of ${name} in dist/scripts: run \`npm run build\` first.\n`);
    process.exit(1);
  }
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(built).href);
}
