// The CLI's and the tests' Printer: one headless Chromium per printer, kept between prints,
// started again after a crash, closed by close() (or after a while without prints); every print
// in a fresh context that reaches no network.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrinter, type ChromiumPrinter } from '../../electron/services/export/chromiumPrinter';
import type { PdfOptions } from '../../electron/services/export/printer';
import { chromiumChildren } from './processes';
import { startTrapServer, type TrapServer } from '../helpers/trapServer';

const OPTIONS: PdfOptions = {
  pageSize: 'A4',
  margins: { top: 20, right: 20, bottom: 20, left: 20 },
  printBackground: true,
  tagged: true,
  outline: true,
};
const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

const until = async (check: () => boolean, ms = 10_000) => {
  for (const start = Date.now(); !check();) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

let printer: ChromiumPrinter | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

describe('the Chromium printer', () => {
  it('starts its browser on the first print, keeps it for the next ones, and close() ends it', async () => {
    printer = createChromiumPrinter();
    expect(chromiumChildren()).toEqual([]);
    expect(isPdf(await printer.printToPdf('<h1>One</h1>', OPTIONS))).toBe(true);
    const [browser] = chromiumChildren();
    expect(browser).toBeDefined();
    expect(isPdf(await printer.printToPdf('<h1>Two</h1>', OPTIONS))).toBe(true);
    expect(chromiumChildren()).toEqual([browser]);
    await printer.close();
    await until(() => chromiumChildren().length === 0);
    await printer.close(); // twice is fine
    // A print after close() starts a browser again.
    expect(isPdf(await printer.printToPdf('<h1>Three</h1>', OPTIONS))).toBe(true);
    expect(chromiumChildren()).toHaveLength(1);
  });

  it('starts a new browser when the previous one has crashed', async () => {
    printer = createChromiumPrinter();
    await printer.printToPdf('<p>before</p>', OPTIONS);
    const [crashed] = chromiumChildren();
    process.kill(crashed!, 'SIGKILL');
    await until(() => !chromiumChildren().includes(crashed!));
    expect(isPdf(await printer.printToPdf('<p>after</p>', OPTIONS))).toBe(true);
    const [restarted] = chromiumChildren();
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(crashed);
  });

  it('closes a browser nobody closed once it has been idle for idleMs', async () => {
    printer = createChromiumPrinter({ idleMs: 300 });
    await printer.printToPdf('<p>once</p>', OPTIONS);
    expect(chromiumChildren()).toHaveLength(1);
    await until(() => chromiumChildren().length === 0);
  });

  it('prints two documents at once in separate contexts of the one browser', async () => {
    printer = createChromiumPrinter();
    const [a, b] = await Promise.all([
      printer.printToPdf('<p>left</p>', OPTIONS),
      printer.printToPdf('<p>right</p>', OPTIONS),
    ]);
    expect(isPdf(a) && isPdf(b)).toBe(true);
    expect(chromiumChildren()).toHaveLength(1);
  });

  it('reports a missing Chromium as NOT_AVAILABLE', async () => {
    printer = createChromiumPrinter({ executablePath: '/nonexistent/chromium' });
    await expect(printer.printToPdf('<p>x</p>', OPTIONS)).rejects.toMatchObject({ code: 'NOT_AVAILABLE' });
  });
});

describe('what a print may reach', () => {
  let trap: TrapServer;
  beforeAll(async () => {
    trap = await startTrapServer('x');
  });
  afterAll(() => trap.close());

  it('nothing: images, stylesheets, fonts and frames of a document without a CSP are never requested, print after print', async () => {
    printer = createChromiumPrinter();
    const html = (n: number) =>
      `<!doctype html><html><head><link rel="stylesheet" href="${trap.origin}/style-${n}.css"><style>@font-face{font-family:x;src:url(${trap.origin}/font-${n}.woff2)} p{font-family:x}</style></head>` +
      `<body><p>Print ${n}</p><img src="${trap.origin}/image-${n}.png"><iframe src="${trap.origin}/frame-${n}.html"></iframe></body></html>`;
    for (const n of [1, 2]) expect(isPdf(await printer.printToPdf(html(n), OPTIONS))).toBe(true);
    expect(trap.requests).toEqual([]);
  });
});
