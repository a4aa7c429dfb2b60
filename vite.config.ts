// Builds the renderer (renderer/index.html) into dist/renderer: a static bundle that the app
// serves from its own protocol and the test harness serves to Chromium. No dev server is used.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // One Chromium (Electron's or Debian's): no legacy targets.
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
  },
  esbuild: { jsx: 'automatic' },
});
