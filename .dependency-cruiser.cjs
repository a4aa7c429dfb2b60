// The layer table of DESIGN.md §2 ("the law of the house"), enforced by dependency-cruiser.
// Run with `npm run layers`; any violation is an error and fails the run (non-zero exit).
// For the explanation of each broken rule, run `npx depcruise --config .dependency-cruiser.cjs -T err-long electron renderer shared tests`.
//
// How to read this file:
// - A row whose "may import" column is a closed list (shared/, electron/db/, electron/preload/)
//   is one allow-list rule: anything outside the list is a violation.
// - A row whose "may import" column is open ("npm libraries", "browser libraries") is enforced
//   by its "never imports" column.
// - Type-only imports count (tsPreCompilationDeps), so `import type` cannot smuggle a layer in.
// - Three house-wide rules: no cycles, nothing outside tests/ imports tests/, no import that
//   cannot be resolved (an unresolved import would slip past every rule above).
// - One rule inside the renderer/ row: renderer/app/ (the shell) sits on top of the feature
//   folders, so only renderer/main.tsx imports it (renderer/app/README.md says why).
//
// Paths are matched relative to the folder depcruise runs in (the repository root). Package
// patterns match `node_modules/<name>/` anywhere in the resolved path, so the same rules also
// work on a copy of the layout elsewhere (tests/layers/layer-rule.test.ts does exactly that).

/**
 * The pure libraries shared/ may import: no Node built-ins, no DOM, no Electron, no React.
 * Add a library here only if it runs unchanged in the renderer, the main process and the CLI.
 */
const PURE_LIBRARIES = ['zod', 'approx-string-match'];

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Resolved path of an npm package (with its @types companion), wherever node_modules is. */
const npmPackage = (name) => `(^|/)node_modules/(@types/)?${escapeRegex(name)}/`;

/** A folder of this repository, e.g. folder('electron/db') matches `electron/db/…`. */
const folder = (path) => `^${escapeRegex(path)}/`;

/**
 * The `electron` package. Electron also answers to `electron/main`, `electron/common`,
 * `electron/renderer` and `electron/utility`, which exist only inside the Electron runtime,
 * so on disk they stay unresolved and keep their bare name.
 */
const ELECTRON_PACKAGE = [npmPackage('electron'), '^electron(/(main|common|renderer|utility))?$'];

