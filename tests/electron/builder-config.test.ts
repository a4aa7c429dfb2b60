// electron-builder.yml is valid for the installed electron-builder (checked with electron-builder's
// own validator and JSON schema, app-builder-lib/scheme.json), builds the promised targets, unpacks
// better-sqlite3's native addon, keeps node_modules on Node's ABI, and flips the fuses.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
// Everything below is electron-builder's own code, resolved from its app-builder-lib: the loader
// that reads electron-builder.yml, the validator it runs before every build, its JSON schema, its
// ajv and the minimatch it matches `files` patterns with. No extra dependency, no drift.
const fromRoot = createRequire(join(ROOT, 'package.json'));
const APP_BUILDER_LIB = dirname(
  fromRoot.resolve('app-builder-lib/package.json', {
    paths: [dirname(fromRoot.resolve('electron-builder/package.json'))],
  }),
);
const fromBuilder = createRequire(join(APP_BUILDER_LIB, 'package.json'));
const SCHEMA = JSON.parse(readFileSync(join(APP_BUILDER_LIB, 'scheme.json'), 'utf8')) as {
  definitions: Record<string, { properties: object }>;
};

/** The loaded configuration, in electron-builder's own type (it normalizes `files` into file sets). */
type Config = Configuration;
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}
const { getConfig, validateConfiguration } = fromBuilder('./out/util/config/config.js') as {
  getConfig: (projectDir: string, configPath: string | null, configFromOptions: null) => Promise<Config>;
  validateConfiguration: (
    config: Config,
    debugLogger: { isEnabled: boolean; add: (key: string, value: unknown) => void },
  ) => Promise<void>;
};
const { validateSchema } = fromBuilder('./out/util/config/schemaValidator.js') as {
  validateSchema: (schema: object, data: unknown) => void;
};
const Ajv = (
  fromBuilder('ajv') as { default: new (options: object) => { compile: (schema: object) => ValidateFunction } }
).default;
const { minimatch: minimatchFn } = fromBuilder('minimatch') as {
  minimatch: (path: string, pattern: string, options?: object) => boolean;
};
/** A configured path, which must be set. */
function stringOf(value: unknown): string {
  expect(typeof value).toBe('string');
  return value as string;
}

/** electron-builder matches `files` with minimatch and { dot: true } (app-builder-lib/out/fileMatcher.js). */
const minimatch = (path: string, pattern: string): boolean => minimatchFn(path, pattern, { dot: true });
const noDebug = { isEnabled: false, add: () => {} };

let config: Config;
beforeAll(async () => {
  config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
});

describe('electron-builder.yml', () => {
  it('loads with electron-builder’s loader and passes the validation it runs before every build', async () => {
    expect(config.productName).toBe('Briefing Composer');
    await expect(validateConfiguration(structuredClone(config), noDebug)).resolves.toBeUndefined();
  });

  it('is valid against scheme.json with a strict, independent ajv (no type coercion)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(SCHEMA);
    const valid = validate(structuredClone(config));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validators really reject a broken configuration (negative control)', async () => {
    await expect(
      validateConfiguration({ ...structuredClone(config), electronFuzes: { runAsNode: false } } as Config, noDebug),
    ).rejects.toThrow(/unknown property 'electronFuzes'/);
    expect(() => validateSchema(SCHEMA, { ...config, asar: 'yes please' })).toThrow();
    const validate = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);
    expect(validate({ ...config, linux: { ...config.linux, target: 42 } })).toBe(false);
  });

  it('names the product and never publishes or auto-updates', () => {
    expect(config.productName).toBe('Briefing Composer');
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.publish).toBeNull();
  });

  it('builds AppImage and deb (Linux), NSIS (Windows) and dmg (macOS)', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('uses the icon set in resources/icons', () => {
    for (const size of [16, 32, 64, 128, 256, 512])
      expect(existsSync(join(ROOT, 'resources/icons', `${size}x${size}.png`)), `${size}px`).toBe(true);
    expect(config.linux?.icon).toBe('resources/icons');
    const ico = readFileSync(join(ROOT, stringOf(config.win?.icon)));
    expect(ico.readUInt16LE(2)).toBe(1); // ICO type
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4); // images
    expect(
      readFileSync(join(ROOT, stringOf(config.mac?.icon)))
        .subarray(0, 4)
        .toString('ascii'),
    ).toBe('icns');
    const png = readFileSync(join(ROOT, 'resources/icons/512x512.png'));
    expect(png.readUInt32BE(16)).toBe(512); // IHDR width
    expect(png.readUInt32BE(20)).toBe(512); // IHDR height
  });

  it('packages the built app and keeps installers out of dist/', () => {
    expect(config.directories?.output).not.toMatch(/^dist\/?$/);
    // The loader normalizes `files` into file sets: [{ filter: [patterns…] }].
    const files = (config.files as Array<{ filter: string[] }>).flatMap((set) => set.filter);
    for (const needed of [
      'dist/electron/main.js',
      'dist/electron/extractionWorker.cjs',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'resources/print.css',
      'package.json',
    ]) {
      const included = files.filter((p) => !p.startsWith('!')).some((p) => minimatch(needed, p));
      const excluded = files.filter((p) => p.startsWith('!')).some((p) => minimatch(needed, p.slice(1)));
      expect(included && !excluded, needed).toBe(true);
    }
    expect(files.some((p) => minimatch('electron/main/index.ts', p) && !p.startsWith('!'))).toBe(false);
  });

  it('unpacks better-sqlite3’s native addon from the asar, and ships none of its C sources', () => {
    expect(config.asar).toBe(true);
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect((config.asarUnpack as string[]).some((pattern) => minimatch(addon, pattern))).toBe(true);
    const excludes = (config.files as Array<{ filter: string[] }>)
      .flatMap((set) => set.filter)
      .filter((p) => p.startsWith('!'))
      .map((p) => p.slice(1));
    const excluded = (path: string) => excludes.some((pattern) => minimatch(path, pattern));
    expect(excluded(addon)).toBe(false);
    // The extraction worker must stay in the asar, beside the node_modules it require()s (jsdom).
    expect(
      (config.asarUnpack as string[]).some((pattern) => minimatch('dist/electron/extractionWorker.cjs', pattern)),
    ).toBe(false);
    expect(excluded('node_modules/better-sqlite3/lib/database.js')).toBe(false);
    for (const path of [
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
      'node_modules/better-sqlite3/src/better_sqlite3.cpp',
      'node_modules/better-sqlite3/build/Release/obj/gen/sqlite3/sqlite3.c',
      'node_modules/better-sqlite3/build/Release/test_extension.node',
    ]) {
      expect(excluded(path), path).toBe(true);
    }
  });

  it('never rebuilds node_modules in place; the afterPack hook supplies the Electron build', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(existsSync(join(ROOT, stringOf(config.afterPack)))).toBe(true);
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names only fuses that electron-builder knows (a typo would otherwise be silently skipped)', () => {
    const known = Object.keys(SCHEMA.definitions.FuseOptionsV1!.properties);
    for (const fuse of Object.keys(config.electronFuses ?? {})) expect(known, fuse).toContain(fuse);
  });

  it('keeps the library on uninstall and asks only for the JIT entitlement on macOS', () => {
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
    const plist = readFileSync(join(ROOT, stringOf(config.mac?.entitlements)), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });
});
