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
    // No source maps in the build: they would publish the whole source. `npm run dev` has its own.
    sourcemap: false,
    // dist/client/.vite/manifest.json (a dot-directory, never served): which files each page needs,
    // for the build's summary of the first page and the test that keeps it light.
    manifest: true,
    rolldownOptions: {
      treeshake: {
        // The NL Design System's React library is one module that sets `X.displayName = …` on each of
        // its ~100 components; counted as side effects, those writes kept every component in the
        // first page's code. They have none.
        propertyWriteSideEffects: false,
      },
    },
  },
  server: {
    port: 3000,
    proxy: {
      '/api': serverUrl,
      '/healthz': serverUrl,
      '/readyz': serverUrl,
      '/socket.io': { target: serverUrl, ws: true },
      '/collab': { target: serverUrl, ws: true },
    },
  },
});
