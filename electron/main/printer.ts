// The app's Printer (electron/services/export/printer.ts): Electron's printToPDF in a hidden,
// sandboxed window of its own in-memory session. The document is served once from memory at
// app://print/<id>.html under a CSP that allows no script and no network; the window is always
// destroyed and the document forgotten, whatever happens (Joplin's pattern).
import { BrowserWindow, session } from 'electron';
import { LOAD_FONTS_SCRIPT, mmToInches, type PdfOptions, type Printer } from '../services/export/printer';
import { createHardenedWindow } from './hardenedWindow';
import { createPrintDocumentStore } from './printDocuments';
import { servePrintDocuments } from './protocol';
import { hardenSession } from './security';

/** The print window's session: in memory only (no "persist:" prefix), separate from the app's. */
export const PRINT_PARTITION = 'briefing-print';
const A4_AT_96_DPI = { width: 794, height: 1123 };
const PRINT_TIMEOUT_MS = 60_000;

/** Call after the app is ready. */
export function createElectronPrinter(log: (message: string) => void): Printer {
  const documents = createPrintDocumentStore();
  const printSession = session.fromPartition(PRINT_PARTITION);
  hardenSession(printSession, log);
  servePrintDocuments(printSession, documents);

  return {
    async printToPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
      const document = documents.add(html);
      const window = createHardenedWindow(BrowserWindow, {
        kind: 'print',
        devTools: false,
        partition: PRINT_PARTITION,
        frame: A4_AT_96_DPI,
      });
      let timer: NodeJS.Timeout | undefined;
      try {
        const work = (async () => {
          await window.loadURL(document.url);
          // Fonts are data: URLs that nothing on screen asks for; load every face so no fallback font is printed.
          await window.webContents.executeJavaScript(LOAD_FONTS_SCRIPT, false);
          return window.webContents.printToPDF({
            pageSize: options.pageSize,
            margins: {
              top: mmToInches(options.margins.top),
              right: mmToInches(options.margins.right),
              bottom: mmToInches(options.margins.bottom),
              left: mmToInches(options.margins.left),
            },
            // The furniture is the document's @page margin boxes; Chromium's own header and footer would be drawn over them.
            displayHeaderFooter: false,
            printBackground: options.printBackground,
            generateTaggedPDF: options.tagged,
            generateDocumentOutline: options.outline,
            preferCSSPageSize: false,
          });
        })();
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('Printing took longer than a minute and was stopped.')),
            PRINT_TIMEOUT_MS,
          );
        });
        return new Uint8Array(await Promise.race([work, timeout]));
      } finally {
        clearTimeout(timer);
        document.release();
        if (!window.isDestroyed()) window.destroy();
      }
    },
  };
}
