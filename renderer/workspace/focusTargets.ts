// Ids of the elements that window-wide commands (app/useGlobalShortcuts.ts) move focus to.
// They live here, not in app/, because the panels that render those elements (sources/, claims/)
// need the same ids, and feature folders may not import app/ (see app/README.md).

/** Ids of the elements some commands move focus to. */
export const FOCUS_TARGETS = {
  importButton: 'import-source-button',
  readerFind: 'reader-find',
  claimSearch: 'claim-search',
} as const;
