// The CPU-heavy half of an import, everything before the database is touched: decode the
// content as it came over the contract, extract its normalized text (extractText.ts) and hash
// it. It runs in the extraction worker (extractionWorker.ts), so it must stay free of anything
// that belongs to the main thread — the database above all.
import { createHash } from 'node:crypto';
import type { ParsedInput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { formatMegabytes, MAX_SOURCE_BYTES } from '../../../shared/api/sources';
import { extractText, type ExtractedSource } from './extractText';

export type ImportContent = ParsedInput<'sources.import'>['content'];

export interface ExtractedImport extends ExtractedSource {
  /** SHA-256 (hex) of the normalized text as UTF-8: how versions and duplicates are recognized. */
  sha256: string;
}

export function extractImportContent(content: ImportContent): ExtractedImport {
  const extracted = extractText(
    content.text !== undefined
      ? { text: content.text, fileName: content.fileName, format: content.format }
      : { bytes: decodeBase64(content.base64!), fileName: content.fileName, format: content.format },
  );
  return { ...extracted, sha256: createHash('sha256').update(extracted.text, 'utf8').digest('hex') };
}

function decodeBase64(base64: string): Uint8Array {
  // The contract refuses this already; checked again because handlers can be called without it,
  // and an oversized file must never occupy memory twice.
  if (base64.length * 0.75 > MAX_SOURCE_BYTES + 4) {
    throw new AppError(
      'TOO_LARGE',
      `The file is larger than ${formatMegabytes(MAX_SOURCE_BYTES)}, the most a source may have.`,
    );
  }
  return Buffer.from(base64, 'base64');
}
