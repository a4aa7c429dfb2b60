// Export to PDF, checked the way a reader would: the real PDF printed by real Chromium, read
// back with poppler (pdftotext, pdfinfo, pdffonts, pdfdetach) and, for the outline and links,
// parsed with pdf-lib. The library is built through the real services on a real SQLite file.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import type { AuditRecord } from '../../electron/services/export/audit';
import { createChromiumPrinter, type ChromiumPrinter } from '../../electron/services/export/chromiumPrinter';
import { exportBrief } from '../../electron/services/export/exportBrief';
import { createExportHandlers } from '../../electron/services/export/handlers';
import { loadPrintModel } from '../../electron/services/export/printModel';
import { renderPrintDocument } from '../../electron/services/export/printHtml';
import { exportPdfResultSchema, exportPreflightSchema, type ExportPdfResult } from '../../shared/api/briefs';
import { openTempLibrary } from '../helpers/tempLibrary';
import { buildExportFixture, HOSTILE_TEXT, QUOTES, type ExportFixture } from './fixture';
import {
  flat,
  letters,
  pdfAttachment,
  pdfAttachments,
  pdfFonts,
  pdfInfo,
  pdfLinks,
  pdfNamedDestinations,
  pdfOutline,
  pdfText,
  pdfWords,
} from './poppler';
import { chromiumChildren } from './processes';

let library: ReturnType<typeof openTempLibrary>;
let fixture: ExportFixture;
let clean: ExportPdfResult;
let cleanPdf: string;
let orphanPdf: string;
/** One printer (one browser) for every export of this file, as the app keeps one. */
let printer: ChromiumPrinter;

beforeAll(async () => {
  printer = createChromiumPrinter();
  library = openTempLibrary();
  fixture = await buildExportFixture(library);
  cleanPdf = library.dir.path('clean.pdf');
  orphanPdf = library.dir.path('orphan.pdf');
  clean = await exportBrief(library.context, { briefId: fixture.cleanBriefId, outFile: cleanPdf, printer });
  await exportBrief(library.context, {
    briefId: fixture.orphanBriefId,
    outFile: orphanPdf,
    allowOrphans: true,
    printer,
  });
}, 120_000);
afterAll(async () => {
  await printer?.close();
  library?.close();
});

async function auditOf(file: string): Promise<AuditRecord> {
  const names = pdfAttachments(file);
  expect(names).toEqual(['briefing-audit.json']);
  return JSON.parse(pdfAttachment(file, 1, `${file}.audit.json`).toString('utf8')) as AuditRecord;
}

