// The one seam between the export use case and a PDF engine. Two implementations print the
// same HTML with the same options: Chromium through playwright-core (CLI, tests) in
// ./chromiumPrinter.ts, and Electron's webContents.printToPDF in a hidden sandboxed window
// (the app) in electron/main. Neither sees the library: they get a finished HTML string.

/** Page margins in millimetres; the document's @page margin boxes (marking, running header, page numbers) are drawn inside them. */
export interface PdfMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Everything a printer needs besides the HTML. Both implementations must honour every field,
 * and must leave Chromium's own header and footer off (displayHeaderFooter: false): the page
 * furniture is part of the document, as CSS @page margin boxes, and Chromium's templates would
 * be drawn over them, each a document of its own rendered again for every page.
 */
export interface PdfOptions {
  /** Always A4 for now; named so a Letter option can be added without changing the interface. */
  pageSize: 'A4';
  margins: PdfMargins;
  /** Backgrounds (card shading, marking banners) are part of the design: always printed. */
  printBackground: true;
  /** Tagged (accessible) PDF with a document outline built from the h1–h6 headings. */
  tagged: true;
  outline: true;
}

export interface Printer {
  /** Prints `html` (a complete, self-contained document: no network, fonts as data: URLs) to PDF bytes. */
  printToPdf: (html: string, options: PdfOptions) => Promise<Uint8Array>;
  /** Releases what the printer keeps between prints (a browser); a later print starts it again. */
  close?: () => Promise<void>;
}

/**
 * Evaluated in the page once it has loaded, before printing. The print document shows nothing
 * on screen (printHtml.ts), so no layout asks for its fonts and `document.fonts.ready` alone
 * would resolve at once; every face it declares is loaded explicitly (it declares only the
 * scripts its text uses), so no fallback font is printed. A face that fails to load is left
 * to the fallback, as `document.fonts.ready` would.
 */
export const LOAD_FONTS_SCRIPT =
  'Promise.all(Array.from(document.fonts, (face) => face.load().catch(() => null))).then(() => document.fonts.ready).then(() => true)';

/** Millimetres as a CSS length, for playwright's `page.pdf({ margin })`. */
export function mm(value: number): string {
  return `${value}mm`;
}

/** Millimetres in inches, for Electron's `printToPDF({ margins })`, which takes inches. */
export function mmToInches(value: number): number {
  return value / 25.4;
}
