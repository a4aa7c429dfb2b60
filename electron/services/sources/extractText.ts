// Turns an imported document — the bytes of a file, or text the user pasted — into the one
// thing the library stores for a source version: normalized plain text (shared/anchoring/
// normalize.ts), plus whatever metadata the document states about itself.
//
// Only text leaves this module. No HTML from an imported document is ever stored or shown,
// and that is our main defence against hostile documents, so every HTML path here ends in
// text, and the HTML itself is parsed in a way that cannot execute or fetch anything:
//   - HTML is parsed with jsdom's DOMParser into a document without a window: per the HTML
//     standard such a document has scripting disabled and no browsing context, so scripts,
//     event handlers, javascript: URLs, <meta http-equiv=refresh>, <base> and <iframe>
//     (jsdom would otherwise build a whole window per frame) are all inert, and nothing is
//     ever loaded from the network or the disk.
//   - Everything that is not visible text (script, style, embedded objects, SVG, MathML, form
//     controls, hidden elements, comments, styles, event handlers) is left out of a copy of the
//     page that this module writes itself — kept elements and escaped text. Readability and
//     html-to-text only ever see that copy, and html-to-text skips the same elements again.
//   - Markup is sized up before jsdom builds anything (element count, nesting depth), because
//     jsdom's cost per element is high and grows with depth: a small hostile file must not be
//     able to hold the app for minutes or exhaust its memory.

import { Readability } from '@mozilla/readability';
import { compile, type DomNode, type FormatCallback, type SelectorDefinition } from 'html-to-text';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Marked } from 'marked';
import { normalizeText } from '../../../shared/anchoring/normalize';
import { AppError } from '../../../shared/api/errors';
import { MAX_SOURCE_BYTES } from '../../../shared/api/sources';

export type SourceFormat = 'text' | 'markdown' | 'html';

/** The import size limit lives in the contract (the renderer checks it too); re-exported for the main process's file reader. */
export { MAX_SOURCE_BYTES };

/** A document to import: exactly one of `bytes` (a file) or `text` (pasted or dropped text). */
export interface ExtractInput {
  bytes?: Uint8Array;
  text?: string;
  /** The file's name; its extension chooses the format unless the content contradicts it. */
  fileName?: string;
  /** An explicit format wins over the extension and the content. */
  format?: SourceFormat;
}

export interface ExtractedSource {
  /** The document's visible text, normalized by `normalizeText`. Never empty. */
  text: string;
  format: SourceFormat;
  title: string | null;
  author: string | null;
  publisher: string | null;
  /** ISO 8601: the date as written (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` if that is all there is), or a UTC timestamp when the document gives a time and a zone. */
  publishedAt: string | null;
  /** A canonical BCP 47 language tag, e.g. `en-GB`. */
  language: string | null;
  /** Sentences for the user about choices made on their behalf (format, what was left out). */
  warnings: string[];
}

/** Extracts the normalized visible text and metadata of a document, or throws an AppError the user can act on. */
export function extractText(input: ExtractInput): ExtractedSource {
  const { bytes, text, fileName, format: explicitFormat } = input;
  if ((bytes === undefined) === (text === undefined)) {
    throw new AppError(
      'INVALID_INPUT',
      'Give either the bytes of a file or a text to import, not both and not neither.',
    );
  }
  if (explicitFormat !== undefined && !SOURCE_FORMATS.includes(explicitFormat)) {
    throw new AppError(
      'INVALID_INPUT',
      `"${String(explicitFormat)}" is not a source format; use text, markdown or html.`,
    );
  }
  const name = fileName === undefined ? null : baseName(fileName);
  const subject = name !== null ? `"${name}"` : bytes !== undefined ? 'The file' : 'The text';

  let content: string;
  if (bytes !== undefined) {
    rejectIfTooLarge(bytes.byteLength, subject);
    content = decodeBytes(bytes, subject);
  } else {
    const textValue = text as string;
    // A JS string needs at most 3 UTF-8 bytes per UTF-16 unit: skip the exact count when it cannot matter.
    if (textValue.length * 3 > MAX_SOURCE_BYTES) rejectIfTooLarge(Buffer.byteLength(textValue, 'utf8'), subject);
    content = textValue;
  }
  if (!/\S/.test(content)) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      `${name !== null ? `The file "${name}"` : subject} is empty; there is no text to import.`,
    );
  }

  const warnings: string[] = [];
  let format: SourceFormat;
  if (explicitFormat !== undefined) {
    format = explicitFormat;
  } else {
    const decision = decideFormat(name, content);
    format = decision.format;
    if (decision.warning !== null) warnings.push(decision.warning);
  }

  let extracted: RawExtract;
  try {
    extracted =
      format === 'html'
        ? extractFromHtml(content, subject, warnings)
        : format === 'markdown'
          ? extractFromMarkdown(content, subject)
          : { ...NO_METADATA, text: content };
  } catch (error) {
    // Every step is recursive somewhere (parser, serializer, Markdown lexer); a document built
    // to nest tens of thousands of levels deep overflows the stack. Refuse it, don't crash.
    if (error instanceof RangeError) {
      throw new AppError(
        'UNSUPPORTED_FILE',
        `${subject} is nested too deeply to be read (it may be damaged or built to break programs); open it in a browser or editor and save it as plain text first.`,
      );
    }
    throw error;
  }

  const normalized = normalizeText(extracted.text);
  if (normalized === '') {
    throw new AppError(
      'UNSUPPORTED_FILE',
      format === 'text'
        ? `${subject} has no readable text (only invisible or control characters).`
        : `${subject} has no readable text: it shows nothing but scripts, images or hidden content. If a browser shows text for it, the page builds that text with JavaScript — copy the text from the browser and paste it instead.`,
    );
  }
  return { ...extracted, text: normalized, format, warnings };
}

