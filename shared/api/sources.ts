// The sources part of the contract: importing documents as immutable text versions.
import { z } from 'zod';
import { reliabilitySchema } from '../tradecraft/vocabularies';
import { idSchema, isoDateTime, nonEmptyText, publishedDateSchema } from './common';
import type { ContractPart } from './method';

export const sourceFormatSchema = z.enum(['text', 'markdown', 'html']);

/**
 * The largest document that can be imported: 25 MB (MiB) of file, or of pasted text as UTF-8.
 *
 * Why this number: the largest real sources fit with room to spare — a saved news page with
 * all its markup is 1–5 MB, and a 1,000-page report exported as text is about 3 MB — while
 * everything beyond it is almost certainly not one document (a log, a mailbox, a data dump).
 * An import holds the text several times over (bytes, decoded string, DOM for HTML, normalized
 * copy), every version is stored whole in SQLite and indexed by FTS5, and fuzzy re-anchoring
 * searches the whole text, so an unbounded source would make the app slow for everyone.
 *
 * It is part of the contract so the renderer can refuse a file before reading it into the page.
 */
export const MAX_SOURCE_BYTES = 25 * 1024 * 1024;

/** A size for people, in MB (MiB) rounded up to one decimal — "50 MB", "25.1 MB" — so a file just over a limit never reads as the limit. */
export function formatMegabytes(bytes: number): string {
  const tenths = Math.ceil((bytes / (1024 * 1024)) * 10);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} MB`;
}

/** The part of TextEncoder used here. Every runtime the contract runs in has it (the page, Node), but shared/'s type library is the language alone. */
declare const TextEncoder: new () => { encodeInto: (source: string, destination: Uint8Array) => { written: number } };

/** UTF-16 units encoded at a time when measuring: each is at most three bytes of UTF-8. */
const MEASURE_CHUNK = 64 * 1024;

/** The size of a text as UTF-8, as encoding would write it (a lone surrogate as the three bytes of U+FFFD). */
export function utf8ByteLength(text: string): number {
  // A slice at a time into one small buffer: native speed, without a copy of megabytes just to measure them.
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(3 * MEASURE_CHUNK);
  let bytes = 0;
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + MEASURE_CHUNK);
    // Never split a surrogate pair: each half alone would count as a replacement character.
    if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    bytes += encoder.encodeInto(text.slice(at, end), buffer).written;
    at = end;
  }
  return bytes;
}

/** The sentence that refuses a document over the limit, wherever it is noticed (the page, the contract). */
export function oversizeSourceMessage(subject: string, size: string): string {
  return `${subject} is ${size}; the most a source may have is ${formatMegabytes(MAX_SOURCE_BYTES)}. Split it into smaller documents and import them one by one.`;
}

/** How a refusal names a file: its own name in quotes, without the folders of a path. */
function fileSubject(fileName: string): string {
  return `“${fileName.split(/[\\/]/).pop()}”`;
}

/**
 * The refusal of a file of `bytes` bytes over the limit, word for word the same wherever its size
 * is noticed first: the open dialog (from the file's size on disk), the page (from File.size) or
 * the contract (from the bytes it was given).
 */
export function oversizeFileMessage(fileName: string, bytes: number): string {
  return oversizeSourceMessage(fileSubject(fileName), formatMegabytes(bytes));
}

/**
 * Marks a schema issue with the AppError code it stands for (createLibrary reads
 * `params.appErrorCode`), where INVALID_INPUT would be the wrong answer: an oversize document
 * is a well-formed request, just too big.
 */
const TOO_LARGE_ISSUE = { params: { appErrorCode: 'TOO_LARGE' } } as const;

export const sourceMetadataSchema = z.object({
  title: nonEmptyText('Title', 500),
  publisher: z.string().trim().max(300).nullable(),
  author: z.string().trim().max(300).nullable(),
  url: z.string().trim().max(2000).nullable(),
  publishedAt: publishedDateSchema.nullable(),
  language: z.string().trim().max(35).nullable(),
  reliability: reliabilitySchema,
});
export type SourceMetadata = z.infer<typeof sourceMetadataSchema>;

export const sourceSchema = sourceMetadataSchema.extend({
  id: idSchema,
  currentVersionId: idSchema,
  versionCount: z.number().int(),
  citationCount: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Source = z.infer<typeof sourceSchema>;

export const sourceVersionSchema = z.object({
  id: idSchema,
  sourceId: idSchema,
  versionNo: z.number().int().positive(),
  sha256: z.string(),
  format: sourceFormatSchema,
  fileName: z.string().nullable(),
  importedAt: isoDateTime,
  length: z.number().int(),
});
export type SourceVersion = z.infer<typeof sourceVersionSchema>;

export const reanchorSummarySchema = z.object({
  exact: z.number().int(),
  fuzzy: z.number().int(),
  orphaned: z.number().int(),
});
export type ReanchorSummary = z.infer<typeof reanchorSummarySchema>;

const importContent = z
  .object({
    /** Text given directly (paste, CLI --text). */
    text: z.string().optional(),
    /** A file's bytes, base64-encoded so every transport carries them as JSON. */
    base64: z.string().optional(),
    fileName: z.string().max(500).optional(),
    format: sourceFormatSchema.optional(),
  })
  .refine(
    (c) => (c.text === undefined) !== (c.base64 === undefined),
    'Give either text or a file, not both and not neither.',
  )
  // The one place the size limit is checked: before anything decodes or reads the content.
  .superRefine((content, ctx) => {
    const subject =
      content.fileName !== undefined
        ? fileSubject(content.fileName)
        : content.text !== undefined
          ? 'The text'
          : 'The file';
    const refuse = (field: 'text' | 'base64', size: string) =>
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: oversizeSourceMessage(subject, size),
        ...TOO_LARGE_ISSUE,
      });
    // A UTF-16 unit is one to three UTF-8 bytes: a text longer than the limit is refused without
    // counting, and one shorter than a third of it cannot be over.
    if (content.text !== undefined) {
      if (content.text.length > MAX_SOURCE_BYTES) refuse('text', `at least ${formatMegabytes(content.text.length)}`);
      else if (content.text.length * 3 > MAX_SOURCE_BYTES) {
        const bytes = utf8ByteLength(content.text);
        if (bytes > MAX_SOURCE_BYTES) refuse('text', formatMegabytes(bytes));
      }
    }
    if (content.base64 !== undefined) {
      const bytes = base64ByteLength(content.base64);
      if (bytes > MAX_SOURCE_BYTES) refuse('base64', formatMegabytes(bytes));
    }
  });

/**
 * The most bytes a base64 text can decode to: six bits per character before the padding. Exact
 * for well-formed base64; the decoder skips anything else, so never an underestimate.
 */
function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor(((base64.length - padding) * 3) / 4);
}

export const sourcesApi = {
  'sources.import': {
    input: z.object({
      content: importContent,
      /** Metadata to use; anything left out is taken from the document (e.g. an HTML title) or defaulted. */
      metadata: sourceMetadataSchema.partial().default({}),
      /** Import as a new version of this source, re-anchoring all its citations. */
      sourceId: idSchema.optional(),
    }),
    output: z.object({
      sourceId: idSchema,
      versionId: idSchema,
      /** True when the same text was already the source's current version (nothing was written). */
      unchanged: z.boolean(),
      /** Another source whose current text is identical, if any (a likely duplicate import). */
      duplicateOfSourceId: idSchema.nullable(),
      reanchor: reanchorSummarySchema,
      warnings: z.array(z.string()),
    }),
    writes: ['sources', 'citations'],
  },
  'sources.list': { input: z.object({}).default({}), output: z.array(sourceSchema), writes: [] },
  'sources.get': {
    input: z.object({ sourceId: idSchema, versionId: idSchema.optional() }),
    output: z.object({ source: sourceSchema, version: sourceVersionSchema, text: z.string() }),
    writes: [],
  },
  'sources.update': {
    input: z.object({ sourceId: idSchema, metadata: sourceMetadataSchema.partial() }),
    output: sourceSchema,
    writes: ['sources', 'citations'],
  },
  'sources.versions': { input: z.object({ sourceId: idSchema }), output: z.array(sourceVersionSchema), writes: [] },
} as const satisfies ContractPart;
