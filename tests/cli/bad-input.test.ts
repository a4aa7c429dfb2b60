// The bad-input corpus (tests/fixtures/bad-input/corpus.ts) through `briefing import FILE`, as
// a user runs it: every entry as a real file with its real name. An import exits 0 and stores
// clean text; a refusal exits 2 with one clear line on stderr and leaves the library unchanged.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, ftruncateSync, openSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, main } from '../../electron/cli/main';
import { createLibrary } from '../../electron/services/createLibrary';
import { expectClearRefusal, expectCleanImport } from '../fixtures/bad-input/checks';
import { BAD_INPUTS, MIB, SIZE_LIMIT_TEXT } from '../fixtures/bad-input/corpus';
import { materializeCorpus, type MaterializedCorpus } from '../fixtures/bad-input/materialize';
import { makeTempDir, type TempDir } from '../helpers/tempDir';

let temp: TempDir;
let corpus: MaterializedCorpus;
/** A library holding one ordinary source, copied for every entry so entries can run side by side. */
let template: string;
beforeAll(async () => {
  temp = makeTempDir();
  corpus = materializeCorpus();
  template = temp.path('template.db');
  const library = createLibrary({ dbPath: template, logError: () => {} });
  await library.invoke('sources.import', { content: { text: 'A first, ordinary source.' }, metadata: {} });
  library.close();
});
afterAll(() => {
  corpus.remove();
  temp.remove();
});

let libraries = 0;
/** A new library file with the template's content. */
function newLibrary(): string {
  const db = temp.path(`library-${libraries++}.db`);
  copyFileSync(template, db);
  return db;
}

/** Runs the CLI in-process, without --json: what a person at a terminal sees. */
async function cli(db: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['--db', db, ...args], {
    stdout: (t) => (stdout += t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => (stderr += t.endsWith('\n') ? t : `${t}\n`),
  });
  return { code, stdout, stderr };
}

/** Reads the library the CLI wrote, after the CLI has closed it. */
async function readLibrary<T>(db: string, read: (library: ReturnType<typeof createLibrary>) => Promise<T>): Promise<T> {
  const library = createLibrary({ dbPath: db, logError: () => {} });
  try {
    return await read(library);
  } finally {
    library.close();
  }
}

/** The one line on stderr, without the program's name. */
function errorLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, `one line on stderr: ${stderr}`).toHaveLength(1);
  expect(lines[0]).toMatch(/^briefing: /);
  return lines[0]!.replace(/^briefing: /, '');
}

// Each run starts its own extraction worker (a second or two): entries run a few at a time, each on its own copy of the library.
describe.concurrent('briefing import with bad input', () => {
  it.each(BAD_INPUTS.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const db = newLibrary();
    const file = corpus.path(entry);
    const sourcesBefore = await readLibrary(db, (l) => l.invoke('sources.list', {}));
    const run = await cli(db, 'import', file);

    if (entry.file.outcome === 'refuse') {
      expect(run.code, `exit code; stderr: ${run.stderr}`).toBe(EXIT.badInput);
      expect(run.stdout).toBe('');
      expectClearRefusal(entry.name, entry.file, { message: errorLine(run.stderr) }, { fileName: entry.fileName });
      expect(
        await readLibrary(db, (l) => l.invoke('sources.list', {})),
        'a refusal leaves the library unchanged',
      ).toEqual(sourcesBefore);
      return;
    }

    expect(run.code, `exit code; stderr: ${run.stderr}`).toBe(EXIT.ok);
    expect(run.stderr).toBe('');
    const sourceId = Number(/^Imported source (\d+), version \d+\.$/m.exec(run.stdout)?.[1]);
    expect(sourceId, run.stdout).toBeGreaterThan(0);
    const warnings = [...run.stdout.matchAll(/^Note: (.*)$/gm)].map((m) => m[1]!);
    const { source, version, text } = await readLibrary(db, (l) => l.invoke('sources.get', { sourceId }));
    expectCleanImport(entry.name, entry.file, { text, title: source.title, format: version.format, warnings });
    expect(await readLibrary(db, (l) => l.invoke('sources.list', {}))).toHaveLength(sourcesBefore.length + 1);
  });
});

describe('briefing import over the size limit', () => {
  it('refuses the 50 MB file as a separate program too: exit code 2 and one line naming the limit', () => {
    const huge = BAD_INPUTS.find((e) => e.name === '50 MB text')!;
    const run = spawnSync(
      process.execPath,
      ['electron/cli/bin.mjs', '--db', newLibrary(), 'import', corpus.path(huge)],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(EXIT.badInput);
    expect(run.stdout).toBe('');
    expect(errorLine(run.stderr)).toContain(SIZE_LIMIT_TEXT);
  });

  it('refuses a file far over the limit from its size, without reading it', async () => {
    // A sparse 3 GiB file: it takes no disk space, but reading it would take 3 GiB of memory,
    // and Node cannot read a file over 2 GiB at once at all.
    const file = temp.path('disk-image-export.txt');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 3 * 1024 * MIB);
    closeSync(fd);
    const run = await cli(newLibrary(), 'import', file);
    expect(run.code).toBe(EXIT.badInput);
    expectClearRefusal(
      'sparse 3 GiB file',
      { outcome: 'refuse', code: 'TOO_LARGE', message: /3(,?072)?(\.0)? ?[GM]B|larger than|too large/i },
      { message: errorLine(run.stderr) },
      { fileName: 'disk-image-export.txt' },
    );
  });
});