/** Chooses how to read a document: by its extension, unless its content plainly contradicts the extension. */
export function detectFormat(fileName: string | undefined, content: string): SourceFormat {
  return decideFormat(fileName === undefined ? null : baseName(fileName), content).format;
}

// ─── Decoding ────────────────────────────────────────────────────────────────────────────────

const SOURCE_FORMATS: readonly SourceFormat[] = ['text', 'markdown', 'html'];
const MIB = 1024 * 1024;

function rejectIfTooLarge(byteLength: number, subject: string): void {
  if (byteLength <= MAX_SOURCE_BYTES) return;
  // Round up so a file just over the limit never reads as exactly the limit.
  const size = Math.ceil((byteLength / MIB) * 10) / 10;
  throw new AppError(
    'TOO_LARGE',
    `${subject} is ${size.toFixed(1)} MB; the largest source that can be imported is ${MAX_SOURCE_BYTES / MIB} MB. Split it into smaller documents and import them one by one.`,
  );
}

/** Decodes UTF-8 (with or without BOM) or UTF-16 with a BOM; refuses anything else rather than guess. */
function decodeBytes(bytes: Uint8Array, subject: string): string {
  const binaryKind = sniffBinaryKind(bytes);
  if (binaryKind !== null) throw new AppError('UNSUPPORTED_FILE', `${subject} looks like ${binaryKind}`);

  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      `${subject} is UTF-32 text, which cannot be imported; save it as UTF-8 and import it again.`,
    );
  }
  let text: string;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      throw new AppError(
        'UNSUPPORTED_FILE',
        `${subject} starts like UTF-16 text but is damaged (it has invalid characters); save it again as UTF-8 and import it again.`,
      );
    }
  } else {
    // A NUL byte is everywhere in binary files (and in UTF-16), but a few stray ones also turn
    // up in real text (a log cut short by a crash): those are dropped by normalization, as every
    // other control character is, when the rest is valid UTF-8.
    if (bytes.indexOf(0) !== -1 && !hasOnlyStrayNuls(bytes)) {
      throw new AppError(
        'UNSUPPORTED_FILE',
        looksLikeUtf16WithoutBom(bytes)
          ? `${subject} looks like UTF-16 text without a byte-order mark; save it as UTF-8 and import it again.`
          : `${subject} looks like a binary file, not text; only plain text, Markdown and HTML can be imported.`,
      );
    }
    try {
      // fatal: invalid UTF-8 is refused, never replaced by U+FFFD (that would be silent mojibake).
      // The decoder drops a UTF-8 byte-order mark by itself.
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError(
        'UNSUPPORTED_FILE',
        `${subject} is not UTF-8 text (it is probably in an older encoding such as Windows-1252 or Latin-1); save it as UTF-8 — most editors offer this under "Save As" or "Encoding" — and import it again.`,
      );
    }
  }
  if (controlCharRatio(text) > MAX_CONTROL_CHAR_RATIO) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      `${subject} looks like a binary file, not text; only plain text, Markdown and HTML can be imported.`,
    );
  }
  return text;
}

