// Reading a real PDF with poppler-utils (pdftotext, pdfinfo, pdffonts, pdfdetach), the way a
// reader's tools see it, plus pdf-lib for the structures poppler does not print (outline, links).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw new Error(`${command} could not run (${result.error.message}); install poppler-utils.`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Bidi embedding controls poppler wraps around lines of mixed-direction pages. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text of the PDF (or of pages first..last), bidi controls removed. */
export function pdfText(file: string, options: { layout?: boolean; first?: number; last?: number } = {}): string {
  const args = ['-enc', 'UTF-8'];
  if (options.layout) args.push('-layout');
  if (options.first) args.push('-f', String(options.first));
  if (options.last) args.push('-l', String(options.last));
  return run('pdftotext', [...args, file, '-']).replace(BIDI_CONTROLS, '');
}

/** Whitespace collapsed to single spaces, for finding sentences that wrap across lines. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** NFKC (Arabic presentation forms back to letters) with all whitespace removed. */
export function letters(text: string): string {
  return text.normalize('NFKC').replace(BIDI_CONTROLS, '').replace(/\s+/g, '');
}

export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!.trim()] = match[2]!.trim();
  }
  return info;
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): FontRow[] {
  const lines = run('pdffonts', [file]).split('\n');
  const header = lines[0]!;
  const embAt = header.indexOf('emb');
  const typeAt = header.indexOf('type');
  const encAt = header.indexOf('encoding');
  return lines
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => ({
      name: l.slice(0, typeAt).trim(),
      type: l.slice(typeAt, encAt).trim(),
      embedded: l.slice(embAt, embAt + 3).trim() === 'yes',
    }));
}

/** Names of the embedded files (attachments). */
export function pdfAttachments(file: string): string[] {
  return run('pdfdetach', ['-list', file])
    .split('\n')
    .slice(1)
    .map((l) => l.replace(/^\d+:\s*/, '').trim())
    .filter(Boolean);
}

/** Saves attachment number `n` (1-based) to `outFile` with pdfdetach and returns its bytes. */
export function pdfAttachment(file: string, n: number, outFile: string): Buffer {
  run('pdfdetach', ['-save', String(n), '-o', outFile, file]);
  return readFileSync(outFile);
}

export interface BBoxWord {
  text: string;
  xMin: number;
  yMin: number;
}

/** Words with positions on one page (pdftotext -bbox); RTL words come out in visual order. */
export function pdfWords(file: string, page: number): BBoxWord[] {
  const html = run('pdftotext', ['-enc', 'UTF-8', '-bbox', '-f', String(page), '-l', String(page), file, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    text: m[3]!
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
  }));
}

function text(obj: PDFObject | undefined): string {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  if (obj instanceof PDFName) return obj.decodeText();
  return '';
}

export interface OutlineEntry {
  title: string;
  depth: number;
}

/** The document outline (bookmarks), depth first, read from the catalog's /Outlines. */
export async function pdfOutline(file: string): Promise<OutlineEntry[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const entries: OutlineEntry[] = [];
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (ref: PDFObject | undefined, depth: number) => {
    let guard = 0;
    while (ref instanceof PDFRef && guard++ < 10_000) {
      const item = doc.context.lookup(ref, PDFDict);
      entries.push({ title: text(item.get(PDFName.of('Title'))), depth });
      walk(item.get(PDFName.of('First')), depth + 1);
      ref = item.get(PDFName.of('Next'));
    }
  };
  if (outlines) walk(outlines.get(PDFName.of('First')), 0);
  return entries;
}

export interface LinkAnnotation {
  page: number;
  /** Named destination of an internal link (e.g. "note-3"), or null. */
  dest: string | null;
  /** Target of an external link, or null. */
  uri: string | null;
}

/** Every link annotation, in page order. */
export async function pdfLinks(file: string): Promise<LinkAnnotation[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const links: LinkAnnotation[] = [];
  doc.getPages().forEach((page, i) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let j = 0; j < (annots?.size() ?? 0); j++) {
      const annot = annots!.lookup(j, PDFDict);
      if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action ? text(action.lookup(PDFName.of('URI'))) || null : null;
      const destObj = annot.lookup(PDFName.of('Dest')) ?? action?.lookup(PDFName.of('D'));
      links.push({ page: i + 1, dest: destObj ? text(destObj) || null : null, uri });
    }
  });
  return links;
}

/** Names of the named destinations the document defines (catalog /Dests or the /Names tree). */
export async function pdfNamedDestinations(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const names: string[] = [];
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) for (const key of dests.keys()) names.push(key.decodeText());
  const tree = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const walk = (node: PDFDict | undefined) => {
    if (!node) return;
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; i < (pairs?.size() ?? 0); i += 2) names.push(text(pairs!.lookup(i)));
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; i < (kids?.size() ?? 0); i++) walk(kids!.lookup(i, PDFDict));
  };
  walk(tree);
  return names;
}
