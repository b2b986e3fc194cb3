import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The server's CSP forbids inline script and style: everything ships as files under /assets.
export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
  server: {
    // `pnpm --filter @redliner/web dev` next to `pnpm start`: the API stays on the review server.
    proxy: { '/api': 'http://127.0.0.1:4317' },
  },
});
