// The one seam between the export use case and a PDF engine. Two implementations print the
// same HTML with the same options: Chromium through playwright-core (CLI, tests) in
// ./chromiumPrinter.ts, and Electron's webContents.printToPDF in a hidden sandboxed window
// (the app) in electron/main. Neither sees the library: they get a finished HTML string.

/** Page margins in millimetres; the header and footer templates are drawn inside them. */
export interface PdfMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Everything a printer needs besides the HTML. Both implementations must honour every field. */
export interface PdfOptions {
  /** Always A4 for now; named so a Letter option can be added without changing the interface. */
  pageSize: 'A4';
  margins: PdfMargins;
  /** Chromium header/footer templates: self-contained HTML; `.pageNumber`, `.totalPages` and `.title` are filled in per page. */
  headerTemplate: string;
  footerTemplate: string;
  /** Backgrounds (card shading, marking banners) are part of the design: always printed. */
  printBackground: true;
  /** Tagged (accessible) PDF with a document outline built from the h1–h6 headings. */
  tagged: true;
  outline: true;
}

export interface Printer {
  /** Prints `html` (a complete, self-contained document: no network, fonts as data: URLs) to PDF bytes. */
  printToPdf(html: string, options: PdfOptions): Promise<Uint8Array>;
}

/** Millimetres as a CSS length, for playwright's `page.pdf({ margin })`. */
export function mm(value: number): string {
  return `${value}mm`;
}

/** Millimetres in inches, for Electron's `printToPDF({ margins })`, which takes inches. */
export function mmToInches(value: number): number {
  return value / 25.4;
}
