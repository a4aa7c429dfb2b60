// better-sqlite3 works under both ABIs without rebuilding back and forth: node_modules keeps the
// Node build (these very tests load it), the Electron build lives in its own cache folder per
// Electron version/platform/arch, a checkout's main process loads that one, a packaged app the
// one the afterPack hook put into app.asar.unpacked.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  bindingForRun,
  electronBindingFile,
  electronBuildDir,
  packagedBindingFile,
} from '../../electron/main/native/nativeBinding';

const ROOT = join(import.meta.dirname, '../..');
const target = { electronVersion: '45.5.0', platform: 'linux', arch: 'x64', sqliteVersion: '12.6.2' };

describe('native module placement', () => {
  it('node_modules keeps the Node build: plain Node opens a database with it', () => {
    const db = new Database(':memory:');
    expect(db.prepare('select sqlite_version() as v').get()).toMatchObject({ v: expect.any(String) as string });
    db.close();
  });

  it('keeps one Electron build per better-sqlite3 version, Electron version, platform and arch, outside node_modules', () => {
    const dir = electronBuildDir(ROOT, target);
    expect(dir).toBe(join(ROOT, '.cache/electron-native/better-sqlite3-12.6.2-electron-45.5.0-linux-x64'));
    expect(electronBindingFile(ROOT, target)).toBe(
      join(dir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
    );
    expect(electronBuildDir(ROOT, { ...target, electronVersion: '46.0.0' })).not.toBe(dir);
    expect(electronBuildDir(ROOT, { ...target, arch: 'arm64' })).not.toBe(dir);
    expect(dir).not.toContain(join(ROOT, 'node_modules'));
  });

  it('a checkout loads the cached Electron build; a packaged app its bundled one', () => {
    expect(bindingForRun({ isPackaged: false, appRoot: ROOT, ...target })).toBe(electronBindingFile(ROOT, target));
    expect(
      bindingForRun({ isPackaged: true, appRoot: '/opt/Briefing Composer/resources/app.asar', ...target }),
    ).toBeUndefined();
  });

  it('the afterPack hook writes where asarUnpack puts the addon, on every platform', () => {
    expect(packagedBindingFile('/out/linux-unpacked', 'linux', 'Briefing Composer')).toBe(
      '/out/linux-unpacked/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    );
    expect(packagedBindingFile('/out/win-unpacked', 'win32', 'Briefing Composer')).toBe(
      join(
        '/out/win-unpacked/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      ),
    );
    expect(packagedBindingFile('/out/mac', 'darwin', 'Briefing Composer')).toBe(
      '/out/mac/Briefing Composer.app/Contents/Resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    );
  });

  it('the afterPack hook reads electron-builder’s Arch enum correctly', () => {
    const fromRoot = createRequire(join(ROOT, 'package.json'));
    const fromBuilder = createRequire(join(dirname(fromRoot.resolve('electron-builder/package.json')), 'package.json'));
    const { Arch } = fromBuilder('builder-util') as { Arch: Record<number, string> };
    const hook = readFileSync(join(ROOT, 'electron/main/native/afterPack.mjs'), 'utf8');
    const names = JSON.parse(/const ARCH_NAMES = (\[[^\]]+\])/.exec(hook)![1]!.replace(/'/g, '"')) as string[];
    names.forEach((name, index) => expect(Arch[index], name).toBe(name));
  });
});
