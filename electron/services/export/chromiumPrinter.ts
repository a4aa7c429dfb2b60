// The Printer for the CLI and the tests: headless Chromium through playwright-core. One
// browser per print, always closed in `finally`; the page gets no network at all.
import { chromium } from 'playwright-core';
import { AppError } from '../../../shared/api/errors';
import { mm, type PdfOptions, type Printer } from './printer';

export interface ChromiumPrinterOptions {
  /** Defaults to $CHROMIUM_PATH, then /usr/bin/chromium (DESIGN.md §8). */
  executablePath?: string;
  /** Milliseconds before a print is abandoned. */
  timeoutMs?: number;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export function defaultChromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Prints with headless Chromium: loads the HTML, waits for its fonts, then `page.pdf` with the shared options. */
export function createChromiumPrinter(options: ChromiumPrinterOptions = {}): Printer {
  const executablePath = options.executablePath ?? defaultChromiumPath();
  const timeout = options.timeoutMs ?? 120_000;
  return {
    async printToPdf(html: string, pdf: PdfOptions): Promise<Uint8Array> {
      let browser;
      try {
        browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout });
      } catch (error) {
        throw new AppError(
          'NOT_AVAILABLE',
          `Cannot start Chromium at ${executablePath} to print the PDF; install it or set CHROMIUM_PATH. (${(error as Error).message.split('\n')[0]})`,
        );
      }
      try {
        const context = await browser.newContext({ offline: true });
        // The document is self-contained; anything that still tries the network is refused.
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        page.setDefaultTimeout(timeout);
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate('document.fonts.ready.then(() => undefined)');
        const bytes = await page.pdf({
          format: pdf.pageSize,
          printBackground: pdf.printBackground,
          displayHeaderFooter: true,
          headerTemplate: pdf.headerTemplate,
          footerTemplate: pdf.footerTemplate,
          margin: { top: mm(pdf.margins.top), right: mm(pdf.margins.right), bottom: mm(pdf.margins.bottom), left: mm(pdf.margins.left) },
          preferCSSPageSize: false,
          tagged: pdf.tagged,
          outline: pdf.outline,
        });
        return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } finally {
        await browser.close().catch(() => {});
      }
    },
  };
}
