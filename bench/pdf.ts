// PDF export benchmarks: a generated brief of about 100 and 400 pages exported through the
// real pipeline (pre-flight, HTML, Chromium, metadata and audit attachment), against printing
// plain HTML of the same page count with the same printer in the same run.
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { createChromiumPrinter } from '../electron/services/export/chromiumPrinter';
import { exportBrief, type ExportStage } from '../electron/services/export/exportBrief';
import { loadPrintModel } from '../electron/services/export/printModel';
import { renderPrintDocument } from '../electron/services/export/printHtml';
import {
  claimCardNode,
  documentOf,
  headingNode,
  paragraphNode,
  textNode,
  type SerializedNode,
} from '../shared/briefs/document';
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
  /** Median of the runs: pre-flight to the file on disk. */
  exportMs: number;
  /** Median of the runs: the baseline below. */
  plainMs: number;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Exports a brief of `sections` sections (66 ≈ 100 pages, 272 ≈ 400) and prints plain HTML of as many pages,
 * `runs` times each, interleaved, after one warm-up print.
 *
 * The baseline is what any PDF of that many pages costs this app: plain HTML (a heading and
 * paragraphs per page in the browser's default serif; no web fonts, no page furniture) printed
 * by the same Printer — the same running browser, a fresh offline context per print as for every
 * export — with the export's own PdfOptions: A4, its margins, backgrounds, tagged, with outline.
 * Tagging and the outline are in the baseline because they are options of every PDF the app
 * writes (its format, set per print, not content of a brief). So the ratio measures what the
 * brief's document (fonts, cards, notes, appendices, furniture) and the steps around the print
 * (pre-flight, HTML, finishing, writing) add to Chromium printing that many pages; browser start
 * is in neither (the printer keeps its browser, and the warm-up print starts it). Medians,
 * because the machine is shared: the spread is printed.
 */
export async function measureExport(sections: number, runs = 5): Promise<PdfMeasure> {
  const library = openTempLibrary();
  try {
    // 12 sources, each ~40 sentences; claims cite sentences of them.
    const sourceIds: number[] = [];
    const sourceTexts: string[] = [];
    for (let s = 0; s < 12; s++) {
      const text = Array.from(
        { length: 40 },
        (_, i) => `Report ${s + 1}, item ${i + 1}: ${SENTENCES[(s + i) % SENTENCES.length]}`,
      ).join(' ');
      const { sourceId } = await library.invoke('sources.import', {
        content: { text, format: 'text' },
        metadata: {
          title: `Field report ${s + 1}`,
          publisher: 'Regional Monitoring Service',
          publishedAt: '2026-03-01',
          language: 'en',
          reliability: (['A', 'B', 'C'] as const)[s % 3],
        },
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
          credibility: (claimNo % 4) + 1,
          status: 'verified',
          citations: [
            { target: { sourceId: sourceIds[s]!, quote: quote(claimNo % 40) } },
            {
              target: {
                sourceId: sourceIds[(s + 1) % sourceIds.length]!,
                quote: `Report ${((s + 1) % 12) + 1}, item ${((claimNo + 3) % 40) + 1}`,
              },
            },
          ],
        });
        children.push(claimCardNode(claim.id));
        claimNo++;
      }
    }
    const brief = await library.invoke('briefs.create', {
      title: 'Regional port disruption: 100-page test brief',
      marking: 'TLP:GREEN',
      author: 'Benchmark',
      template: 'empty',
    });
    await library.invoke('briefs.save', { briefId: brief.id, document: documentOf(children) });

    const printer = createChromiumPrinter();
    try {
      const doc = renderPrintDocument(loadPrintModel(library.context, brief.id));
      await printer.printToPdf('<p>warm-up</p>', doc.pdfOptions);
      let pages = 0;
      let bytes = 0;
      let plainHtml = '';
      const exportRuns: number[] = [];
      const plainRuns: number[] = [];
      for (let run = 0; run < runs; run++) {
        const stages: Partial<Record<ExportStage, number>> = {};
        const t0 = performance.now();
        const result = await exportBrief(library.context, {
          briefId: brief.id,
          outFile: library.dir.path('bench.pdf'),
          printer,
          onProgress: (stage) => (stages[stage] = performance.now() - t0),
        });
        exportRuns.push(performance.now() - t0);
        pages = result.pages!;
        bytes = result.bytes!;
        // Plain HTML of the same page count: one page of ordinary paragraphs per sheet.
        plainHtml ||= `<!doctype html><html><head><meta charset="utf-8"><title>plain</title><style>body{font:11pt serif} section{break-after:page}</style></head><body>${Array.from(
          { length: pages },
          (_, i) =>
            `<section><h2>Page ${i + 1}</h2>${Array.from({ length: 6 }, (_, j) => `<p>${paragraph(i + j, 4)}</p>`).join('')}</section>`,
        ).join('')}</body></html>`;
        const t1 = performance.now();
        const plain = await printer.printToPdf(plainHtml, doc.pdfOptions);
        plainRuns.push(performance.now() - t1);
        if (run === 0) {
          const plainPages = (await PDFDocument.load(plain, { updateMetadata: false })).getPageCount();
          console.log(
            `brief: ${claimNo} claim cards, ${claimNo * 2} citations, ${pages} pages, ${(bytes / 1024).toFixed(0)} KB, HTML ${(doc.html.length / 1024).toFixed(0)} KB; plain HTML: ${plainPages} pages`,
          );
        }
        console.log(
          `  run ${run + 1}: export ${fmt(exportRuns.at(-1)!)} (pre-flight+load ${fmt(stages.render!)}, HTML ${fmt(stages.print! - stages.render!)}, print ${fmt(stages.finish! - stages.print!)}, finish ${fmt(stages.write! - stages.finish!)}, write ${fmt(stages.done! - stages.write!)}); plain ${fmt(plainRuns.at(-1)!)}`,
        );
      }
      const spread = (values: number[]) =>
        `median ${fmt(median(values))}, min ${fmt(Math.min(...values))}, max ${fmt(Math.max(...values))}`;
      console.log(`export: ${spread(exportRuns)}`);
      console.log(`plain:  ${spread(plainRuns)}`);
      console.log(
        `export / plain: ${(median(exportRuns) / median(plainRuns)).toFixed(2)}× (run by run: ${exportRuns.map((e, i) => (e / plainRuns[i]!).toFixed(2)).join(', ')})`,
      );
      return { pages, exportMs: median(exportRuns), plainMs: median(plainRuns) };
    } finally {
      await printer.close();
    }
  } finally {
    library.close();
  }
}
