// Builds everything the app runs: the renderer (Vite) into dist/renderer, and the Electron
// main process (ESM), its text-extraction worker thread and the sandboxed preload (CommonJS, as
// sandboxed preloads must be) into dist/electron. The CLI and tests run the TypeScript sources
// directly and need no build.
import { build as esbuild } from 'esbuild';
import { existsSync } from 'node:fs';
import { build as viteBuild } from 'vite';

const only = process.argv[2]; // optional: 'renderer' or 'electron'

if (!only || only === 'renderer') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}

if (!only || only === 'electron') {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3', 'jsdom'],
  };
  if (existsSync('electron/main/index.ts')) {
    await esbuild({
      ...common,
      entryPoints: ['electron/main/index.ts'],
      outfile: 'dist/electron/main.js',
      format: 'esm',
      // Bundled CommonJS dependencies still call require(); give the ESM bundle one.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
  }
  if (existsSync('electron/services/sources/extractionWorker.ts')) {
    // Started by textExtractor.ts from beside main.js, inside app.asar when packaged. CommonJS:
    // Electron gives worker threads its asar-aware fs and require() (electron/electron#33216),
    // which is how the worker finds jsdom in the packaged node_modules; ESM loading of a worker
    // from inside an asar is a less travelled road.
    await esbuild({
      ...common,
      entryPoints: ['electron/services/sources/extractionWorker.ts'],
      outfile: 'dist/electron/extractionWorker.cjs',
      format: 'cjs',
    });
  }
  if (existsSync('electron/preload/index.ts')) {
    await esbuild({
      ...common,
      entryPoints: ['electron/preload/index.ts'],
      outfile: 'dist/electron/preload.cjs',
      format: 'cjs',
    });
  }
}
