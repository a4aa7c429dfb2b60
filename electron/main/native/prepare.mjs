#!/usr/bin/env node
// `npm run native:electron` (run by `npm start`): makes sure the Electron build of better-sqlite3
// for this machine is in .cache/electron-native. node_modules keeps the Node build for tests and
// the CLI, so nothing ever has to be rebuilt back and forth.
import { tsImport } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const { ensureElectronBinding, installedTarget } = await tsImport('./ensureElectronBinding.ts', import.meta.url);
try {
  await ensureElectronBinding(projectRoot, installedTarget(projectRoot));
} catch (error) {
  console.error(`Could not make the Electron build of better-sqlite3: ${error?.message ?? error}`);
  console.error(
    'It needs the network once per Electron version (a prebuilt binary from GitHub, or Electron headers to compile).',
  );
  process.exitCode = 1;
}
