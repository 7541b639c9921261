/**
 * `npm run build`: the client with Vite into dist/client, the server and the operator scripts
 * with esbuild into dist/server and dist/scripts. `npm start` then runs dist/ with plain node.
 */
import { buildClient } from './client-build';
import { buildServer } from './build-server';
import { firstPageWeight } from './first-page-weight';

await buildClient();
process.stderr.write('Bundling the server…\n');
await buildServer();
const weight = firstPageWeight();
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
process.stderr.write(
  `Built dist/. The first page loads ${kb(weight.js.raw)} of JavaScript (${kb(weight.js.gzip)} gzipped) and ${kb(weight.css.raw)} of CSS (${kb(weight.css.gzip)} gzipped).\n`,
);
