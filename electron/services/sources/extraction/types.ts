// The shapes that pass between the front door (index.ts) and the readers of each format.

export type SourceFormat = 'text' | 'markdown' | 'html';

export const SOURCE_FORMATS: readonly SourceFormat[] = ['text', 'markdown', 'html'];

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

/** What a format's reader returns: the text before normalization, and the metadata it found. */
export type RawExtract = Omit<ExtractedSource, 'format' | 'warnings'>;

export const NO_METADATA = { title: null, author: null, publisher: null, publishedAt: null, language: null } as const;
