// Where better-sqlite3's native addon for Electron lives. node_modules keeps the Node build
// (tests, CLI); the Electron build (another ABI) is made once per Electron version, platform and
// architecture into a cache folder of the project, loaded from there by `npm start` through
// better-sqlite3's `nativeBinding` option, and copied into packaged apps by ./afterPack.mjs.
// Pure path logic, shared by the main process, the prepare script and the packaging hook.
import { join } from 'node:path';

export interface NativeTarget {
  electronVersion: string;
  platform: string;
  arch: string;
  /** better-sqlite3's version: a new one needs a new build. */
  sqliteVersion: string;
}

export const NATIVE_CACHE_DIR = join('.cache', 'electron-native');
const ADDON = join('build', 'Release', 'better_sqlite3.node');

/** The folder one Electron build of better-sqlite3 is made in (a tiny project with it as its only dependency). */
export function electronBuildDir(projectRoot: string, target: NativeTarget): string {
  const name = `better-sqlite3-${target.sqliteVersion}-electron-${target.electronVersion}-${target.platform}-${target.arch}`;
  return join(projectRoot, NATIVE_CACHE_DIR, name);
}

/** The Electron-ABI addon inside that folder. */
export function electronBindingFile(projectRoot: string, target: NativeTarget): string {
  return join(electronBuildDir(projectRoot, target), 'node_modules', 'better-sqlite3', ADDON);
}

/**
 * The addon the main process must load: the cached Electron build when running from a checkout
 * (`npm start`); undefined in a packaged app, whose node_modules already holds the Electron build.
 */
export function bindingForRun(run: { isPackaged: boolean; appRoot: string } & NativeTarget): string | undefined {
  return run.isPackaged ? undefined : electronBindingFile(run.appRoot, run);
}

/** Where electron-builder puts the unpacked addon inside a packaged app (asarUnpack). */
export function packagedBindingFile(appOutDir: string, platform: string, productFilename: string): string {
  const resources =
    platform === 'darwin' || platform === 'mas'
      ? join(appOutDir, `${productFilename}.app`, 'Contents', 'Resources')
      : join(appOutDir, 'resources');
  return join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', ADDON);
}
