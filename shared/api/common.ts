// Building blocks shared by every feature's part of the contract.
import { z } from 'zod';

export const idSchema = z
  .number({ error: () => 'An id must be a positive whole number.' })
  .int()
  .positive();
export const isoDateTime = z.string();
/** A calendar date or date-time as written in a source's metadata (ISO 8601). */
export const publishedDateSchema = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/,
    'A date must be written as YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601).',
  );
export const nonEmptyText = (what: string, max: number) =>
  z
    .string({ error: () => `${what} must be text.` })
    .trim()
    .min(1, `${what} must not be empty.`)
    .max(max, `${what} is longer than ${max.toLocaleString('en')} characters.`);
export const emptyInput = z.object({}).strict();

/** Marks in search snippets: private-use characters, so the UI can highlight without ever
 * interpreting the snippet as HTML. */
export const SNIPPET_OPEN = '\uE000';
export const SNIPPET_CLOSE = '\uE001';
