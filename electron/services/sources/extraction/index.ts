// The front door of text extraction: turns an imported document — the bytes of a file, or text
// the user pasted — into the one thing the library stores for a source version: normalized plain
// text (shared/anchoring/normalize.ts), plus whatever metadata the document states about itself.
// Other code imports this file only; the files beside it are its insides.
//
// Only text leaves this folder. No HTML from an imported document is ever stored or shown, and
// that is our main defence against hostile documents, so every HTML path here ends in text:
// parsed so that nothing can run or load (parseHtml.ts), sized up before a DOM is built
// (htmlBudget.ts), and cut down to what a reader could see (visible.ts) before Readability or
// html-to-text get to see it.
import { createHash } from 'node:crypto';
import { normalizeText } from '../../../../shared/anchoring/normalize';
import type { ParsedInput } from '../../../../shared/api/contract';
import { AppError } from '../../../../shared/api/errors';
import { decodeBytes } from './decode';
import { baseName, decideFormat } from './format';
import { extractFromHtml } from './html';
import { extractFromMarkdown } from './markdown';
import { extractFromText } from './text';
import { SOURCE_FORMATS, type ExtractedSource, type ExtractInput, type RawExtract, type SourceFormat } from './types';

export { detectFormat } from './format';
export type { ExtractedSource, ExtractInput, SourceFormat } from './types';

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

  // The size limit is the contract's to check (shared/api/sources.ts), before anything is decoded.
  const content = bytes !== undefined ? decodeBytes(bytes, subject) : (text as string);
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
          : extractFromText(content);
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

export type ImportContent = ParsedInput<'sources.import'>['content'];

export interface ExtractedImport extends ExtractedSource {
  /** SHA-256 (hex) of the normalized text as UTF-8: how versions and duplicates are recognized. */
  sha256: string;
}

/**
 * The CPU-heavy half of an import, everything before the database is touched: extracts the
 * content as the contract delivered it, and hashes the text. It runs in the extraction worker
 * (../extractionWorker.ts), so nothing here may reach for the main thread's database.
 */
export function extractImportContent(content: ImportContent): ExtractedImport {
  const extracted = extractText(
    content.text !== undefined
      ? { text: content.text, fileName: content.fileName, format: content.format }
      : { bytes: Buffer.from(content.base64!, 'base64'), fileName: content.fileName, format: content.format },
  );
  return { ...extracted, sha256: createHash('sha256').update(extracted.text, 'utf8').digest('hex') };
}
