// The layer rule (.dependency-cruiser.cjs) catches every kind of crossing it promises to, and
// the real repository obeys it. Each fixture is a throw-away copy of the repository layout in
// the OS temp folder (rule file, tsconfig.base.json, package.json, node_modules linked in),
// checked with the exact command line of `npm run layers`, so nothing here can trip the real run.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ICruiseResult } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Files copied verbatim from the repository root into every fixture tree. */
const ROOT_FILES_TO_COPY = ['.dependency-cruiser.cjs', 'tsconfig.base.json', 'package.json'];

interface PackageManifest {
  scripts: Record<string, string>;
  bin: Record<string, string>;
}

const readManifest = (path: string): PackageManifest => JSON.parse(readFileSync(path, 'utf8')) as PackageManifest;

/** The arguments of `npm run layers`, so the test checks the command the build runs. */
function layersScriptArguments(): string[] {
  const script = readManifest(join(REPO_ROOT, 'package.json')).scripts['layers'];
  const [command, ...args] = (script ?? '').trim().split(/\s+/);
  if (command !== 'depcruise') {
    throw new Error(`package.json "layers" script should start with depcruise, found: ${script}`);
  }
  return args;
}

const DEPCRUISE_PACKAGE = join(REPO_ROOT, 'node_modules', 'dependency-cruiser');
const DEPCRUISE_BIN = join(
  DEPCRUISE_PACKAGE,
  readManifest(join(DEPCRUISE_PACKAGE, 'package.json')).bin['depcruise'] ?? 'bin/dependency-cruise.mjs',
);
const LAYERS_ARGS = layersScriptArguments();

