import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/** `@shared/…` is the runtime-neutral layer (src-shared/), the one thing the renderer imports values from besides its own code. */
const alias = { '@shared': resolve('src-shared') };

/**
 * One build for every way Parallax runs:
 *   out/main/electron.js  desktop main process      out/main/cli.js  CLI and web mode (no Electron)
 *   out/preload/preload.cjs  sandboxed preload (one CommonJS file, dependencies bundled)
 *   out/renderer/         the React app, loaded by the desktop window and by web mode alike
 */
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // zod is bundled, not loaded from node_modules: as ESM files it is ~220 modules (its 50 locales among
      // them, which the contract never uses) resolved and compiled at every start; bundled, the unused drop out.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          electron: resolve('src-main/transports/electron/main.ts'),
          cli: resolve('src-main/transports/cli/cli.ts'),
          // Loaded by bin/parallax.mjs before cli.js: web mode's search index starts loading at once.
          prestart: resolve('src-main/transports/cli/prestart.ts'),
          // The search index's worker thread (services/search/worker-client.ts finds it beside the chunks).
          'search-worker': resolve('src-main/services/search/search-worker.ts'),
          // PDF text-layer workers (services/importer/formats/pdf-file.ts), found the same way.
          'pdf-worker': resolve('src-main/services/importer/formats/pdf-worker.ts'),
          // Import analysis workers (services/importer/analysis-pool.ts), found the same way.
          'analysis-worker': resolve('src-main/services/importer/analysis-worker.ts'),
          // Comparisons and related coverage (services/compare/compare-runner.ts), found the same way.
          'compare-worker': resolve('src-main/services/compare/compare-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
        // The contract's modules only define schemas: one nothing imports from is left out, so a command
        // builds the schemas of the methods it calls (contract/methods.ts) and no others.
        treeshake: { moduleSideEffects: (id: string, external: boolean) => external || !/[\\/]src-main[\\/]contract[\\/]/.test(id) },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve('src-main/transports/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    // The renderer imports only types from the contract (erased at build), so zod and the schemas stay out of its bundle.
    resolve: { alias: { ...alias, '@contract': resolve('src-main/contract/index.ts') } },
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      emptyOutDir: true,
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
