// The export part of the handler table: the pre-flight list and the PDF export itself.
// The Printer is injected by the composition root: Electron's printToPDF in the app,
// Chromium through playwright-core in the CLI and tests; none means export is unavailable.
import type { Handlers } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { ServiceContext } from '../context';
import { exportBrief, type ExportStage } from './exportBrief';
import { preflightBrief } from './preflight';
import type { Printer } from './printer';

type ExportHandlers = Pick<Handlers, 'briefs.preflight' | 'briefs.exportPdf' | 'briefs.showExportedPdf'>;

export interface ExportServiceOptions {
  printer?: Printer | undefined;
  resourcesDir?: string | undefined;
  onProgress?: ((briefId: number, stage: ExportStage) => void) | undefined;
  /** Asks where to save when the request names no file (the app's save dialog); null = cancelled. */
  chooseOutputFile?: ((suggestedName: string) => Promise<string | null>) | undefined;
  /** Shows a file in the system's file manager (the app's shell.showItemInFolder). */
  revealFile?: ((path: string) => void) | undefined;
}

/** A file name for a brief's PDF: its title without characters file systems refuse. */
export function suggestedPdfName(title: string): string {
  const base = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${base || 'brief'}.pdf`;
}

export function createExportHandlers(ctx: ServiceContext, options: ExportServiceOptions = {}): ExportHandlers {
  /** The PDFs written since the library was opened: the only files "Show in folder" may show. */
  const exported = new Set<string>();
  return {
    'briefs.preflight'({ briefId }) {
      return preflightBrief(ctx, briefId);
    },

    async 'briefs.exportPdf'({ briefId, outFile, allowOrphans }) {
      const { printer } = options;
      if (!printer)
        throw new AppError('NOT_AVAILABLE', 'PDF printing is not available in this build: no printer is configured.');
      let target = outFile;
      if (target === undefined) {
        // Ask only once the pre-flight lets the export go ahead: no dialog for a blocked export.
        const preflight = preflightBrief(ctx, briefId);
        if (preflight.blocked && !allowOrphans)
          return { preflight, exported: false, cancelled: false, path: null, bytes: null, pages: null };
        if (!options.chooseOutputFile)
          throw new AppError('INVALID_INPUT', 'Choose a file to export to, e.g. brief.pdf.');
        const chosen = await options.chooseOutputFile(suggestedPdfName(preflight.briefTitle));
        if (chosen === null)
          return { preflight, exported: false, cancelled: true, path: null, bytes: null, pages: null };
        target = chosen;
      }
      const result = await exportBrief(ctx, {
        briefId,
        outFile: target,
        allowOrphans,
        printer,
        resourcesDir: options.resourcesDir,
        onProgress: options.onProgress ? (stage) => options.onProgress!(briefId, stage) : undefined,
      });
      if (result.path !== null) exported.add(result.path);
      return result;
    },

    'briefs.showExportedPdf'({ exportedFile }) {
      if (!options.revealFile) throw new AppError('NOT_AVAILABLE', 'Showing files is not available here.');
      if (!exported.has(exportedFile))
        throw new AppError('NOT_FOUND', 'Only a PDF exported since the app was opened can be shown in its folder.');
      options.revealFile(exportedFile);
      return { shown: true as const };
    },
  };
}