interface LayerRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run layers`' command line in `cwd`, with extra arguments appended. */
function runLayers(cwd: string, extraArgs: string[] = []): Promise<LayerRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [DEPCRUISE_BIN, ...LAYERS_ARGS, ...extraArgs], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolveRun({ status, stdout, stderr }));
  });
}

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Cruises a tree and returns its violations (the JSON reporter always exits 0). */
async function violationsIn(root: string): Promise<Violation[]> {
  const run = await runLayers(root, ['--output-type', 'json']);
  if (run.status !== 0) {
    throw new Error(`depcruise failed in ${root}:\n${run.stderr}${run.stdout}`);
  }
  const result = JSON.parse(run.stdout) as ICruiseResult;
  return result.summary.violations.map(({ rule, from, to }) => ({ rule: rule.name, from, to }));
}

type Tree = Record<string, string>;

const fixtureRoots: string[] = [];

/** Writes a copy of the repository layout with the given source files into the temp folder. */
function writeFixtureTree(files: Tree): string {
  const root = mkdtempSync(join(tmpdir(), 'briefing-layers-'));
  fixtureRoots.push(root);
  for (const name of ROOT_FILES_TO_COPY) copyFileSync(join(REPO_ROOT, name), join(root, name));
  // Packages resolve exactly as in the repository ('junction' keeps this working on Windows).
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'junction');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function removeFixtureTree(root: string): void {
  // Unlink the node_modules link first so removing the tree can never reach the real packages.
  unlinkSync(join(root, 'node_modules'));
  rmSync(root, { recursive: true, force: true });
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/**
 * A small tree that obeys every row of the table, using each layer's allowed imports:
 * extensionless imports of .ts and .tsx files, type-only imports, packages, node:* built-ins.
 */
const CLEAN_TREE: Tree = {
  'shared/api/contract.ts': lines(
    "import { z } from 'zod';",
    "import { normalize } from '../anchoring/normalize';",
    'export const pingInput = z.object({ text: z.string().transform(normalize) });',
    'export type PingInput = z.infer<typeof pingInput>;',
  ),
  'shared/anchoring/normalize.ts': lines(
    "import search from 'approx-string-match';",
    "export const normalize = (text: string): string => text.normalize('NFC');",
    'export const fuzzy = search;',
  ),
  'electron/db/connection.ts': lines(
    "import Database from 'better-sqlite3';",
    "import { join } from 'node:path';",
    "import type { PingInput } from '../../shared/api/contract';",
    "export const open = (folder: string) => new Database(join(folder, 'library.db'));",
    'export type Row = PingInput;',
  ),
  'electron/services/library.ts': lines(
    "import { readFileSync } from 'node:fs';",
    "import { marked } from 'marked';",
    "import { open } from '../db/connection';",
    "import { pingInput } from '../../shared/api/contract';",
    'export const createLibrary = (dbPath: string) => ({ db: open(dbPath), pingInput, marked, readFileSync });',
  ),
  'electron/cli/index.ts': lines(
    "import { Command } from 'commander';",
    "import { argv } from 'node:process';",
    "import { createLibrary } from '../services/library';",
    'new Command().action(() => createLibrary(argv[2] ?? "")).parse(argv);',
  ),
  'electron/main/index.ts': lines(
    "import { app, BrowserWindow } from 'electron';",
    "import { join } from 'node:path';",
    "import { createLibrary } from '../services/library';",
    "import { open } from '../db/connection';",
    "import { pingInput } from '../../shared/api/contract';",
    "app.whenReady().then(() => new BrowserWindow({ webPreferences: { preload: join(__dirname, 'preload.js') } }));",
    'export { createLibrary, open, pingInput };',
  ),
  'electron/main/menu.ts': lines(
    "import { Menu } from 'electron/main';",
    'export const buildMenu = () => Menu.buildFromTemplate([]);',
  ),
  'electron/preload/index.ts': lines(
    "import { contextBridge, ipcRenderer } from 'electron';",
    "import type { PingInput } from '../../shared/api/contract';",
    "contextBridge.exposeInMainWorld('briefing', { ping: (input: PingInput) => ipcRenderer.invoke('ping', input) });",
  ),
  'renderer/main.tsx': lines(
    "import { createRoot } from 'react-dom/client';",
    "import { App } from './App';",
    "import { Shell } from './app/Shell';",
    "createRoot(document.getElementById('root')!).render(<><Shell /><App /></>);",
  ),
  // The renderer's shell imports its own files and the feature folders; features share state
  // through renderer/workspace/, never through app/.
  'renderer/app/Shell.tsx': lines(
    "import { Layout } from './Layout';",
    "import { ClaimList } from '../claims/ClaimList';",
    'export function Shell() { return <Layout><ClaimList /></Layout>; }',
  ),
  'renderer/app/Layout.tsx': lines(
    "import type { ReactNode } from 'react';",
    'export type LayoutProps = { children: ReactNode };',
    'export function Layout({ children }: LayoutProps) { return <main>{children}</main>; }',
  ),
  'renderer/claims/ClaimList.tsx': lines(
    "import { useWorkspace, type Tab } from '../workspace/workspaceState';",
    'export function ClaimList() { const tab: Tab = useWorkspace(); return <p>{tab}</p>; }',
  ),
  'renderer/workspace/workspaceState.ts': lines(
    "export type Tab = 'sources' | 'claims';",
    "export const useWorkspace = (): Tab => 'claims';",
  ),
  'renderer/App.tsx': lines(
    "import { useState } from 'react';",
    "import type { PingInput } from '../shared/api/contract';",
    "import { normalize } from '../shared/anchoring/normalize';",
    "export function App() { const [input] = useState<PingInput>({ text: normalize('') }); return <p>{input.text}</p>; }",
  ),
  // tests/ may import anything, electron and every layer included.
  'tests/everything.test.ts': lines(
    "import { readFileSync } from 'node:fs';",
    "import electronPath from 'electron';",
    "import { createLibrary } from '../electron/services/library';",
    "import { open } from '../electron/db/connection';",
    "import { App } from '../renderer/App';",
    "import { helper } from './helpers/helper';",
    'export { readFileSync, electronPath, createLibrary, open, App, helper };',
  ),
  'tests/helpers/helper.ts': 'export const helper = 1;\n',
};

/**
 * One file per kind of crossing, each breaking exactly one rule. They live together in one
 * tree (one cruise instead of a dozen); the clean-tree case proves the rest of the tree is
 * innocent, so each violation found is caused by its own file.
 */
interface Crossing {
  behaviour: string;
  file: string;
  text: string;
  rule: string;
  /** The resolved import target the violation must point at. */
  to: RegExp;
}

const CROSSINGS: Crossing[] = [
  {
    behaviour: 'shared/ importing node:fs breaks the shared/ row',
    file: 'shared/anchoring/reads-disk.ts',
    text: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    rule: 'layer-shared-imports-only-shared-and-pure-libraries',
    to: /^(node:)?fs$/,
  },
  {
    behaviour: 'shared/ importing React breaks the shared/ row (only the pure-library allow-list)',
    file: 'shared/api/uses-react.ts',
    text: "import { useState } from 'react';\nexport const hook = useState;\n",
    rule: 'layer-shared-imports-only-shared-and-pure-libraries',
    to: /(^|\/)node_modules\/react\//,
  },
  {
    behaviour: 'shared/ importing electron/ breaks the shared/ row',
    file: 'shared/api/reaches-up.ts',
    text: "import { open } from '../../electron/db/connection';\nexport const opener = open;\n",
    rule: 'layer-shared-imports-only-shared-and-pure-libraries',
    to: /^electron\/db\/connection\.ts$/,
  },
  {
    behaviour: "renderer/ importing 'electron' breaks the renderer/ row",
    file: 'renderer/ipc.ts',
    text: "import { ipcRenderer } from 'electron';\nexport const send = ipcRenderer.send;\n",
    rule: 'layer-renderer-never-imports-electron',
    to: /(^|\/)node_modules\/electron\//,
  },
  {
    behaviour: "renderer/ importing only types from 'electron' still breaks the renderer/ row",
    file: 'renderer/window-types.tsx',
    text: "import type { BrowserWindow } from 'electron';\nexport type Win = BrowserWindow;\n",
    rule: 'layer-renderer-never-imports-electron',
    to: /(^|\/)node_modules\/electron\//,
  },
  {
    behaviour: "renderer/ importing Electron's 'electron/renderer' entry point breaks the renderer/ row",
    file: 'renderer/bridge.ts',
    text: "import { ipcRenderer } from 'electron/renderer';\nexport const on = ipcRenderer.on;\n",
    rule: 'layer-renderer-never-imports-electron',
    to: /^electron\/renderer$/,
  },
  {
    behaviour: 'renderer/ importing a Node built-in breaks the renderer/ row',
    file: 'renderer/paths.ts',
    text: "import { join } from 'node:path';\nexport const joinPath = join;\n",
    rule: 'layer-renderer-never-imports-node-builtins',
    to: /^(node:)?path$/,
  },
  {
    behaviour: 'a renderer feature folder importing renderer/app/ back is caught (only main.tsx may)',
    file: 'renderer/claims/back-edge.tsx',
    text: "import { Layout } from '../app/Layout';\nexport const Frame = Layout;\n",
    rule: 'renderer-only-main-imports-app',
    to: /^renderer\/app\/Layout\.tsx$/,
  },
  {
    behaviour: 'a renderer feature folder importing only types from renderer/app/ is caught too',
    file: 'renderer/sources/layout-types.ts',
    text: "import type { LayoutProps } from '../app/Layout';\nexport type ReaderProps = LayoutProps;\n",
    rule: 'renderer-only-main-imports-app',
    to: /^renderer\/app\/Layout\.tsx$/,
  },
  {
    behaviour: 'electron/db importing electron/services breaks the electron/db/ row',
    file: 'electron/db/calls-up.ts',
    text: "import { createLibrary } from '../services/library';\nexport const make = createLibrary;\n",
    rule: 'layer-db-imports-only-shared-better-sqlite3-and-node',
    to: /^electron\/services\/library\.ts$/,
  },
  {
    behaviour: "electron/db importing 'electron' breaks the electron/db/ row",
    file: 'electron/db/user-data.ts',
    text: "import { app } from 'electron';\nexport const folder = () => app.getPath('userData');\n",
    rule: 'layer-db-imports-only-shared-better-sqlite3-and-node',
    to: /(^|\/)node_modules\/electron\//,
  },
  {
    behaviour: 'electron/services importing electron/main breaks the electron/services/ row',
    file: 'electron/services/window-aware.ts',
    text: "import { createLibrary } from '../main/index';\nexport const make = createLibrary;\n",
    rule: 'layer-services-never-imports-electron-renderer-or-app-layers',
    to: /^electron\/main\/index\.ts$/,
  },
  {
    behaviour: 'electron/cli importing electron/db directly breaks the electron/cli/ row',
    file: 'electron/cli/raw-sql.ts',
    text: "import { open } from '../db/connection';\nexport const db = open('.');\n",
    rule: 'layer-cli-never-imports-electron-db-or-app-layers',
    to: /^electron\/db\/connection\.ts$/,
  },
  {
    behaviour: 'electron/main importing renderer/ breaks the electron/main/ row',
    file: 'electron/main/renders.ts',
    text: "import { App } from '../../renderer/App';\nexport const view = App;\n",
    rule: 'layer-main-never-imports-renderer-or-preload',
    to: /^renderer\/App\.tsx$/,
  },
  {
    behaviour: 'electron/preload importing electron/services breaks the electron/preload/ row',
    file: 'electron/preload/shortcut.ts',
    text: "import { createLibrary } from '../services/library';\nexport const make = createLibrary;\n",
    rule: 'layer-preload-imports-only-shared-and-electron',
    to: /^electron\/services\/library\.ts$/,
  },
  {
    behaviour: 'electron/preload importing a Node built-in breaks the electron/preload/ row',
    file: 'electron/preload/disk.ts',
    text: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    rule: 'layer-preload-imports-only-shared-and-electron',
    to: /^(node:)?fs$/,
  },
  {
    behaviour: 'code outside tests/ importing from tests/ is caught',
    file: 'electron/services/uses-test-helper.ts',
    text: "import { helper } from '../../tests/helpers/helper';\nexport const h = helper;\n",
    rule: 'no-import-from-tests',
    to: /^tests\/helpers\/helper\.ts$/,
  },
  {
    behaviour: 'a circular dependency is caught',
    file: 'shared/tradecraft/cycle-a.ts',
    text: "import { b } from './cycle-b';\nexport const a = (): number => b() + 1;\n",
    rule: 'no-circular',
    to: /^shared\/tradecraft\/cycle-b\.ts$/,
  },
  {
    behaviour: 'an import that does not resolve is caught instead of slipping past the layers',
    file: 'electron/services/typo.ts',
    text: "import { open } from '../db/conection';\nexport const o = open;\n",
    rule: 'no-unresolvable',
    to: /conection$/,
  },
];

/** The other half of the cycle above: its own violation is the same cycle seen from b. */
const CYCLE_PARTNER: Tree = {
  'shared/tradecraft/cycle-b.ts': "import { a } from './cycle-a';\nexport const b = (): number => a() - 1;\n",
};

let cleanViolations: Violation[];
let crossingViolations: Violation[];
let crossingTree: string;

beforeAll(async () => {
  const crossingFiles = Object.fromEntries(CROSSINGS.map(({ file, text }) => [file, text]));
  const cleanTree = writeFixtureTree(CLEAN_TREE);
  crossingTree = writeFixtureTree({ ...CLEAN_TREE, ...crossingFiles, ...CYCLE_PARTNER });
  [cleanViolations, crossingViolations] = await Promise.all([violationsIn(cleanTree), violationsIn(crossingTree)]);
});

afterAll(() => {
  for (const root of fixtureRoots) removeFixtureTree(root);
});

describe('the layer rule (.dependency-cruiser.cjs)', () => {
  it('finds no violation in a tree that keeps to the table', () => {
    expect(cleanViolations).toEqual([]);
  });

  describe.each(CROSSINGS)('$behaviour', ({ file, rule, to }) => {
    it(`reports ${rule} for ${file} and nothing else`, () => {
      const found = crossingViolations.filter((violation) => violation.from === file);
      expect(found).toEqual([{ rule, from: file, to: expect.stringMatching(to) as string }]);
    });
  });

  it('reports nothing in the crossing tree that no crossing file explains', () => {
    const explained = new Set([...CROSSINGS.map(({ file }) => file), ...Object.keys(CYCLE_PARTNER)]);
    expect(crossingViolations.filter((violation) => !explained.has(violation.from))).toEqual([]);
  });

  it('fails the run with a non-zero exit and tells the newcomer which row was broken', async () => {
    const run = await runLayers(crossingTree, ['--output-type', 'err-long']);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain('layer-shared-imports-only-shared-and-pure-libraries');
    expect(run.stdout).toContain('row "shared/"');
  });
});

describe('the repository itself', () => {
  it('keeps to the layer table (npm run layers exits 0)', async () => {
    const run = await runLayers(REPO_ROOT);
    // On failure the message is depcruise's own report: rule, from → to, one line each.
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  });
});
