// How the reader lays out a source text: one block per line, each line cut into segments at
// every highlight boundary. Every segment is rendered as one element holding exactly one text
// node equal to text.slice(start, end), so a DOM position maps 1:1 onto a UTF-16 offset of the
// stored text (selectionOffsets.ts relies on this). Pure: no DOM, no React.

export type HighlightKind = 'exact' | 'fuzzy' | 'orphaned' | 'match';

/** A range to mark: a citation's passage, or the current "find" match (citationId null). */
export interface ReaderHighlight {
  start: number;
  end: number;
  kind: HighlightKind;
  citationId: number | null;
}

export interface ReaderSegment {
  start: number;
  end: number;
  /** Highlights covering the whole segment, in input order. */
  highlights: ReaderHighlight[];
}

export interface ReaderLine {
  /** Offset of the line's first character; the line ends before its '\n' (or the text's end). */
  start: number;
  end: number;
  segments: ReaderSegment[];
  /** Changes whenever the line would render differently; lets unchanged lines skip re-rendering. */
  signature: string;
}

/** Cuts `text` into lines and segments for `highlights` (ranges outside the text are clipped). */
export function layoutReaderText(text: string, highlights: readonly ReaderHighlight[]): ReaderLine[] {
  const sorted = highlights
    .map((h) => ({ ...h, start: Math.max(0, h.start), end: Math.min(text.length, h.end) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const lines: ReaderLine[] = [];
  let active: ReaderHighlight[] = [];
  let next = 0; // index of the first highlight in `sorted` not yet active

  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    while (next < sorted.length && sorted[next]!.start < lineEnd) active.push(sorted[next++]!);
    active = active.filter((h) => h.end > lineStart);
    lines.push(layoutLine(lineStart, lineEnd, active));
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return lines;
}

function layoutLine(start: number, end: number, active: readonly ReaderHighlight[]): ReaderLine {
  const inLine = active.filter((h) => h.start < end && h.end > start);
  const cuts = new Set<number>([start, end]);
  for (const h of inLine) {
    cuts.add(Math.max(start, h.start));
    cuts.add(Math.min(end, h.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: ReaderSegment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i]!;
    const to = points[i + 1]!;
    segments.push({ start: from, end: to, highlights: inLine.filter((h) => h.start <= from && h.end >= to) });
  }
  const signature = segments
    .map((s) => `${s.start}-${s.end}:${s.highlights.map((h) => `${h.kind}${h.citationId ?? ''}`).join('.')}`)
    .join('|');
  return { start, end, segments, signature };
}
