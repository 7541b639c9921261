/**
 * `npm run dev`: Vite's dev server on PORT (default 3000) with hot reload, proxying the API,
 * Socket.io and the collaboration socket to the server on PORT+1, which restarts on change.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'vite';

const port = Number(process.env.PORT ?? 3000);
const serverPort = port + 1;
process.env.DEV_SERVER_URL = `http://127.0.0.1:${serverPort}`;

const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--watch-path=server', '--watch-path=shared', 'server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: String(serverPort), HOST: '127.0.0.1', PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}` },
});

const vite = await createServer({ configFile: 'vite.config.ts', server: { port, strictPort: true } });
await vite.listen();
vite.printUrls();

const stop = async () => {
  server.kill('SIGTERM');
  await vite.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
