// Makes (once) the Electron-ABI build of better-sqlite3 in the project's cache folder, without
// touching node_modules: a copy of the package (sources, no build) in a tiny project, rebuilt
// there by @electron/rebuild — which first tries the prebuilt binary better-sqlite3 publishes for
// this Electron (prebuild-install), then compiles against Electron's headers (node-gyp).
// Both need the network once per Electron version; afterwards everything is offline.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { electronBindingFile, electronBuildDir, type NativeTarget } from './nativeBinding';

const require = createRequire(import.meta.url);

/** The versions installed in node_modules, for the host platform unless told otherwise. */
export function installedTarget(
  projectRoot: string,
  platform: string = process.platform,
  arch: string = process.arch,
): NativeTarget {
  const read = (pkg: string) =>
    (JSON.parse(readFileSync(join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version;
  return { electronVersion: read('electron'), sqliteVersion: read('better-sqlite3'), platform, arch };
}

/** The path of the Electron build for `target`, building it first if it is not cached yet. */
export async function ensureElectronBinding(
  projectRoot: string,
  target: NativeTarget,
  log: (message: string) => void = console.log,
): Promise<string> {
  const addon = electronBindingFile(projectRoot, target);
  if (existsSync(addon)) return addon;

  const buildDir = electronBuildDir(projectRoot, target);
  const packageDir = join(buildDir, 'node_modules', 'better-sqlite3');
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(dirname(packageDir), { recursive: true });
  // Copy the package without its Node build, so nothing can mistake one ABI for the other.
  const source = join(projectRoot, 'node_modules', 'better-sqlite3');
  const nodeBuild = join(source, 'build');
  cpSync(source, packageDir, {
    recursive: true,
    filter: (path) => path !== nodeBuild && !path.startsWith(`${nodeBuild}${sep}`),
  });
  writeFileSync(
    join(buildDir, 'package.json'),
    `${JSON.stringify({ name: 'briefing-electron-native', private: true, version: '0.0.0', dependencies: { 'better-sqlite3': target.sqliteVersion } }, null, 2)}\n`,
  );

  log(
    `Building better-sqlite3 ${target.sqliteVersion} for Electron ${target.electronVersion} (${target.platform}-${target.arch}) in ${buildDir} …`,
  );
  const { rebuild } = (await import(require.resolve('@electron/rebuild'))) as typeof import('@electron/rebuild');
  await rebuild({
    buildPath: buildDir,
    electronVersion: target.electronVersion,
    platform: target.platform as NodeJS.Platform,
    arch: target.arch,
    onlyModules: ['better-sqlite3'],
    force: true,
    mode: 'sequential',
  });
  if (!existsSync(addon)) throw new Error(`@electron/rebuild finished but ${addon} was not made.`);
  log(`Electron build of better-sqlite3 ready: ${addon}`);
  return addon;
}
