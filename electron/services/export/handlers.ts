// The export part of the handler table: the pre-flight list and the PDF export itself.
// The Printer is injected by the composition root: Electron's printToPDF in the app,
// Chromium through playwright-core in the CLI and tests; none means export is unavailable.
import type { Handlers } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { ServiceContext } from '../context';
import { exportBrief, type ExportStage } from './exportBrief';
import { preflightBrief } from './preflight';
import type { Printer } from './printer';

type ExportHandlers = Pick<Handlers, 'briefs.preflight' | 'briefs.exportPdf'>;

export interface ExportServiceOptions {
  printer?: Printer | undefined;
  resourcesDir?: string | undefined;
  onProgress?: ((briefId: number, stage: ExportStage) => void) | undefined;
}

export function createExportHandlers(ctx: ServiceContext, options: ExportServiceOptions = {}): ExportHandlers {
  return {
    'briefs.preflight'({ briefId }) {
      return preflightBrief(ctx, briefId);
    },

    async 'briefs.exportPdf'({ briefId, outFile, allowOrphans }) {
      const { printer } = options;
      if (!printer) throw new AppError('NOT_AVAILABLE', 'PDF printing is not available in this build: no printer is configured.');
      return exportBrief(ctx, {
        briefId,
        outFile,
        allowOrphans,
        printer,
        resourcesDir: options.resourcesDir,
        onProgress: options.onProgress ? (stage) => options.onProgress!(briefId, stage) : undefined,
      });
    },
  };
}