/** Names what a file's magic number says it is (ending with what the user should do), or null. */
function sniffBinaryKind(bytes: Uint8Array): string | null {
  const startsWith = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  const exportFirst = '; export it as text or HTML first.';
  if (startsWith(...ascii('%PDF-'))) return `a PDF${exportFirst}`;
  if (startsWith(...ascii('{\\rtf'))) return `an RTF document${exportFirst}`;
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    return `an older Office document (.doc, .xls or .ppt)${exportFirst}`;
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0x50, 0x4b, 0x05, 0x06) || startsWith(0x50, 0x4b, 0x07, 0x08)) {
    return zipKind(bytes);
  }
  const notADocument = ', not a document; only plain text, Markdown and HTML can be imported.';
  if (startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return `a PNG image${notADocument}`;
  if (startsWith(0xff, 0xd8, 0xff)) return `a JPEG image${notADocument}`;
  if (startsWith(...ascii('GIF87a')) || startsWith(...ascii('GIF89a'))) return `a GIF image${notADocument}`;
  if (startsWith(...ascii('RIFF')) && ascii('WEBP').every((b, i) => bytes[8 + i] === b))
    return `a WebP image${notADocument}`;
  const unpackFirst = '; unpack it and import the documents inside.';
  if (startsWith(0x1f, 0x8b)) return `a gzip archive${unpackFirst}`;
  if (startsWith(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return `a 7-Zip archive${unpackFirst}`;
  if (startsWith(...ascii('Rar!'), 0x1a, 0x07)) return `a RAR archive${unpackFirst}`;
  return null;
}

/** Office (OOXML, OpenDocument) and EPUB files are ZIP archives; the member names near the start or in the central directory at the end say which. */
function zipKind(bytes: Uint8Array): string {
  const window = 64 * 1024;
  const latin1 = (from: number, to: number) =>
    Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');
  const probe = latin1(0, Math.min(bytes.length, window)) + latin1(Math.max(0, bytes.length - window), bytes.length);
  const exportFirst = '; export it as text or HTML first.';
  if (probe.includes('word/')) return `a Word document (.docx)${exportFirst}`;
  if (probe.includes('xl/workbook') || probe.includes('xl/worksheets'))
    return `an Excel workbook (.xlsx)${exportFirst}`;
  if (probe.includes('ppt/')) return `a PowerPoint presentation (.pptx)${exportFirst}`;
  if (probe.includes('application/vnd.oasis.opendocument'))
    return `an OpenDocument file (.odt, .ods or .odp)${exportFirst}`;
  if (probe.includes('application/epub+zip')) return `an EPUB e-book${exportFirst}`;
  return 'a ZIP archive; unpack it and import the documents inside.';
}

/** NULs no more common than control characters may be in text, and the rest valid UTF-8. */
function hasOnlyStrayNuls(bytes: Uint8Array): boolean {
  let nuls = 0;
  for (const byte of bytes) if (byte === 0) nuls += 1;
  if (nuls > bytes.length * MAX_CONTROL_CHAR_RATIO || looksLikeUtf16WithoutBom(bytes)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.filter((byte) => byte !== 0));
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 of mostly-ASCII text has a NUL in every other byte, on one side only. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  return (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) || (evenNul > pairs * 0.4 && oddNul < pairs * 0.05);
}

/** Above this share of control characters a "text" is binary data that happened to be valid UTF-8. Generous, so logs with ANSI colour codes still pass. */
const MAX_CONTROL_CHAR_RATIO = 0.1;

function controlCharRatio(text: string): number {
  // A sample is enough: binary data is binary from the start.
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.length === 0) return 0;
  // Tab, line feed, vertical tab, form feed, carriage return and escape are at home in text files.
  const controls = sample.match(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F\u007F]/g);
  return (controls?.length ?? 0) / sample.length;
}

// ─── Format detection ────────────────────────────────────────────────────────────────────────

const FORMAT_BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
};

/** The opening tag of an HTML document: doctype, <html>, <head> or <body>. */
const HTML_DOCUMENT_TAG = /^<(?:!doctype\s+html|html|head|body)(?=[\s>/])/i;
/** Any start or end tag, doctype or comment. */
const ANY_MARKUP = /<(?:\/?[a-z][a-z0-9-]*(?=[\s/>])|!doctype\s|!--)/i;

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

function extensionFormat(name: string | null): SourceFormat | null {
  const dot = name?.lastIndexOf('.') ?? -1;
  if (name === null || dot <= 0) return null;
  return FORMAT_BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null;
}

function decideFormat(name: string | null, content: string): { format: SourceFormat; warning: string | null } {
  const byExtension = extensionFormat(name);
  if (byExtension === 'html') {
    return ANY_MARKUP.test(content)
      ? { format: 'html', warning: null }
      : { format: 'text', warning: `"${name}" contains no HTML tags, so it was read as plain text.` };
  }
  if (startsLikeHtmlDocument(content)) {
    const named = byExtension === 'markdown' ? 'a Markdown file' : 'a text file';
    return {
      format: 'html',
      warning:
        byExtension === null
          ? null
          : `"${name}" is named like ${named} but contains an HTML document, so it was read as HTML.`,
    };
  }
  // Markdown is never guessed from content: plain text that happens to contain # or * must keep them.
  return { format: byExtension ?? 'text', warning: null };
}

