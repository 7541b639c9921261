import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The client lives in client/; its build lands in dist/client, which the server serves.
// In `npm run dev` Vite proxies the API, Socket.io and the collaboration socket to the server.
const serverUrl = process.env.DEV_SERVER_URL ?? 'http://127.0.0.1:3001';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 3000,
    proxy: {
      '/api': serverUrl,
      '/healthz': serverUrl,
      '/readyz': serverUrl,
      // A region's colours (THEME_CSS), served by the server.
      '/theme.css': serverUrl,
      '/socket.io': { target: serverUrl, ws: true },
      '/collab': { target: serverUrl, ws: true },
    },
  },
});
