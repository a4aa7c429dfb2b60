// The finishing step on real files: a Chromium PDF gets its metadata and attachment as an
// incremental update (Chromium's bytes untouched, a valid cross-reference section after them);
// a file laid out otherwise is rewritten by pdf-lib with the same result for a reader.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrinter } from '../../electron/services/export/chromiumPrinter';
import { finishPdf, type PdfFinishing } from '../../electron/services/export/pdfPostprocess';
import { makeTempDir, type TempDir } from '../helpers/tempDir';
import { pdfAttachment, pdfAttachments, pdfInfo, pdfOutline } from './poppler';

const FINISHING: PdfFinishing = {
  title: 'Velmora: outlook «to April»',
  author: 'J. Analyst',
  subject: 'Container traffic has collapsed.',
  keywords: ['TLP:AMBER', 'velmora', 'brief 7', 'revision 3'],
  language: 'en',
  createdAt: '2026-03-12T09:30:00.000Z',
  creator: 'Briefing Composer',
  producer: 'Briefing Composer (test)',
  auditJson: new TextEncoder().encode(JSON.stringify({ brief: { id: 7 }, citations: [{ note: 1, quote: 'שלום' }] })),
  auditDescription: 'Audit record of brief 7 revision 3.',
};

let temp: TempDir;
let printed: Uint8Array;
beforeAll(async () => {
  temp = makeTempDir();
  const printer = createChromiumPrinter();
  try {
    printed = await printer.printToPdf(
      '<!doctype html><html lang="en"><title>t</title><body><h1>Outlook</h1><p>Text <a href="#n1">1</a></p><h2>Notes</h2><p id="n1" style="break-before:page">Note</p></body></html>',
      {
        pageSize: 'A4',
        margins: { top: 20, right: 20, bottom: 20, left: 20 },
        printBackground: true,
        tagged: true,
        outline: true,
      },
    );
  } finally {
    await printer.close();
  }
});
afterAll(() => temp?.remove());

/** Poppler reads the file without complaint (it reports a damaged cross-reference table on stderr and rebuilds it). */
function popplerStderr(file: string): string {
  return ['pdfinfo', 'pdftotext']
    .map((tool) => spawnSync(tool, tool === 'pdftotext' ? [file, '-'] : [file], { encoding: 'utf8' }).stderr)
    .join('');
}

function expectFinished(file: string, doc: PDFDocument) {
  const info = pdfInfo(file);
  expect(info).toMatchObject({
    Title: FINISHING.title,
    Author: FINISHING.author,
    Subject: FINISHING.subject,
    Keywords: 'TLP:AMBER velmora brief 7 revision 3',
    Creator: FINISHING.creator,
    Producer: FINISHING.producer,
    Pages: '2',
  });
  expect(pdfAttachments(file)).toEqual(['briefing-audit.json']);
  expect(pdfAttachment(file, 1, `${file}.json`)).toEqual(Buffer.from(FINISHING.auditJson));
  const catalog = doc.catalog;
  expect(catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  expect((catalog.get(PDFName.of('Lang')) as PDFString).decodeText()).toBe('en');
  expect(catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))).toBe(
    PDFBool.True,
  );
  expect(catalog.lookup(PDFName.of('AF'), PDFArray).size()).toBe(1);
  expect(popplerStderr(file)).toBe('');
}

describe('finishing a printed PDF', () => {
  it('appends to what Chromium printed: its bytes, tags and outline stay; a new cross-reference section points at each new object', async () => {
    const { bytes, pages } = await finishPdf(printed, FINISHING);
    expect(pages).toBe(2);
    expect(Buffer.from(bytes.subarray(0, printed.length)).equals(Buffer.from(printed))).toBe(true);
    const update = Buffer.from(bytes.subarray(printed.length)).toString('latin1');
    const section = /\nxref\n([\s\S]*?)trailer\n/.exec(update)![1]!;
    let entries = 0;
    for (const [, first, count, rows] of section.matchAll(/(\d+) (\d+)\n((?:\d{10} \d{5} n\r\n)+)/g)) {
      rows!
        .split('\r\n')
        .filter(Boolean)
        .forEach((row, i) => {
          const offset = Number(row.slice(0, 10));
          expect(Buffer.from(bytes.subarray(offset, offset + 24)).toString('latin1')).toMatch(
            new RegExp(`^${Number(first) + i} 0 obj\\b`),
          );
          entries++;
        });
      expect(rows!.split('\r\n').filter(Boolean)).toHaveLength(Number(count));
    }
    expect(entries).toBeGreaterThanOrEqual(4); // information, catalog, file specification, embedded file
    expect(update).toMatch(
      new RegExp(`/Prev ${/startxref\s+(\d+)\s+%%EOF\s*$/.exec(Buffer.from(printed).toString('latin1'))![1]}\\b`),
    );

    const file = temp.path('appended.pdf');
    writeFileSync(file, bytes);
    expectFinished(file, await PDFDocument.load(bytes, { updateMetadata: false }));
    expect(pdfInfo(file).Tagged).toBe('yes');
    expect((await pdfOutline(file)).map((e) => e.title)).toEqual(['Outlook', 'Notes']);
  });

  it('leaves out Author when the brief has none', async () => {
    const file = temp.path('no-author.pdf');
    writeFileSync(file, (await finishPdf(printed, { ...FINISHING, author: '' })).bytes);
    expect(pdfInfo(file).Author).toBeUndefined();
  });

  it('rewrites a file it cannot append to (cross-reference stream, object streams) with the same result for a reader', async () => {
    const other = await PDFDocument.create();
    other.addPage();
    other.addPage();
    const compressed = await other.save({ useObjectStreams: true });
    const { bytes, pages } = await finishPdf(compressed, FINISHING);
    expect(pages).toBe(2);
    expect(Buffer.from(bytes.subarray(0, compressed.length)).equals(Buffer.from(compressed))).toBe(false);
    const file = temp.path('rewritten.pdf');
    writeFileSync(file, bytes);
    expectFinished(file, await PDFDocument.load(bytes, { updateMetadata: false }));
  });
});