/** An HTML document announces itself at the very start, after at most white space, comments and an XML declaration. */
function startsLikeHtmlDocument(content: string): boolean {
  // A loop rather than one regular expression, which could backtrack for ages over many comments.
  const space = /\s+/y;
  let at = 0;
  while (at < content.length) {
    let end: number;
    space.lastIndex = at;
    if (space.test(content)) end = space.lastIndex;
    else if (content.startsWith('<!--', at)) end = content.indexOf('-->', at + 4) + 3;
    else if (content.startsWith('<?xml', at)) end = content.indexOf('>', at) + 1;
    else return HTML_DOCUMENT_TAG.test(content.slice(at, at + 64));
    if (end <= at) return false; // an unclosed comment or declaration
    at = end;
  }
  return false;
}

// ─── HTML and Markdown ───────────────────────────────────────────────────────────────────────

type RawExtract = Omit<ExtractedSource, 'format' | 'warnings'>;

const NO_METADATA = { title: null, author: null, publisher: null, publishedAt: null, language: null } as const;

/** Elements whose content is never visible text: active or embedded content, metadata, form controls. */
const NOT_TEXT_ELEMENTS = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'noframes',
  'object',
  'embed',
  'noembed',
  'applet',
  'param',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'canvas',
  'img',
  'picture',
  'source',
  'track',
  'video',
  'audio',
  'map',
  'area',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'textarea',
  'datalist',
  'output',
  'progress',
  'meter',
];
const NOT_TEXT = new Set(NOT_TEXT_ELEMENTS);
/** Inline styles that hide text (display, visibility, zero opacity or size), read after comments and white space are dropped. Stylesheets are not evaluated. */
const HIDING_STYLE =
  /(?:^|;)(?:display:none|visibility:(?:hidden|collapse)|opacity:0*\.?0*(?:;|!|$)|font-size:0*\.?0*[a-z%]*(?:;|!|$))/;

/**
 * Markup with more elements than this is refused before jsdom builds its DOM, which costs about
 * 2 KB of heap per node (measured: a page of 290,000 elements took 1.3 GB of heap for the DOM
 * alone, 1.9 GB at peak, and 19 s). At this limit an import peaks near 1 GB; real web pages have
 * a few thousand to a few tens of thousands of elements. Counted as start tags in the source.
 */
const MAX_HTML_ELEMENTS = 150_000;
/**
 * Deeper nesting is refused: jsdom's serializer and html-to-text recurse once per level and
 * overflow the stack at a few thousand. Browsers stop nesting at about this depth too (Chromium
 * at 512), so no page a person reads comes near it; only a document built to break parsers does.
 */
const MAX_ELEMENT_DEPTH = 512;
/**
 * The same limit, estimated from the source before parsing and kept generous because the estimate
 * is rough: jsdom spends time in proportion to the depth on every element it inserts, so a small
 * file of nested tags would otherwise hold the import for a minute (measured: 5,000 levels 10 s,
 * 15,000 levels 43 s and then a stack overflow).
 */
const MAX_ESTIMATED_DEPTH = 2 * MAX_ELEMENT_DEPTH;
/**
 * Readability takes the DOM apart as it scores it, and jsdom makes that slow: its time grows with
 * the number of elements (measured: 20,000 elements about 3 s) and with the square of the depth
 * (300 levels 4 s, 500 levels 16 s). Beyond these a page is taken whole. Real pages have a few
 * thousand elements, 20–60 levels deep.
 */
const READABILITY_MAX_ELEMENTS = 30_000;
const READABILITY_MAX_DEPTH = 100;
/** Readability's own idea of an article (its charThreshold): fewer characters than this is not a find. */
const ARTICLE_MIN_CHARS = 500;

const fallbackWarning = (why: string) =>
  `${why}, so the text of the whole page was imported; check it for menus, adverts and other page furniture.`;

let parserWindow: JSDOM['window'] | null = null;

/** Parses HTML into a document with no window: no scripts, no frames, no loading, ever (see top of file). */
function parseHtml(html: string): Document {
  // One window serves as the DOMParser factory for the whole process; its own document stays empty.
  parserWindow ??= new JSDOM('', { virtualConsole: new VirtualConsole() }).window;
  return new parserWindow.DOMParser().parseFromString(html, 'text/html');
}

/** Parses markup from outside (a file, the clipboard, Markdown's raw HTML), after checking it is safe to build. */
function parseUntrustedHtml(html: string, subject: string): Document {
  checkMarkupBeforeParsing(html, subject);
  // A DOMParser document is parsed as if scripting were off, which makes <noscript> ordinary
  // markup — and in the <head> its content spills into the body. Browsers (scripting on) treat
  // it as raw text that is never shown; <noembed> is parsed exactly that way, and is dropped.
  return parseHtml(html.replace(/<(\/?)noscript(?=[\s/>])/gi, '<$1noembed'));
}

