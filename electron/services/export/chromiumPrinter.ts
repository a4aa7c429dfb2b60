// The Printer for the CLI and the tests: headless Chromium through playwright-core. One browser
// per printer, started on the first print and kept for the next ones (a launch costs about as
// much as printing a hundred plain pages); every print still gets a fresh browser context that
// shares nothing with the previous one and has no network at all. A browser that crashed or was
// closed is started again on the next print. Whoever creates the printer closes it.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { AppError } from '../../../shared/api/errors';
import { LOAD_FONTS_SCRIPT, mm, type PdfOptions, type Printer } from './printer';

export interface ChromiumPrinterOptions {
  /** Defaults to $CHROMIUM_PATH, then /usr/bin/chromium (DESIGN.md §8). */
  executablePath?: string;
  /** Milliseconds before a print is abandoned. */
  timeoutMs?: number;
  /**
   * Milliseconds without a print after which the browser is closed anyway, so an owner that
   * forgets `close()` leaks it only for a while. The next print starts a new one.
   */
  idleMs?: number;
}

export interface ChromiumPrinter extends Printer {
  /** Closes the browser, if one is running; safe to call more than once. */
  close: () => Promise<void>;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export function defaultChromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Prints with headless Chromium: loads the HTML in a fresh offline context, loads its fonts, then `page.pdf` with the shared options. */
export function createChromiumPrinter(options: ChromiumPrinterOptions = {}): ChromiumPrinter {
  const executablePath = options.executablePath ?? defaultChromiumPath();
  const timeout = options.timeoutMs ?? 120_000;
  const idleMs = options.idleMs ?? 30_000;
  let running: Promise<Browser> | undefined;
  let printing = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  function launch(): Promise<Browser> {
    const launching: Promise<Browser> = chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout }).then(
      (browser) => {
        browser.on('disconnected', () => {
          if (running === launching) running = undefined;
        });
        return browser;
      },
      (error: Error) => {
        if (running === launching) running = undefined;
        throw new AppError(
          'NOT_AVAILABLE',
          `Cannot start Chromium at ${executablePath} to print the PDF; install it or set CHROMIUM_PATH. (${error.message.split('\n')[0]})`,
        );
      },
    );
    return (running = launching);
  }

  async function browser(): Promise<Browser> {
    const pending = running ?? launch();
    const current = await pending;
    // A crash is reported by 'disconnected' asynchronously; don't hand out a dead browser meanwhile.
    if (current.isConnected()) return current;
    if (running === pending) running = undefined;
    return running ?? launch();
  }

  /** A fresh offline context; if the browser died after the check in browser() (its 'disconnected' not yet delivered), one more try in a new browser. */
  async function newContext(): Promise<BrowserContext> {
    const current = await browser();
    try {
      return await current.newContext({ offline: true });
    } catch {
      if (running) {
        const stale = running;
        running = undefined;
        void stale.then((b) => b.close()).catch(() => {});
      }
      return (await launch()).newContext({ offline: true });
    }
  }

  async function close(): Promise<void> {
    clearTimeout(idleTimer);
    const current = running;
    running = undefined;
    if (current) await current.then((b) => b.close()).catch(() => {});
  }

  return {
    async printToPdf(html: string, pdf: PdfOptions): Promise<Uint8Array> {
      clearTimeout(idleTimer);
      printing++;
      try {
        const context = await newContext();
        try {
          // The document is self-contained; anything that still tries the network is refused.
          await context.route('**/*', (route) => route.abort());
          const page = await context.newPage();
          page.setDefaultTimeout(timeout);
          await page.setContent(html, { waitUntil: 'load' });
          await page.evaluate(LOAD_FONTS_SCRIPT);
          const bytes = await page.pdf({
            format: pdf.pageSize,
            printBackground: pdf.printBackground,
            displayHeaderFooter: false,
            margin: {
              top: mm(pdf.margins.top),
              right: mm(pdf.margins.right),
              bottom: mm(pdf.margins.bottom),
              left: mm(pdf.margins.left),
            },
            preferCSSPageSize: false,
            tagged: pdf.tagged,
            outline: pdf.outline,
          });
          return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        } finally {
          await context.close().catch(() => {});
        }
      } finally {
        if (--printing === 0 && running) {
          idleTimer = setTimeout(() => void close(), idleMs);
          idleTimer.unref();
        }
      }
    },
    close,
  };
}