describe('exporting a brief to PDF', () => {
  it('writes the PDF and reports its page count, which every footer repeats as "Page X of Y"', () => {
    expect(clean.exported).toBe(true);
    expect(clean.path).toBe(cleanPdf);
    const pages = Number(pdfInfo(cleanPdf).Pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(clean.pages).toBe(pages);
    expect(clean.bytes).toBe(readFileSync(cleanPdf).byteLength);
    for (let page = 1; page <= pages; page++)
      expect(flat(pdfText(cleanPdf, { first: page, last: page }))).toContain(`Page ${page} of ${pages}`);
  });

  it('prints the marking at the top and bottom of every page, the running title and date in the header, brief and page number in the footer', () => {
    for (const [file, marking, title] of [
      [cleanPdf, 'TLP:AMBER', 'Velmora port closure: outlook to April'],
      [orphanPdf, 'SECRET//NOFORN', 'Velmora salvage costs (draft)'],
    ] as const) {
      const count = Number(pdfInfo(file).Pages);
      for (let page = 1; page <= count; page++) {
        const lines = pdfText(file, { layout: true, first: page, last: page })
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        expect(lines[0], `top of page ${page}`).toBe(marking);
        expect(lines[1], `running header of page ${page}`).toMatch(
          new RegExp(`^${title.replace(/[()]/g, '\\$&')}\\s{2,}\\d{1,2} [A-Z][a-z]+ \\d{4}$`),
        );
        expect(lines.at(-2), `footer of page ${page}`).toMatch(
          new RegExp(`^Brief \\d+ · revision \\d+\\s{2,}Page ${page} of ${count}$`),
        );
        expect(lines.at(-1), `bottom of page ${page}`).toBe(marking);
      }
    }
  });

  it('shows the title block: title, date, author and marking', () => {
    const first = flat(pdfText(cleanPdf, { first: 1, last: 1 }));
    expect(first).toContain('Velmora port closure: outlook to April');
    expect(first).toMatch(/Date \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(first).toContain('Author J. Analyst');
    expect(first).toContain('Marking TLP:AMBER');
  });

  it('contains every claim statement, each followed by the numbers of its notes', async () => {
    const text = flat(pdfText(cleanPdf));
    const audit = await auditOf(cleanPdf);
    const claimIds = Object.entries(fixture.claimIds)
      .filter(([k]) => k !== 'orphan')
      .map(([, id]) => id);
    for (const claimId of claimIds) {
      const claim = await library.invoke('claims.get', { claimId });
      const notes = audit.citations.filter((c) => c.claimId === claimId).map((c) => c.note);
      expect(text, `claim ${claimId}`).toContain(
        notes.length ? `${claim.statement} ${notes.join(',')}` : claim.statement,
      );
    }
  });

  it('quotes every cited passage exactly as it stands in the source version used', async () => {
    const text = flat(pdfText(cleanPdf));
    const audit = await auditOf(cleanPdf);
    expect(audit.citations.length).toBe(8);
    for (const c of audit.citations) {
      const { text: sourceText } = await library.invoke('sources.get', {
        sourceId: c.sourceId,
        versionId: c.sourceVersionId,
      });
      expect(c.quote).toBe(sourceText.slice(c.start!, c.end!));
      // Arabic comes out of poppler with spurious gaps inside words; compare letters in order.
      expect(letters(text), `note ${c.note}`).toContain(letters(c.quote));
      if (/^[\p{ASCII}\u0080-\u024f\s’]+$/u.test(c.quote)) expect(text).toContain(flat(c.quote));
    }
    // Each note gives source title, publisher, date and grading.
    expect(text).toContain(
      'Velmora port traffic plunges after channel closure, Harbor Gazette, 2026-03-04. B2 · supports',
    );
    expect(text).toMatch(/fuzzy match \(0\.\d\d\)/);
  });

  it('numbers notes 1…N in order of first appearance, each marker a working link to its note', async () => {
    const audit = await auditOf(cleanPdf);
    const n = audit.citations.length;
    const expected = Array.from({ length: n }, (_, i) => `note-${i + 1}`);
    const links = await pdfLinks(cleanPdf);
    const markers = links.filter((l) => l.dest?.startsWith('note-')).map((l) => l.dest!);
    expect([...new Set(markers)]).toEqual(expected); // first appearance order is 1, 2, 3, …
    const destinations = await pdfNamedDestinations(cleanPdf);
    for (const name of expected) expect(destinations).toContain(name);
    // The Notes section lists the numbers in sequence.
    const notes = pdfText(cleanPdf).split('\nNotes\n')[1]!.split('\nEvidence appendix\n')[0]!;
    const numbers = [...notes.matchAll(/^(\d+)\.$/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    // The text marker after the inline citation matches its note.
    const inline = audit.citations.find((c) => c.citationId === fixture.inlineCitationId)!;
    expect(flat(pdfText(cleanPdf))).toContain(`are at risk ${inline.note} if the closure`);
  });

  it('embeds every font it uses, all of them the bundled Noto faces', () => {
    const fonts = pdfFonts(cleanPdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans|SansArabic|SansHebrew\w*)-/);
      expect(font.type).not.toBe('Type 3');
    }
    const names = fonts.map((f) => f.name).join(' ');
    for (const family of ['NotoSerif-', 'NotoSans-', 'NotoSansArabic', 'NotoSansHebrew'])
      expect(names).toContain(family);
  });

  it('is a tagged PDF whose outline follows the headings', async () => {
    expect(pdfInfo(cleanPdf).Tagged).toBe('yes');
    const outline = await pdfOutline(cleanPdf);
    expect(outline[0]).toEqual({ title: 'Velmora port closure: outlook to April', depth: 0 });
    expect(outline.filter((e) => e.depth === 1).map((e) => e.title)).toEqual([
      'BLUF',
      'Key judgments',
      'Discussion',
      'Outlook',
      'Notes',
      'Evidence appendix',
      'Audit record',
    ]);
  });

  it('carries Title, Author, Subject and Keywords in the document information', () => {
    const info = pdfInfo(cleanPdf);
    expect(info.Title).toBe('Velmora port closure: outlook to April');
    expect(info.Author).toBe('J. Analyst');
    expect(info.Subject).toMatch(/^Container traffic through Velmora has collapsed/);
    expect(info.Keywords).toContain('TLP:AMBER');
    expect(info.Keywords).toContain('velmora');
    expect(info.Creator).toBe('Briefing Composer');
  });

  it('extracts the Arabic and Hebrew quotes in logical order, and prints them right to left', () => {
    const text = pdfText(cleanPdf);
    expect(letters(text)).toContain(letters(QUOTES.arabic));
    expect(flat(text)).toContain(QUOTES.hebrew);
    // On paper the first word of the Hebrew quote stands to the right of its last word.
    const notesPage = [...Array(Number(pdfInfo(cleanPdf).Pages)).keys()]
      .map((i) => i + 1)
      .find((p) => pdfText(cleanPdf, { first: p, last: p }).includes(QUOTES.hebrew))!;
    const words = pdfWords(cleanPdf, notesPage);
    const visual = (w: string) => [...w].reverse().join('');
    const [firstWord, lastWord] = [QUOTES.hebrew.split(' ')[0]!, QUOTES.hebrew.split(' ').at(-1)!];
    const first = words.find((w) => w.text === visual(firstWord) || w.text === firstWord)!;
    const last = words.find((w) => w.text === visual(lastWord) || w.text === lastWord)!;
    expect(first && last).toBeTruthy();
    expect(Math.abs(first.yMin - last.yMin)).toBeLessThan(2);
    expect(first.xMin).toBeGreaterThan(last.xMin);
  });

  it('lists every cited source in the evidence appendix with the version used', async () => {
    const text = flat(pdfText(cleanPdf).split('\nEvidence appendix\n')[1]!);
    for (const sourceId of Object.values(fixture.sourceIds)) {
      const source = await library.invoke('sources.get', { sourceId });
      expect(letters(text)).toContain(letters(source.source.title));
      expect(text).toContain(`v${source.version.versionNo} (id ${source.version.id}), imported`);
      expect(text).toContain(source.version.sha256.slice(0, 16));
    }
  });

  it('attaches an audit record that matches the library: brief revision, claim revisions, source versions', async () => {
    const audit = await auditOf(cleanPdf);
    const brief = await library.invoke('briefs.get', { briefId: fixture.cleanBriefId });
    expect(audit.brief).toMatchObject({
      id: brief.id,
      revision: brief.revision,
      title: brief.title,
      marking: 'TLP:AMBER',
    });
    for (const c of audit.citations) {
      const citation = await library.invoke('citations.get', { citationId: c.citationId });
      expect(c).toMatchObject({
        sourceId: citation.sourceId,
        sourceVersionId: citation.versionId,
        start: citation.start,
        end: citation.end,
        status: citation.anchorStatus,
      });
      if (c.claimId !== null)
        expect(c.claimRevision).toBe((await library.invoke('claims.get', { claimId: c.claimId })).revision);
      const versions = await library.invoke('sources.versions', { sourceId: c.sourceId });
      expect(c.sha256).toBe(versions.find((v) => v.id === c.sourceVersionId)!.sha256);
    }
    expect(audit.citations.find((c) => c.claimId === fixture.claimIds.traffic)!.claimRevision).toBe(2);
    expect(audit.citations.find((c) => c.claimId === fixture.claimIds.insurance)!.status).toBe('fuzzy');
    // The printed appendix names the attachment and its digest.
    const { createHash } = await import('node:crypto');
    const digest = createHash('sha256')
      .update(pdfAttachment(cleanPdf, 1, `${cleanPdf}.again.json`))
      .digest('hex');
    expect(flat(pdfText(cleanPdf))).toContain(`briefing-audit.json (SHA-256 ${digest.slice(0, 16)}`);
  });

  it('marks an orphaned citation in the notes and the audit record when the analyst allowed it', async () => {
    const audit = await auditOf(orphanPdf);
    const orphan = audit.citations.find((c) => c.claimId === fixture.claimIds.orphan)!;
    expect(orphan).toMatchObject({ status: 'orphaned', start: null, end: null, quote: QUOTES.orphan });
    const text = flat(pdfText(orphanPdf));
    expect(text).toContain('1 citation is orphaned');
    expect(text).toContain(`${QUOTES.orphan}`);
    expect(text).toContain('ORPHANED: passage not found in the current version');
  });

  it('prints user text as text: no markup from the brief reaches the HTML, and only http(s) links survive', async () => {
    const doc = renderPrintDocument(loadPrintModel(library.context, fixture.cleanBriefId));
    expect(doc.html).not.toContain('<script>alert');
    expect(doc.html).not.toContain('javascript:');
    expect(flat(pdfText(cleanPdf))).toContain(HOSTILE_TEXT);
    const uris = (await pdfLinks(cleanPdf)).map((l) => l.uri).filter(Boolean);
    expect(uris).toContain('https://example.org/velmora/port-statistics');
    for (const uri of uris) expect(uri).toMatch(/^(https?:|mailto:)/);
  });
});

describe('briefing export (command line)', () => {
  async function cli(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(['--db', library.context.dbPath, ...args], {
      stdout: (t) => (stdout += `${t}\n`),
      stderr: (t) => (stderr += `${t}\n`),
    });
    return { code, stdout, stderr };
  }

  it('blocks a brief with orphaned citations: lists them, exits 1 and writes nothing', async () => {
    const out = library.dir.path('blocked.pdf');
    const run = await cli('export', String(fixture.orphanBriefId), '--out', out);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('ORPHANED citation');
    expect(run.stdout).toContain(QUOTES.orphan);
    expect(run.stdout).toContain('fuzzy citation');
    expect(run.stdout).toContain('uncited claim');
    expect(run.stdout).toContain('--allow-orphans');
    expect(existsSync(out)).toBe(false);
  });

  it('exports it with --allow-orphans, and --json gives the pre-flight and the output path; its browser is closed again', async () => {
    const out = library.dir.path('allowed.pdf');
    const browsers = chromiumChildren();
    const run = await cli('--json', 'export', String(fixture.orphanBriefId), '--out', out, '--allow-orphans');
    expect(chromiumChildren()).toEqual(browsers);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ExportPdfResult;
    expect(result).toMatchObject({ exported: true, path: out });
    expect(result.preflight.orphaned.map((o) => o.claimId)).toEqual([fixture.claimIds.orphan]);
    expect(result.preflight.uncitedClaims.map((u) => u.claimId)).toEqual([fixture.claimIds.uncited]);
    expect(Number(pdfInfo(out).Pages)).toBe(result.pages);
  });

  it('exits 1 with --json too when blocked, reporting exported: false', async () => {
    const run = await cli('--json', 'export', String(fixture.orphanBriefId), '--out', library.dir.path('blocked2.pdf'));
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ exported: false, path: null, preflight: { blocked: true } });
  });

  it('exits 2 on bad input: an unknown brief, a brief id that is not a number, a folder as output', async () => {
    expect((await cli('export', '9999', '--out', library.dir.path('x.pdf'))).code).toBe(2);
    expect((await cli('export', 'abc', '--out', library.dir.path('x.pdf'))).code).toBe(2);
    expect((await cli('export', String(fixture.cleanBriefId))).code).toBe(2);
    expect((await cli('export', String(fixture.cleanBriefId), '--out', library.dir.dir)).code).toBe(2);
  });
});

