// In the app the page never names the PDF file: the library asks the main process's save
// dialog (injected as chooseExportFile). Cancelling writes nothing; a blocked export asks nothing.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../electron/services/createLibrary';
import type { Printer } from '../../electron/services/export/printer';
import { makeTempDir, type TempDir } from '../helpers/tempDir';

// A boundary that cannot exist here without Chromium work per test: a printer that returns a
// minimal valid PDF. The real printers are exercised by export.test.ts.
const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const stubPrinter: Printer = { printToPdf: async () => new Uint8Array(MINIMAL_PDF) };

let temp: TempDir;
let library: Library;
afterEach(() => {
  library?.close();
  temp?.remove();
});

async function setUp(choose: (name: string) => Promise<string | null>) {
  temp = makeTempDir();
  const asked: string[] = [];
  library = createLibrary({
    dbPath: temp.path('lib.db'),
    printer: stubPrinter,
    chooseExportFile: (name) => (asked.push(name), choose(name)),
    logError: () => {},
  });
  const { sourceId } = await library.invoke('sources.import', {
    content: { text: 'The depot burned on Monday.' },
    metadata: { title: 'Depot' },
  });
  const claim = await library.invoke('claims.create', {
    statement: 'The depot burned',
    citations: [{ target: { sourceId, quote: 'The depot burned on Monday.' } }],
  });
  const brief = await library.invoke('briefs.create', { title: 'Depot: fire / damage?' });
  await library.invoke('briefs.append', { briefId: brief.id, block: { claimId: claim.id } });
  return { asked, briefId: brief.id, sourceId };
}

describe('export without a file name (the app)', () => {
  it('asks for a file, suggesting a safe name from the title, and writes there', async () => {
    const { asked, briefId } = await setUp(async () => temp.path('chosen.pdf'));
    const result = await library.invoke('briefs.exportPdf', { briefId });
    expect(asked).toEqual(['Depot fire damage.pdf']);
    expect(result).toMatchObject({ exported: true, cancelled: false, path: temp.path('chosen.pdf') });
    expect(existsSync(temp.path('chosen.pdf'))).toBe(true);
  });

  it('writes nothing when the dialog is cancelled, and says it was cancelled', async () => {
    const { briefId } = await setUp(async () => null);
    const result = await library.invoke('briefs.exportPdf', { briefId });
    expect(result).toMatchObject({ exported: false, cancelled: true, path: null });
  });

  it('does not ask at all when orphaned citations block the export', async () => {
    const { asked, briefId, sourceId } = await setUp(async () => temp.path('never.pdf'));
    await library.invoke('sources.import', { content: { text: 'Completely different text now.' }, sourceId });
    const result = await library.invoke('briefs.exportPdf', { briefId });
    expect(result.preflight.blocked).toBe(true);
    expect(result).toMatchObject({ exported: false, cancelled: false });
    expect(asked).toEqual([]);
    expect(existsSync(temp.path('never.pdf'))).toBe(false);
  });
});
