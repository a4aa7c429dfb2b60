// Cheap instrumentation counters for the performance tests and the benchmark: how often a claim card
// renders and how often the whole document is serialized. Plain integer increments, so they
// cost nothing on the typing path. Readable as `window.__briefingEditorStats`.

export interface BriefingEditorStats {
  /** ClaimCardComponent function-body executions (React renders that were not bailed out). */
  cardRenders: number;
  /** CitationComponent renders (inline citation markers). */
  citationRenders: number;
  /** Full-document serializations (`serializeDocument`), the only place the editor state is turned into JSON. */
  serializations: number;
  /** `briefs.save` calls sent. */
  saves: number;
}

declare global {
  interface Window {
    __briefingEditorStats?: BriefingEditorStats;
  }
}

/** The one counters object; the same reference is exposed on `window` so a test can read or zero it. */
export const editorStats: BriefingEditorStats = { cardRenders: 0, citationRenders: 0, serializations: 0, saves: 0 };

if (typeof window !== 'undefined') window.__briefingEditorStats = editorStats;

/** Zeroes every counter (tests and the benchmark call this before measuring). */
export function resetEditorStats(): void {
  editorStats.cardRenders = 0;
  editorStats.citationRenders = 0;
  editorStats.serializations = 0;
  editorStats.saves = 0;
}