/** Elements that never hold others open: void elements, and those whose end tag is optional (the parser closes them itself). */
const NEVER_OPEN = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'html',
  'head',
  'body',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rp',
  'rtc',
]);
/** Elements whose content is raw text up to their end tag; tags inside are not tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
/** Elements that a second start tag closes rather than nests in. */
const CLOSED_BY_REPEAT = new Set(['a', 'button', 'nobr', 'form', 'select', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Refuses markup that would cost jsdom too much memory (MAX_HTML_ELEMENTS) or time
 * (MAX_ESTIMATED_DEPTH), in one linear scan of the tags, before any DOM is built.
 */
function checkMarkupBeforeParsing(source: string, subject: string): void {
  // Past the last ">" nothing is a tag, and a tag pattern tried there would scan to the end
  // every time: quadratic on a file of "<a <a <a…". Cut it off.
  const html = source.slice(0, source.lastIndexOf('>') + 1);
  const token = /<!--|<(\/?)([a-z][^\s/>]*)[^>]*>/gi;
  const open: string[] = [];
  let elements = 0;
  for (let match = token.exec(html); match !== null; match = token.exec(html)) {
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', token.lastIndex);
      if (end === -1) break;
      token.lastIndex = end + 3;
      continue;
    }
    const name = match[2]!.toLowerCase();
    if (match[1] === '/') {
      // An end tag closes its element and everything left open inside it.
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
      continue;
    }
    if (++elements > MAX_HTML_ELEMENTS) {
      throw new AppError(
        'TOO_LARGE',
        `${subject} has more than ${MAX_HTML_ELEMENTS.toLocaleString('en')} HTML elements, more than can be read safely; open it in a browser, save it as plain text, and import that.`,
      );
    }
    if (name === 'plaintext') break;
    if (RAW_TEXT.has(name)) {
      const endTag = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
      endTag.lastIndex = token.lastIndex;
      if (endTag.exec(html) === null) break;
      token.lastIndex = endTag.lastIndex;
      continue;
    }
    // <x/> is self-closing in SVG and MathML (an icon's paths), and ignored as a slash in HTML.
    if (NEVER_OPEN.has(name) || match[0].endsWith('/>')) continue;
    if (CLOSED_BY_REPEAT.has(name)) {
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
    }
    // Handled like the stack overflow it prevents.
    if (open.push(name) > MAX_ESTIMATED_DEPTH)
      throw new RangeError(`Tags are nested more than ${MAX_ESTIMATED_DEPTH} levels deep.`);
  }
}

function extractFromHtml(html: string, subject: string, warnings: string[]): RawExtract {
  // The DOMs are garbage once the content is chosen; converting after this call returns means
  // jsdom's DOM and html-to-text's DOM of a big page are never in memory at the same time.
  const { contentHtml, ...metadata } = chooseHtmlContent(html, subject, warnings);
  return { ...metadata, text: htmlToPlainText(contentHtml) };
}

/** Reads a page's metadata, keeps only its visible content, and picks the main article out of that with Readability (or else keeps it all). */
function chooseHtmlContent(
  html: string,
  subject: string,
  warnings: string[],
): Omit<RawExtract, 'text'> & { contentHtml: string } {
  const page = parseUntrustedHtml(html, subject);
  const pageMetadata = readPageMetadata(page);
  const visible = serializeVisibleBody(page);
  const readabilityHead = serializeMetadataForReadability(page);

  let contentHtml: string | null = null;
  let articleMetadata: {
    title?: string | null;
    byline?: string | null;
    siteName?: string | null;
    publishedTime?: string | null;
  } = {};
  if (visible.elements > READABILITY_MAX_ELEMENTS || visible.depth > READABILITY_MAX_DEPTH) {
    warnings.push(fallbackWarning('The page is too large or too deeply nested to pick out its main article'));
  } else {
    // Readability works on a document of our own making: the page's metadata and its visible content, nothing else.
    const clean = parseHtml(`<!doctype html>${readabilityHead}<body>${visible.html}</body></html>`);
    const pageChars = collapsedLength(clean.body.textContent);
    try {
      const article = new Readability(clean).parse();
      if (article !== null) {
        articleMetadata = article;
        const articleChars = collapsedLength(article.textContent);
        if (article.content && articleChars > 0 && articleChars >= Math.min(ARTICLE_MIN_CHARS, pageChars / 2))
          contentHtml = article.content;
      }
    } catch (error) {
      if (error instanceof RangeError) throw error;
      // Readability is a heuristic; when it fails on a strange page, the whole page is still text.
    }
    if (contentHtml === null) warnings.push(fallbackWarning('No main article could be picked out of the page'));
  }

  return {
    contentHtml: contentHtml ?? visible.html,
    title: firstOf(articleMetadata.title, pageMetadata.title),
    author: firstOf(authorName(articleMetadata.byline), pageMetadata.author),
    publisher: oneLine(firstOf(pageMetadata.publisher, articleMetadata.siteName), MAX_NAME_CHARS),
    publishedAt:
      pageMetadata.publishedAt.preferred ??
      toIsoDate(articleMetadata.publishedTime) ??
      pageMetadata.publishedAt.fallback,
    language: pageMetadata.language,
  };
}

/** The visible text of markup, as plain text: cleaned like a page, without Readability. */
function visibleTextOfHtml(html: string, subject: string): string {
  return htmlToPlainText(serializeVisibleBody(parseUntrustedHtml(html, subject)).html);
}

const markdown = new Marked({ gfm: true, async: false });

function extractFromMarkdown(source: string, subject: string): RawExtract {
  // The whole Markdown is the content, so no Readability.
  const tokens = markdown.lexer(source);
  let hasRawHtml = false;
  markdown.walkTokens(tokens, (token) => {
    if (token.type === 'html') hasRawHtml = true;
  });
  // The title is the first `# heading` (or its === underlined form).
  const heading = tokens.find((token) => token.type === 'heading' && token.depth === 1);
  // marked escapes every character of text it renders, so without raw HTML its output holds
  // nothing active or hidden and needs no DOM (seconds and hundreds of MB for a big file); raw
  // HTML inside Markdown is cleaned exactly like a web page.
  const toText = hasRawHtml ? (html: string) => visibleTextOfHtml(html, subject) : htmlToPlainText;
  return {
    ...NO_METADATA,
    title: heading === undefined ? null : oneLine(toText(markdown.parser([heading]))),
    text: toText(markdown.parser(tokens)),
  };
}

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
/** Tag and attribute names written back out; anything stranger the parser let through is renamed or dropped. */
const PLAIN_TAG_NAME = /^[a-z][a-z0-9-]*$/;
const PLAIN_ATTRIBUTE_NAME = /^[a-z_][a-z0-9_.:-]*$/;

interface VisibleBody {
  /** The body's visible content as HTML we wrote ourselves: kept elements, escaped text. */
  html: string;
  elements: number;
  depth: number;
}

/**
 * Writes out the body without anything that is not visible text (NOT_TEXT elements, hidden
 * elements, comments, event handlers, styles). This, not the page's own markup, is what
 * Readability and html-to-text get to see. Writing a copy instead of removing nodes matters:
 * jsdom spends time in proportion to the preceding siblings on every removal, which made
 * cleaning a flat page of 30,000 elements take tens of seconds.
 */
function serializeVisibleBody(doc: Document): VisibleBody {
  const body = doc.body;
  const out: string[] = [];
  let elements = 0;
  let deepest = 0;
  if (body === null || body.localName !== 'body') return { html: '', elements, depth: 0 }; // a <frameset> page shows nothing of its own
  // Sibling links, not recursion (pages can be deep) nor HTMLCollections (jsdom's are slow proxies).
  let node: Node | null = body.firstChild;
  let depth = 1;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      out.push(escapeText((node as Text).data));
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const name = el.localName;
      if (el.namespaceURI !== HTML_NAMESPACE || NOT_TEXT.has(name) || isHidden(el)) {
        // left out, with everything inside it
      } else if (name === 'xmp' || name === 'plaintext') {
        // These show their content literally.
        out.push('<pre>', escapeText(el.textContent ?? ''), '</pre>');
      } else {
        if (depth > MAX_ELEMENT_DEPTH)
          throw new RangeError(`Elements are nested more than ${MAX_ELEMENT_DEPTH} levels deep.`);
        elements++;
        deepest = Math.max(deepest, depth);
        const tag = tagName(el);
        out.push(`<${tag}${attributes(el)}>`);
        if (!VOID_ELEMENTS.has(tag)) {
          // The parser drops a newline right after <pre>; write one more so a leading one survives.
          if (
            (tag === 'pre' || tag === 'listing') &&
            el.firstChild?.nodeType === TEXT_NODE &&
            (el.firstChild as Text).data.startsWith('\n')
          )
            out.push('\n');
          if (el.firstChild === null) out.push(`</${tag}>`);
          else descend = true;
        }
      }
    }
    if (descend) {
      node = node.firstChild;
      depth++;
      continue;
    }
    // Climb out of every element whose children are all written, closing it.
    while (node !== null && node !== body && node.nextSibling === null) {
      node = node.parentNode;
      depth--;
      if (node !== null && node !== body) out.push(`</${tagName(node as Element)}>`);
    }
    node = node === null || node === body ? null : node.nextSibling;
  }
  return { html: out.join(''), elements, depth: deepest };
}

