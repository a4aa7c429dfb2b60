// electron-builder `afterPack` hook: puts the Electron-ABI better-sqlite3 addon into the packaged
// app (app.asar.unpacked), replacing the Node build that node_modules holds. electron-builder's
// own rebuild (npmRebuild) is off because it would rebuild node_modules in place and break the
// tests and the CLI; the addon is built (or reused) in .cache/electron-native instead.
import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']; // builder-util's Arch enum order

export default async function afterPack(context) {
  const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const { ensureElectronBinding, installedTarget } = await tsImport('./ensureElectronBinding.ts', import.meta.url);
  const { packagedBindingFile } = await tsImport('./nativeBinding.ts', import.meta.url);

  const platform = context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const target = packagedBindingFile(context.appOutDir, platform, context.packager.appInfo.productFilename);
  if (!existsSync(target)) {
    throw new Error(`afterPack: ${target} is missing; is better-sqlite3's .node listed in asarUnpack?`);
  }
  const built = await ensureElectronBinding(projectRoot, installedTarget(projectRoot, platform, arch));
  copyFileSync(built, target);
  console.log(`  • better-sqlite3 (Electron ABI, ${platform}-${arch}) → ${target}`);
}
