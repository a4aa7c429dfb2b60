// What every contract method declares besides its schemas, so no transport keeps a list on the
// side: which parts of the library a successful call makes stale (the renderer reloads the views
// that show them), and which input a page may send (the app's window never names a file on disk).
import { z } from 'zod';

/** What a write can make stale. Views name the parts they show and reload when one changes. */
export const LIBRARY_PARTS = ['sources', 'claims', 'citations', 'briefs', 'usage'] as const;
export type LibraryPart = (typeof LIBRARY_PARTS)[number];

export interface MethodSpec {
  /** The full input: what the CLI and the main process may send. */
  input: z.ZodType;
  output: z.ZodType;
  /** The parts a successful call makes stale; `[]` for a method that changes nothing a view shows. */
  writes: readonly LibraryPart[];
  /**
   * The input a page (the app's window) may send, when it differs from `input`: without the fields
   * naming files on disk, which only the CLI and the main process (after a native dialog) may
   * choose. Absent means a page may send the full input.
   */
  pageInput?: z.ZodType;
}

/** A contract part: method name → its spec. Checked with `satisfies`, so a missing `writes` does not compile. */
export type ContractPart = Record<string, MethodSpec>;

const PAGE_PATH_MESSAGE =
  'The app’s window cannot choose a file on disk; Briefing Composer asks where to save with its own dialog.';

/**
 * A field a page must not send: absent passes, anything else is refused with a message saying
 * why (refusing, not silently dropping, so a page that tries is told and the attempt shows in a test).
 */
export const refusedPathField = z.undefined({ error: PAGE_PATH_MESSAGE }).optional();

/** The page input of a method only the main process and the CLI may call: every page call is refused. */
export const refusedFromPage = z.never({ error: PAGE_PATH_MESSAGE });
