// PDF export benchmarks: a generated brief of about 100 and 400 pages exported through the
// real pipeline (pre-flight, HTML, Chromium, metadata and audit attachment), against printing
// plain HTML of the same page count with the same printer in the same run.
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { createChromiumPrinter } from '../electron/services/export/chromiumPrinter';
import { exportBrief, type ExportStage } from '../electron/services/export/exportBrief';
import type { PdfOptions } from '../electron/services/export/printer';
import { loadPrintModel } from '../electron/services/export/printModel';
import { renderPrintDocument } from '../electron/services/export/printHtml';
import { claimCardNode, documentOf, headingNode, paragraphNode, textNode, type SerializedNode } from '../shared/briefs/document';
import { openTempLibrary } from '../tests/helpers/tempLibrary';

const SENTENCES = [
  'Port throughput in the region has been volatile since the channel closure in February.',
  'Officials have given no firm date for the completion of salvage work on the grounded vessel.',
  'Freight forwarders report that rates on the Caldera route have risen for the third week running.',
  'Union representatives say that temporary lay-offs have begun at two of the four container terminals.',
  'The ministry has allocated emergency funds for dredging, according to a statement issued on Friday.',
  'Insurers have added a surcharge for vessels calling at ports within the affected approaches.',
  'Analysts expect the diversion of services to outlast the closure itself by several months.',
  'Local businesses that depend on port traffic report falling orders and delayed payments.',
];

function paragraph(seed: number, sentences: number): string {
  return Array.from({ length: sentences }, (_, i) => SENTENCES[(seed + i) % SENTENCES.length]).join(' ');
}

export interface PdfMeasure {
  pages: number;
  exportMs: number;
  plainMs: number;
}

/** Exports a brief of `sections` sections (60 ≈ 100 pages) and prints plain HTML of as many pages. */
export async function measureExport(sections: number): Promise<PdfMeasure> {
  const library = openTempLibrary();
  try {
    // 12 sources, each ~40 sentences; claims cite sentences of them.
    const sourceIds: number[] = [];
    const sourceTexts: string[] = [];
    for (let s = 0; s < 12; s++) {
      const text = Array.from({ length: 40 }, (_, i) => `Report ${s + 1}, item ${i + 1}: ${SENTENCES[(s + i) % SENTENCES.length]}`).join(' ');
      const { sourceId } = await library.invoke('sources.import', {
        content: { text, format: 'text' },
        metadata: { title: `Field report ${s + 1}`, publisher: 'Regional Monitoring Service', publishedAt: '2026-03-01', language: 'en', reliability: (['A', 'B', 'C'] as const)[s % 3] },
      });
      sourceIds.push(sourceId);
      sourceTexts.push(text);
    }
    const children: SerializedNode[] = [headingNode('BLUF'), paragraphNode([textNode(paragraph(0, 3))])];
    let claimNo = 0;
    for (let section = 0; section < sections; section++) {
      children.push(headingNode(`Section ${section + 1}: regional developments`));
      for (let p = 0; p < 3; p++) {
        children.push(paragraphNode([textNode(paragraph(section + p, 6))]));
        const s = claimNo % sourceIds.length;
        const quote = (i: number) => `Report ${s + 1}, item ${i + 1}: ${SENTENCES[(s + i) % SENTENCES.length]}`;
        const claim = await library.invoke('claims.create', {
          statement: `Claim ${claimNo + 1}: ${SENTENCES[claimNo % SENTENCES.length]}`,
          kind: (['fact', 'assessment', 'judgment'] as const)[claimNo % 3],
          likelihood: claimNo % 2 ? 'likely' : null,
          confidence: claimNo % 2 ? null : 'moderate',
          credibility: ((claimNo % 4) + 1) as 1 | 2 | 3 | 4,
          status: 'verified',
          citations: [{ target: { sourceId: sourceIds[s]!, quote: quote(claimNo % 40) } }, { target: { sourceId: sourceIds[(s + 1) % sourceIds.length]!, quote: `Report ${((s + 1) % 12) + 1}, item ${((claimNo + 3) % 40) + 1}` } }],
        });
        children.push(claimCardNode(claim.id));
        claimNo++;
      }
    }
    const brief = await library.invoke('briefs.create', { title: 'Regional port disruption: 100-page test brief', marking: 'TLP:GREEN', author: 'Benchmark', template: 'empty' });
    await library.invoke('briefs.save', { briefId: brief.id, document: documentOf(children) });

    const printer = createChromiumPrinter();
    // Warm-up: the first Chromium launch of a process pays for loading the binary from disk.
    await printer.printToPdf('<p>warm-up</p>', renderPrintDocument(loadPrintModel(library.context, brief.id)).pdfOptions);

    const stages: Partial<Record<ExportStage, number>> = {};
    const t0 = performance.now();
    const result = await exportBrief(library.context, {
      briefId: brief.id,
      outFile: library.dir.path('bench.pdf'),
      printer,
      onProgress: (stage) => (stages[stage] = performance.now() - t0),
    });
    const exportMs = performance.now() - t0;
    const pages = result.pages!;

    // Plain HTML of the same page count: one page of ordinary paragraphs per sheet.
    const plainHtml = `<!doctype html><html><head><meta charset="utf-8"><title>plain</title><style>body{font:11pt serif} section{break-after:page}</style></head><body>${Array.from(
      { length: pages },
      (_, i) => `<section><h2>Page ${i + 1}</h2>${Array.from({ length: 6 }, (_, j) => `<p>${paragraph(i + j, 4)}</p>`).join('')}</section>`,
    ).join('')}</body></html>`;
    const bare: PdfOptions = { pageSize: 'A4', margins: { top: 20, right: 20, bottom: 20, left: 20 }, headerTemplate: '<span></span>', footerTemplate: '<span></span>', printBackground: true, tagged: true, outline: true };
    const t1 = performance.now();
    const plain = await printer.printToPdf(plainHtml, bare);
    const plainMs = performance.now() - t1;
    const plainPages = (await PDFDocument.load(plain)).getPageCount();

    const doc = renderPrintDocument(loadPrintModel(library.context, brief.id));
    const t2 = performance.now();
    const plainSame = await printer.printToPdf(plainHtml, doc.pdfOptions);
    const plainSameMs = performance.now() - t2;
    const plainSamePages = (await PDFDocument.load(plainSame)).getPageCount();

    const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`brief: ${claimNo} claim cards, ${claimNo * 2} citations, ${pages} pages, ${(result.bytes! / 1024).toFixed(0)} KB, HTML ${(doc.html.length / 1024).toFixed(0)} KB`);
    console.log(`export (pre-flight → write): ${fmt(exportMs)}`);
    console.log(
      `  stages: pre-flight+load ${fmt(stages.render!)}, render HTML ${fmt(stages.print! - stages.render!)}, Chromium print ${fmt(stages.finish! - stages.print!)}, pdf-lib metadata+attachment ${fmt(stages.write! - stages.finish!)}, write ${fmt(stages.done! - stages.write!)}`,
    );
    console.log(`plain HTML, ${plainPages} pages, no header/footer: ${fmt(plainMs)}`);
    console.log(`plain HTML, ${plainSamePages} pages, with the export's header/footer templates: ${fmt(plainSameMs)}`);
    console.log(`export / plain: ${(exportMs / plainMs).toFixed(2)}×`);
    return { pages, exportMs, plainMs };
  } finally {
    library.close();
  }
}

