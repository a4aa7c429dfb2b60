// The bad-input corpus (tests/fixtures/bad-input/corpus.ts) through the service every transport
// calls: `sources.import` on a real library file, with a file's bytes (base64, as the app and the
// CLI send them) and, for what makes sense as pasted text, with the text itself (as "Paste text"
// sends it). Each entry imports cleanly or is refused with a clear error, and a refusal leaves
// the library exactly as it was.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../electron/services/createLibrary';
import { AppError, isAppErrorPayload } from '../../shared/api/errors';
import { expectClearRefusal, expectCleanImport } from '../fixtures/bad-input/checks';
import { BAD_INPUTS, PASTEABLE_INPUTS, type BadInput, type Expectation } from '../fixtures/bad-input/corpus';
import { materializeCorpus, type MaterializedCorpus } from '../fixtures/bad-input/materialize';
import { makeTempDir, type TempDir } from '../helpers/tempDir';

let corpus: MaterializedCorpus;
beforeAll(() => {
  corpus = materializeCorpus();
});
afterAll(() => corpus.remove());

/** Everything a write could change: the row count of every table (FTS shadow tables included) and the size of the files. */
function fingerprint(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const counts = tables.map(
      (t) =>
        `${t}=${
          db
            .prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`)
            .pluck()
            .get() as number
        }`,
    );
    const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
    return [...counts, `db=${size(dbPath)}`, `wal=${size(`${dbPath}-wal`)}`].join(' ');
  } finally {
    db.close();
  }
}

/** The AppError an import rejects with (failing if it resolves). */
async function refusalOf(run: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run;
  } catch (error) {
    expect(error instanceof AppError || isAppErrorPayload(error), `not an AppError: ${String(error)}`).toBe(true);
    return error as AppError;
  }
  throw new Error('expected the import to be refused, but it was imported');
}

/** One library per kind of content: a file's bytes, or pasted text. */
function suite(kind: 'file' | 'pasted text', entries: readonly BadInput[]) {
  describe(`sources.import with bad input as ${kind}`, () => {
    let temp: TempDir;
    let library: Library;
    let dbPath: string;
    beforeAll(() => {
      temp = makeTempDir();
      dbPath = temp.path('library.db');
      library = createLibrary({ dbPath, logError: () => {} });
    });
    afterAll(() => {
      library.close();
      temp.remove();
    });

    it.each(entries.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
      const expected: Expectation = kind === 'file' ? entry.file : entry.paste!.asSource;
      const pasted = kind === 'file' ? undefined : corpus.pasteText(entry);
      const content =
        kind === 'file'
          ? { base64: corpus.bytes(entry).toString('base64'), fileName: entry.fileName }
          : { text: pasted!, format: 'text' as const };
      const before = fingerprint(dbPath);
      const sourcesBefore = (await library.invoke('sources.list', {})).length;

      if (expected.outcome === 'refuse') {
        const error = await refusalOf(library.invoke('sources.import', { content, metadata: {} }));
        expectClearRefusal(entry.name, expected, error, kind === 'file' ? { fileName: entry.fileName } : 'the text');
        expect(await library.invoke('sources.list', {}), 'a refusal adds no source').toHaveLength(sourcesBefore);
        expect(fingerprint(dbPath), 'a refusal writes nothing').toBe(before);
        return;
      }

      const result = await library.invoke('sources.import', { content, metadata: {} });
      // Every entry's text differs from every other's: each import makes a new source.
      expect(result.duplicateOfSourceId, 'a new source').toBeNull();
      const { source, version, text } = await library.invoke('sources.get', { sourceId: result.sourceId });
      expectCleanImport(
        entry.name,
        expected,
        { text, title: source.title, format: version.format, warnings: result.warnings },
        pasted,
      );
      expect(await library.invoke('sources.list', {})).toHaveLength(sourcesBefore + 1);
    });

    it('still imports a normal document afterwards', async () => {
      const result = await library.invoke('sources.import', {
        content: { text: `A normal document after the bad ${kind} inputs.` },
        metadata: {},
      });
      expect((await library.invoke('sources.get', { sourceId: result.sourceId })).text).toBe(
        `A normal document after the bad ${kind} inputs.`,
      );
    });
  });
}

describe('the bad-input corpus', () => {
  it('has at least 30 hostile HTML payloads and every kind of malformed file, with unique names', () => {
    expect(BAD_INPUTS.filter((e) => e.group === 'hostile html').length).toBeGreaterThanOrEqual(30);
    for (const group of [
      'encoding',
      'binary',
      'empty',
      'size',
      'invisible characters',
      'line endings',
      'file name',
      'misleading extension',
    ] as const) {
      expect(
        BAD_INPUTS.some((e) => e.group === group),
        group,
      ).toBe(true);
    }
    expect(new Set(BAD_INPUTS.map((e) => e.name)).size).toBe(BAD_INPUTS.length);
    expect(new Set(BAD_INPUTS.map((e) => e.fileName)).size).toBe(BAD_INPUTS.length);
  });

  it('makes the large entries to size: 50 MB over the limit, a single line of 5 MB', () => {
    const huge = BAD_INPUTS.find((e) => e.name === '50 MB text')!;
    expect(corpus.bytes(huge).length).toBe(50 * 1024 * 1024);
    const line = BAD_INPUTS.find((e) => e.name === 'a single 5 MB line')!;
    const bytes = corpus.bytes(line);
    expect(bytes.length).toBe(5 * 1024 * 1024);
    expect(bytes.includes(0x0a)).toBe(false);
    // The long file name is as long as file systems allow.
    expect(Buffer.byteLength(BAD_INPUTS.find((e) => e.group === 'file name')!.fileName)).toBe(255);
  });
});

suite('file', BAD_INPUTS);
suite('pasted text', PASTEABLE_INPUTS);
