// The export use case: pre-flight, render the print HTML, print it with the given Printer,
// add metadata and the audit attachment, and write the file atomically.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import type { ExportPdfResult } from '../../../shared/api/briefs';
import { AppError } from '../../../shared/api/errors';
import type { ServiceContext } from '../context';
import { AUDIT_FILE_NAME } from './audit';
import { finishPdf } from './pdfPostprocess';
import { preflightBrief } from './preflight';
import { loadPrintAssets, renderPrintDocument } from './printHtml';
import type { Printer } from './printer';
import { loadPrintModel } from './printModel';

export type ExportStage = 'preflight' | 'render' | 'print' | 'finish' | 'write' | 'done';

export interface ExportBriefOptions {
  briefId: number;
  outFile: string;
  /** Export even when citations are orphaned (the analyst confirmed); they are marked in the PDF. */
  allowOrphans?: boolean;
  printer: Printer;
  /** Where print.css lives; defaults to the nearest resources/ folder above this module. */
  resourcesDir?: string;
  /** Reports progress, for the app's progress display. */
  onProgress?: (stage: ExportStage) => void;
}

/** Exports a brief to `outFile`, or reports why not. Writes nothing when the pre-flight blocks. */
export async function exportBrief(ctx: ServiceContext, options: ExportBriefOptions): Promise<ExportPdfResult> {
  const target = checkOutFile(ctx, options.outFile);
  const progress = options.onProgress ?? (() => {});

  progress('preflight');
  // One read transaction: the pre-flight and the printed content come from the same snapshot.
  const { preflight, model } = ctx.db.transaction(() => {
    const preflight = preflightBrief(ctx, options.briefId);
    return {
      preflight,
      model: preflight.blocked && !options.allowOrphans ? null : loadPrintModel(ctx, options.briefId),
    };
  })();
  if (!model) return { preflight, exported: false, cancelled: false, path: null, bytes: null, pages: null };

  progress('render');
  const doc = renderPrintDocument(model, loadPrintAssets(options.resourcesDir));

  progress('print');
  const printed = await options.printer.printToPdf(doc.html, doc.pdfOptions);

  progress('finish');
  const finished = await finishPdf(printed, {
    ...doc.metadata,
    createdAt: model.exportedAt,
    creator: 'Briefing Composer',
    producer: 'Briefing Composer (Chromium printToPDF, pdf-lib)',
    auditJson: doc.auditJson,
    auditDescription: `Audit record of brief ${model.brief.id} revision ${model.brief.revision}: claim revision and source version behind every citation (${AUDIT_FILE_NAME}).`,
  });

  progress('write');
  writeFileAtomically(target, finished.bytes);
  progress('done');
  return {
    preflight,
    exported: true,
    cancelled: false,
    path: target,
    bytes: finished.bytes.byteLength,
    pages: finished.pages,
  };
}

function checkOutFile(ctx: ServiceContext, outFile: string): string {
  if (!outFile.trim()) throw new AppError('INVALID_INPUT', 'Choose a file to export to, e.g. brief.pdf.');
  const target = resolve(outFile);
  if (target === resolve(ctx.dbPath))
    throw new AppError('INVALID_INPUT', 'The export cannot overwrite the library file.');
  try {
    if (statSync(target).isDirectory())
      throw new AppError(
        'INVALID_INPUT',
        `${target} is a folder; give a file name such as ${join(target, 'brief.pdf')}.`,
      );
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new AppError('INVALID_INPUT', `Cannot write ${target}: ${(error as Error).message}.`);
  }
  return target;
}

/** Writes to a temporary file beside the target, flushes it to disk, then renames it over the target. */
export function writeFileAtomically(target: string, bytes: Uint8Array): void {
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (error) {
    throw new AppError('INVALID_INPUT', `Cannot create the folder for ${target}: ${(error as Error).message}.`);
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      for (let written = 0; written < bytes.byteLength;) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new AppError('INVALID_INPUT', `Cannot write ${target}: ${(error as Error).message}.`);
  }
}
