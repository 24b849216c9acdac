import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The registry's web app: built into dist/web, which the server serves at `/` (no CDN, works offline).
export default defineConfig(({ command }) => ({
  root: here,
  // A build is for production whatever NODE_ENV says (jest sets it to "test"): React's production build, not its development one.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', development: command !== 'build' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Cytoscape and the XLSX writer are lazy chunks above Vite's 500 kB warning; the first view stays small.
    chunkSizeWarningLimit: 700,
    modulePreload: { polyfill: false },
  },
  // `npm run dev:web`: the app with hot reload, its API calls passed to a registry on REGISTRY_DEV_API (default port 4000).
  server: { proxy: { '/graphql': process.env.REGISTRY_DEV_API || 'http://127.0.0.1:4000' } },
}));