describe('the export handlers (the contract the app calls)', () => {
  it('briefs.preflight lists orphaned and fuzzy citations and uncited claims in the contract shape', async () => {
    const handlers = createExportHandlers(library.context, {});
    const preflight = exportPreflightSchema.parse(
      await handlers['briefs.preflight']({ briefId: fixture.orphanBriefId }),
    );
    expect(preflight.blocked).toBe(true);
    expect(preflight.orphaned).toEqual([
      expect.objectContaining({
        claimId: fixture.claimIds.orphan,
        quote: QUOTES.orphan,
        sourceTitle: 'Regional Logistics Outlook, March 2026',
      }),
    ]);
    expect(preflight.fuzzy.map((f) => f.claimId)).toEqual([fixture.claimIds.insurance]);
    expect(preflight.uncitedClaims.map((u) => u.claimId)).toEqual([fixture.claimIds.uncited]);
    expect(
      exportPreflightSchema.parse(await handlers['briefs.preflight']({ briefId: fixture.cleanBriefId })).blocked,
    ).toBe(false);
  });

  it('briefs.exportPdf refuses without a printer, writes nothing when blocked, and exports once confirmed', async () => {
    const out = library.dir.path('via-handler.pdf');
    await expect(
      createExportHandlers(library.context, {})['briefs.exportPdf']({
        briefId: fixture.orphanBriefId,
        outFile: out,
        allowOrphans: true,
      }),
    ).rejects.toMatchObject({ code: 'NOT_AVAILABLE' });
    const stages: string[] = [];
    const handlers = createExportHandlers(library.context, { printer, onProgress: (_, stage) => stages.push(stage) });
    const blocked = exportPdfResultSchema.parse(
      await handlers['briefs.exportPdf']({ briefId: fixture.orphanBriefId, outFile: out, allowOrphans: false }),
    );
    expect(blocked).toMatchObject({ exported: false, path: null });
    expect(existsSync(out)).toBe(false);
    const done = exportPdfResultSchema.parse(
      await handlers['briefs.exportPdf']({ briefId: fixture.orphanBriefId, outFile: out, allowOrphans: true }),
    );
    expect(done).toMatchObject({ exported: true, path: out });
    expect(stages).toEqual(['preflight', 'preflight', 'render', 'print', 'finish', 'write', 'done']);
    await expect(
      handlers['briefs.exportPdf']({ briefId: 9999, outFile: out, allowOrphans: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