function tagName(el: Element): string {
  return PLAIN_TAG_NAME.test(el.localName) ? el.localName : 'span';
}

/** The attributes Readability may use to judge the page (class, id, rel, href…); never styles or event handlers. */
function attributes(el: Element): string {
  let written = '';
  for (const name of el.getAttributeNames()) {
    if (name === 'style' || name.startsWith('on') || !PLAIN_ATTRIBUTE_NAME.test(name)) continue;
    written += ` ${name}="${escapeAttribute(el.getAttribute(name) ?? '')}"`;
  }
  return written;
}

/** The head of the document Readability reads: language, title, meta tags and JSON-LD, from anywhere in the page. */
function serializeMetadataForReadability(doc: Document): string {
  const root = doc.documentElement;
  let head = '<html';
  for (const name of ['lang', 'dir']) {
    const value = root.getAttribute(name);
    if (value !== null) head += ` ${name}="${escapeAttribute(value)}"`;
  }
  head += `><head><title>${escapeText(doc.title)}</title>`;
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    let attrs = '';
    for (const name of ['name', 'property', 'itemprop', 'content']) {
      const value = meta.getAttribute(name);
      if (value !== null) attrs += ` ${name}="${escapeAttribute(value)}"`;
    }
    if (attrs !== '') head += `<meta${attrs}>`;
  }
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    const json = script.textContent ?? '';
    // Script text is raw: only JSON that cannot change how the script element ends is passed on.
    if (script.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json' && !/<!--|<\/?script/i.test(json)) {
      head += `<script type="application/ld+json">${json}</script>`;
    }
  }
  return `${head}</head>`;
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  if (el.localName === 'dialog' && !el.hasAttribute('open')) return true;
  const style = el.getAttribute('style');
  return (
    style !== null &&
    HIDING_STYLE.test(
      style
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, '')
        .toLowerCase(),
    )
  );
}

