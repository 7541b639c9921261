import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The client lives in client/; its build lands in dist/client, which the server serves.
// In `npm run dev` Vite proxies the API, Socket.io and the collaboration socket to the server.
const serverUrl = process.env.DEV_SERVER_URL ?? 'http://127.0.0.1:3001';

export default defineConfig({
  root: 'client',
  plugins: [react(), dropNlDesignSystemDisplayNames()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // No source maps in the build: they would publish the whole source. `npm run dev` has its own.
    sourcemap: false,
    // dist/client/.vite/manifest.json (a dot-directory, never served): which files each page needs,
    // for the build's summary of the first page and the test that keeps it light.
    manifest: true,
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

/**
 * The NL Design System's React packages set `X.displayName = 'X'` on each component (about a
 * hundred in one module). A bundler must count such a write as a side effect, so every component
 * stayed in the first page's code, used or not. The names only serve React's developer tools:
 * dropped from the production build, unused components are tree-shaken.
 */
function dropNlDesignSystemDisplayNames(): Plugin {
  return {
    name: 'dialoogtafel:drop-nl-design-system-display-names',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/node_modules/@utrecht/') || !code.includes('.displayName')) return null;
      return { code: code.replace(/^[A-Za-z_$][\w$]*\.displayName = '[^']*';$/gm, ''), map: null };
    },
  };
}
