// Reading an imported document happens in a worker thread (electron/services/sources/
// textExtractor.ts), so the library keeps answering while a large page is read, failures in the
// worker reach the caller as the AppErrors they are, a worker that dies costs only its own
// import, and a closed library leaves nothing running.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { createLibrary, type Library } from '../../../electron/services/createLibrary';
import { openTempLibrary } from '../../helpers/tempLibrary';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

const base64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');

/**
 * A long web page: 12,000 paragraphs, 36,000 elements (within the limits of extraction/htmlBudget.ts). Reading it
 * takes seconds — about 1.8 s on a 2-core machine — which on the main thread would stall every
 * other request for as long.
 */
function heavyPage(paragraphs = 12_000): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p>Paragraph ${i} of the harbour report: <b>three ships</b> docked at the <i>northern pier</i> on Friday.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><title>Harbour report</title></head><body><article><h1>Harbour report</h1>${body}</article></body></html>`;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function tempLibrary(): ReturnType<typeof openTempLibrary> {
  const lib = openTempLibrary();
  cleanups.push(() => lib.close());
  return lib;
}

/** A library whose extraction worker may use only `maxHeapMb` of heap (how a hostile document's memory hunger is simulated). */
function cappedLibrary(maxHeapMb: number): { lib: Library; logged: unknown[] } {
  const dir = makeTempDir();
  const logged: unknown[] = [];
  const lib = createLibrary({
    dbPath: dir.path('library.db'),
    logError: (error) => logged.push(error),
    extractionMaxHeapMb: maxHeapMb,
  });
  cleanups.push(() => {
    lib.close();
    dir.remove();
  });
  return { lib, logged };
}

describe('importing in a worker thread', () => {
  it('answers a search and the source list while a heavy page is being read, then imports it whole', async () => {
    const lib = tempLibrary();
    await lib.invoke('claims.create', { statement: 'Three ships docked at the northern pier' });
    // Warm the worker, so what follows measures reading the page, not starting the worker.
    await lib.invoke('sources.import', {
      content: { text: 'A short note about the harbour.' },
      metadata: { title: 'Note' },
    });

    const settled: string[] = [];
    const importing = lib.invoke('sources.import', {
      content: { base64: base64(heavyPage()), fileName: 'harbour.html' },
    });
    importing.then(
      () => settled.push('import'),
      () => settled.push('import failed'),
    );
    setTimeout(() => settled.push('timer after 50 ms'), 50);
    const search = await lib.invoke('claims.search', { query: 'ships pier' });
    settled.push('search');
    const sources = await lib.invoke('sources.list', {});
    settled.push('list');

    expect(search.hits.map((hit) => hit.statement)).toEqual(['Three ships docked at the northern pier']);
    // Nothing of the page is in the library while it is being read.
    expect(sources.map((s) => s.title)).toEqual(['Note']);
    const imported = await importing;
    expect(settled).toEqual(['search', 'list', 'timer after 50 ms', 'import']);

    const { source, text } = await lib.invoke('sources.get', { sourceId: imported.sourceId });
    expect(source.title).toBe('Harbour report');
    expect(text).toContain('Paragraph 0 of the harbour report: three ships docked at the northern pier on Friday.');
    expect(text).toContain('Paragraph 11999 of the harbour report');
  });

  it('passes on the AppErrors of documents that cannot be imported, code and sentence intact', async () => {
    const lib = tempLibrary();
    const latin1 = lib.invoke('sources.import', {
      content: { base64: base64(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x0a])), fileName: 'café.txt' },
    });
    await expect(latin1).rejects.toBeInstanceOf(AppError);
    await expect(latin1).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
    await expect(latin1).rejects.toThrow('"café.txt" is not UTF-8 text');
    await expect(
      lib.invoke('sources.import', { content: { base64: '', fileName: 'empty.txt' } }),
    ).rejects.toMatchObject({
      code: 'UNSUPPORTED_FILE',
      message: 'The file "empty.txt" is empty; there is no text to import.',
    });
    await expect(
      lib.invoke('sources.import', { content: { text: `${'<div>'.repeat(2_000)}deep`, format: 'html' } }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
    expect(await lib.invoke('sources.list', {})).toEqual([]);
    // The worker that refused them still reads the next document.
    const ok = await lib.invoke('sources.import', {
      content: { text: 'Café culture on the northern pier.' },
      metadata: { title: 'Café' },
    });
    expect((await lib.invoke('sources.get', { sourceId: ok.sourceId })).text).toBe(
      'Café culture on the northern pier.',
    );
  });

  it('fails only the import whose worker died (out of memory), then reads the next one in a fresh worker', async () => {
    // 64 MB holds the worker and a small document, not jsdom's tree of the heavy page.
    const { lib, logged } = cappedLibrary(64);
    await lib.invoke('sources.import', {
      content: { text: 'A short note about the harbour.' },
      metadata: { title: 'Note' },
    });
    const before = await lib.invoke('library.info', {});

    const heavy = lib.invoke('sources.import', { content: { base64: base64(heavyPage()), fileName: 'harbour.html' } });
    // Queued behind the one that will kill the worker: it must not share its fate.
    const next = lib.invoke('sources.import', {
      content: { text: 'Two tugs left the southern pier.' },
      metadata: { title: 'Tugs' },
    });
    await expect(heavy).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(heavy).rejects.toThrow(
      /^Reading “harbour\.html” took more memory than an import may use, so it was stopped; nothing was imported\./,
    );
    expect(logged).toEqual([expect.objectContaining({ code: 'ERR_WORKER_OUT_OF_MEMORY' })]);

    const { sourceId } = await next;
    expect((await lib.invoke('sources.get', { sourceId })).text).toBe('Two tugs left the southern pier.');
    const after = await lib.invoke('library.info', {});
    expect(after.counts.sources).toBe(before.counts.sources + 1);
    expect((await lib.invoke('sources.list', {})).map((s) => s.title).sort()).toEqual(['Note', 'Tugs']);
  });

  it('fails an import still being read when the library closes, and refuses imports after', async () => {
    const dir = makeTempDir();
    cleanups.push(() => dir.remove());
    const lib = createLibrary({ dbPath: dir.path('library.db'), logError: () => {} });
    const heavy = lib.invoke('sources.import', { content: { base64: base64(heavyPage()), fileName: 'harbour.html' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    lib.close();
    await expect(heavy).rejects.toMatchObject({
      code: 'NOT_AVAILABLE',
      message: 'The library was closed while “harbour.html” was being read; nothing was imported.',
    });
  });
});

describe('a process that used the library', () => {
  let dir: TempDir;
  afterEach(() => dir?.remove());

  /** Runs tests/services/sources/fixtures/importThenExit.ts in a fresh Node process; resolves with its exit code and output, or null if it is still running after `timeoutMs`. */
  function runImportThenExit(
    closeLibrary: boolean,
    timeoutMs = 30_000,
  ): Promise<{ code: number | null; stdout: string; stderr: string } | null> {
    dir = makeTempDir();
    const script = join(import.meta.dirname, 'fixtures', 'importThenExit.ts');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, dir.path('library.db'), closeLibrary ? 'close' : 'leave-open'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, timeoutMs);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  it('exits by itself after close(): no extraction worker is left running', async () => {
    const run = await runImportThenExit(true);
    expect(run, 'the process was still running 30 s later').not.toBeNull();
    expect(run!.stderr).toBe('');
    expect(run!.code).toBe(0);
    expect(JSON.parse(run!.stdout)).toEqual({ imported: true, closed: true });
  });

  it('exits by itself even without close(): an idle worker never holds a process open', async () => {
    const run = await runImportThenExit(false);
    expect(run, 'the process was still running 30 s later').not.toBeNull();
    expect(run!.code).toBe(0);
    expect(JSON.parse(run!.stdout)).toEqual({ imported: true, closed: false });
  });
});