const escapeText = (text: string) => text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
const escapeAttribute = (text: string) =>
  text.replace(/[&"<>]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : '&gt;'));

function collapsedLength(text: string | null | undefined): number {
  return (text ?? '').replace(/\s+/g, ' ').trim().length;
}

/** Table cells: a row per line, cells separated by " | " (html-to-text's own table layout pads columns with spaces, which normalization would collapse, and wraps long cells). */
const tableCell: FormatCallback = (elem, walk, builder) => {
  // html-to-text's DOM nodes (domhandler) link to their siblings; its type declarations omit it.
  type Sibling = DomNode & { prev?: Sibling | null };
  let previous = (elem as Sibling).prev;
  while (previous && previous.type !== 'tag') previous = previous.prev;
  if (previous?.name === 'td' || previous?.name === 'th') builder.addInline(' | ');
  walk(elem.children, builder);
};

const block = (lines: number): Pick<SelectorDefinition, 'format' | 'options'> => ({
  format: 'block',
  options: { leadingLineBreaks: lines, trailingLineBreaks: lines },
});

const htmlToPlainText = compile({
  wordwrap: false,
  preserveNewlines: false,
  // The default limit (16 Mi characters) silently truncates; our own size limit applies earlier.
  limits: { maxInputLength: Number.POSITIVE_INFINITY },
  formatters: { tableCell },
  selectors: [
    // Link text only: a URL is not part of what the page says, and javascript: URLs must not survive.
    { selector: 'a', options: { ignoreHref: true } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'ul', options: { itemPrefix: '• ' } },
    // No "> " prefixes: they would be characters the source does not contain, in the middle of quotes.
    { selector: 'blockquote', ...block(2) },
    { selector: 'hr', ...block(2) },
    { selector: 'table', ...block(2) },
    { selector: 'caption', ...block(1) },
    { selector: 'tr', ...block(1) },
    { selector: 'td', format: 'tableCell' },
    { selector: 'th', format: 'tableCell' },
    ...[
      'dl',
      'dt',
      'dd',
      'figure',
      'figcaption',
      'address',
      'details',
      'summary',
      'fieldset',
      'legend',
      'center',
      'dialog',
      'hgroup',
    ].map((selector) => ({ selector, ...block(1) })),
    { selector: 'listing', format: 'pre' },
    { selector: 'q', format: 'inlineSurround', options: { prefix: '“', suffix: '”' } },
    // Second line of defence: serializeVisibleBody left these out already.
    ...NOT_TEXT_ELEMENTS.map((selector) => ({ selector, format: 'skip' })),
  ],
});

// ─── Metadata ────────────────────────────────────────────────────────────────────────────────

interface PageMetadata {
  title: string | null;
  author: string | null;
  publisher: string | null;
  /** Dated metadata: `preferred` beats Readability's JSON-LD date, which beats `fallback` (a <time> in the page). */
  publishedAt: { preferred: string | null; fallback: string | null };
  language: string | null;
}

const PUBLISHED_META = [
  'article:published_time',
  'datepublished',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.date',
  'dcterms.created',
  'citation_publication_date',
  'citation_date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'sailthru.date',
  'parsely-pub-date',
  'og:published_time',
];

/** Reads what the page says about itself: meta tags, <title>, <time> and <html lang>, wherever they are in the page. */
function readPageMetadata(doc: Document): PageMetadata {
  const metas = new Map<string, string>();
  for (const meta of Array.from(doc.querySelectorAll('meta[content]'))) {
    const content = meta.getAttribute('content') ?? '';
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      for (const key of (meta.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/)) {
        if (key !== '' && !metas.has(key)) metas.set(key, content);
      }
    }
  }
  const meta = (...keys: string[]) => firstOf(...keys.map((key) => metas.get(key)));

  const timeValues = [
    'time[pubdate][datetime]',
    '[itemprop~="datePublished"]',
    'article time[datetime]',
    'time[datetime]',
  ].map((selector) => {
    const el = doc.querySelector(selector);
    return el?.getAttribute('datetime') ?? el?.getAttribute('content') ?? null;
  });
  const root = doc.documentElement;

  return {
    title: firstOf(doc.title, meta('og:title', 'twitter:title')),
    author: firstOf(
      ...['author', 'dc.creator', 'dcterms.creator', 'article:author', 'parsely-author', 'sailthru.author'].map((key) =>
        authorName(metas.get(key)),
      ),
    ),
    publisher: oneLine(meta('og:site_name', 'dc.publisher', 'dcterms.publisher'), MAX_NAME_CHARS),
    publishedAt: {
      preferred: firstDate(PUBLISHED_META.map((key) => metas.get(key))),
      fallback: firstDate(timeValues),
    },
    language: firstLanguage([
      root?.getAttribute('lang'),
      root?.getAttribute('xml:lang'),
      metas.get('content-language'),
      metas.get('dc.language'),
      metas.get('og:locale'),
    ]),
  };
}

/** The longest metadata values the API accepts (shared/api/sources.ts); longer ones are cut, not refused. */
const MAX_TITLE_CHARS = 500;
const MAX_NAME_CHARS = 300;
const MAX_LANGUAGE_CHARS = 35;

/** Metadata is one line of plain text, no longer than the API accepts. */
function oneLine(value: string | null | undefined, max = MAX_TITLE_CHARS): string | null {
  if (value === null || value === undefined) return null;
  const line = normalizeText(value).replace(/\s*\n\s*/g, ' ');
  return line === '' ? null : line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function firstOf(...values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    const line = oneLine(value);
    if (line !== null) return line;
  }
  return null;
}

/** A byline as a name: "By Jane Doe" → "Jane Doe"; a profile URL (article:author often is one) is not a name. */
function authorName(value: string | null | undefined): string | null {
  const line = oneLine(value, MAX_NAME_CHARS)?.replace(/^by\s+/i, '') ?? null;
  return line === null || line === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(line) ? null : line;
}

function firstDate(values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    const date = toIsoDate(value);
    if (date !== null) return date;
  }
  return null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function calendarDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * A published date in the ISO 8601 forms the API accepts: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as
 * written when the page gives no time or no zone (converting would invent a zone), a UTC
 * timestamp (`…T…Z`) when it gives both.
 */
function toIsoDate(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const partial = /^(\d{4})(?:-(\d{2}))?$/.exec(value);
  if (partial) {
    const [, year, month] = partial;
    return calendarDate(Number(year), Number(month ?? 1), 1) === null ? null : value;
  }
  const day = /^(\d{4})([-/]?)(\d{2})\2(\d{2})$/.exec(value);
  if (day) return calendarDate(Number(day[1]), Number(day[3]), Number(day[4]));
  const stamp =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(value);
  if (stamp) {
    const [, y, mo, d, h, mi, s, zone] = stamp;
    const date = calendarDate(Number(y), Number(mo), Number(d));
    if (date === null || zone === undefined) return date;
    const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`;
    return utcTimestamp(Date.parse(`${date}T${h}:${mi}:${s ?? '00'}${offset}`)) ?? date;
  }
  // Other spellings ("Tue, 05 Mar 2024 10:00:00 GMT", "March 5, 2024"): JavaScript's parser reads
  // them, but it also turns junk like "1" into a year, so insist on a four-digit year.
  if (!/\b\d{4}\b/.test(value)) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const hasTime = /\d:\d\d/.test(value);
  const hasZone = /(?:\b(?:GMT|UTC|Z)\b|[+-]\d{2}:?\d{2}\s*$)/i.test(value);
  if (hasTime && hasZone) return utcTimestamp(time);
  // Without a zone the parser read local time, so the local calendar fields are the day as written.
  const date = new Date(time);
  return calendarDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

function utcTimestamp(time: number): string | null {
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? date.toISOString() : null;
}

function firstLanguage(values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    const tag = value
      ?.trim()
      .replace(/_/g, '-')
      .split(/[\s,;]/)[0];
    if (!tag) continue;
    try {
      const canonical = Intl.getCanonicalLocales(tag)[0];
      if (canonical !== undefined && canonical.length <= MAX_LANGUAGE_CHARS) return canonical;
    } catch {
      // Not a language tag; try the next source.
    }
  }
  return null;
}