const LAYER_TABLE = 'Layer table, DESIGN.md §2';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ── row shared/ ────────────────────────────────────────────────────────────────────
    {
      name: 'layer-shared-imports-only-shared-and-pure-libraries',
      severity: 'error',
      comment:
        `${LAYER_TABLE}, row "shared/": shared/ may import only shared/ and the pure libraries ` +
        `(${PURE_LIBRARIES.join(', ')}); never electron, node:* / Node built-ins, React, ` +
        'renderer/ or electron/. shared/ runs in every process (renderer, main, CLI, tests), so ' +
        'it must stay pure. Move the code that needs this import into the layer that may have it, ' +
        'or, if the library is truly pure, add it to PURE_LIBRARIES in .dependency-cruiser.cjs.',
      from: { path: folder('shared') },
      to: { pathNot: [folder('shared'), ...PURE_LIBRARIES.map(npmPackage)] },
    },

    // ── row electron/db/ ───────────────────────────────────────────────────────────────
    {
      name: 'layer-db-imports-only-shared-better-sqlite3-and-node',
      severity: 'error',
      comment:
        `${LAYER_TABLE}, row "electron/db/": the database layer may import only shared/, ` +
        'better-sqlite3 and node:* built-ins; never electron, electron/services, electron/cli, ' +
        'electron/main, electron/preload or renderer/. It is the bottom of the stack: callers ' +
        'come to it (services), it never reaches up. Put use-case logic in electron/services.',
      from: { path: folder('electron/db') },
      to: {
        pathNot: [folder('electron/db'), folder('shared'), npmPackage('better-sqlite3')],
        dependencyTypesNot: ['core'],
      },
    },

    // ── row electron/services/ ─────────────────────────────────────────────────────────
    {
      name: 'layer-services-never-imports-electron-renderer-or-app-layers',
      severity: 'error',
      comment:
        `${LAYER_TABLE}, row "electron/services/": services may import shared/, electron/db/, ` +
        'node:* and npm libraries; never electron, renderer/, electron/main, electron/preload or ' +
        'electron/cli. Services run in plain Node (CLI, tests) without an Electron binary; ' +
        'anything Electron-specific belongs in electron/main behind an interface (e.g. Printer).',
      from: { path: folder('electron/services') },
      to: {
        path: [
          ...ELECTRON_PACKAGE,
          folder('renderer'),
          folder('electron/main'),
          folder('electron/preload'),
          folder('electron/cli'),
        ],
      },
    },

    // ── row electron/cli/ ──────────────────────────────────────────────────────────────
    {
      name: 'layer-cli-never-imports-electron-db-or-app-layers',
      severity: 'error',
      comment:
        `${LAYER_TABLE}, row "electron/cli/": the command line may import electron/services/, ` +
        'shared/, npm libraries and node:*; never electron, electron/db directly, electron/main, ' +
        'electron/preload or renderer/. The CLI is a third transport over the same handler table: ' +
        'go through electron/services (createLibrary), not around it.',
      from: { path: folder('electron/cli') },
      to: {
        path: [
          ...ELECTRON_PACKAGE,
          folder('electron/db'),
          folder('electron/main'),
          folder('electron/preload'),
          folder('renderer'),
        ],
      },
    },

    // ── row electron/main/ ─────────────────────────────────────────────────────────────
    {
      name: 'layer-main-never-imports-renderer-or-preload',
      severity: 'error',
      comment:
        `${LAYER_TABLE}, row "electron/main/": main may import everything under electron/ but ` +
        'preload, plus shared/ and electron; never renderer/ and never electron/preload. The ' +
        'renderer is loaded by URL into the window and the preload by file path, not imported.',
      from: { path: folder('electron/main') },
      to: { path: [folder('renderer'), folder('electron/preload')] },
    },

    // ── row electron/preload/ ──────────────────────────────────────────────────────────
    {
      name: 'layer-preload-imports-only-shared-and-electron',
      severity: 'error',
      comment:
        `${LAYER_TABLE}, row "electron/preload/": the preload may import only shared/ (types) ` +
        'and electron (contextBridge, ipcRenderer); never electron/db, electron/services, ' +
        'electron/cli, electron/main or node:* built-ins. It runs sandboxed next to untrusted ' +
        'page content and exposes a narrow, fixed list of channels, nothing more.',
      from: { path: folder('electron/preload') },
      to: {
        pathNot: [folder('electron/preload'), folder('shared'), ...ELECTRON_PACKAGE],
      },
    },

    // ── row renderer/ ──────────────────────────────────────────────────────────────────
    {
      name: 'layer-renderer-never-imports-electron',
      severity: 'error',
      comment:
        `${LAYER_TABLE}, row "renderer/": the renderer may import shared/ and browser ` +
        'libraries; never electron and never anything under electron/. It talks to the app ' +
        'only through window.briefing (the preload), which the browser test harness also provides.',
      from: { path: folder('renderer') },
      to: { path: [...ELECTRON_PACKAGE, folder('electron')] },
    },
    {
      name: 'layer-renderer-never-imports-node-builtins',
      severity: 'error',
      comment:
        `${LAYER_TABLE}, row "renderer/": the renderer may import shared/ and browser ` +
        'libraries; never node:* / Node built-ins. It runs in a sandboxed Chromium page without ' +
        'Node; ask the main process through window.briefing.invoke instead.',
      from: { path: folder('renderer') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-only-main-imports-app',
      severity: 'error',
      comment:
        `Inside the renderer/ row of the ${LAYER_TABLE} (renderer/app/README.md): renderer/app/ is the ` +
        'shell (layout, context panel, window-wide shortcuts) and imports the feature folders ' +
        '(briefs/, claims/, sources/, library/, editor/, export/, ui/, workspace/); only renderer/main.tsx ' +
        'imports renderer/app/. A feature importing app/ back ties the shell and the features into one ' +
        'knot. Move what both sides need (workspace state, element ids) into renderer/workspace/ or ui/.',
      from: { path: folder('renderer'), pathNot: [folder('renderer/app'), '^renderer/main\\.tsx$'] },
      to: { path: folder('renderer/app') },
    },

    // ── house-wide ─────────────────────────────────────────────────────────────────────
    {
      name: 'no-import-from-tests',
      severity: 'error',
      comment:
        `${LAYER_TABLE}: tests/ may import anything, but nothing outside tests/ may import ` +
        'from tests/. Test helpers and fixtures must not end up in the app; move shared code ' +
        'into the layer it belongs to.',
      from: { pathNot: folder('tests') },
      to: { path: folder('tests') },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        `${LAYER_TABLE}: no circular dependencies (type-only imports count too). A cycle means ` +
        'two modules are really one, or one of them holds something that belongs lower down: ' +
        'move the shared part into a module both can import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment:
        `${LAYER_TABLE}: every import must resolve to a file or an installed package, otherwise ` +
        'the layer rules cannot tell where it points. Fix the path or install the package ' +
        '(build output under dist/ is exempt: it does not exist before the build).',
      from: {},
      to: {
        couldNotResolve: true,
        pathNot: [...ELECTRON_PACKAGE, '(^|/)dist/'],
      },
    },
  ],

  options: {
    // Only our own sources are cruised; packages are recorded as targets, not followed.
    doNotFollow: { path: '(^|/)node_modules/' },
    // Count `import type` / type-only imports: verbatimModuleSyntax erases them at build
    // time, but they still couple layers.
    tsPreCompilationDeps: true,
    // The compiler options every per-layer tsconfig extends (moduleResolution "Bundler").
    tsConfig: { fileName: 'tsconfig.base.json' },
    moduleSystems: ['es6', 'cjs', 'tsd'], // tsd: /// <reference> directives count too
    enhancedResolveOptions: {
      // Extensionless imports resolve like TypeScript's "Bundler" resolution: .ts first.
      extensions: ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'],
      // Honour package.json "exports" as Bundler resolution does (@lexical/react, zod, …).
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'browser', 'default'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
