// Bytes to text. Only UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order
// mark are read; anything else is refused with a sentence that says what the file seems to be
// and what to do, because a guessed encoding would store mojibake that every citation inherits.
import { AppError } from '../../../../shared/api/errors';

/** Decodes UTF-8 (with or without BOM) or UTF-16 with a BOM; refuses anything else rather than guess. */
export function decodeBytes(bytes: Uint8Array, subject: string): string {
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

/** Tab, line feed, vertical tab, form feed, carriage return and escape are at home in text files. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);

function controlCharRatio(text: string): number {
  // A sample is enough: binary data is binary from the start.
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && !TEXT_CONTROLS.has(code)) || code === 0x7f) controls++;
  }
  return controls / sample.length;
}
