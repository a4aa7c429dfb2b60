// The source text as the reader shows it: plain text nodes only (never HTML), one block per
// line with dir="auto" so Arabic and Hebrew lines run right-to-left, cited passages in <mark>.
// Lines are memoized on their layout signature, so moving the find match or the focused
// citation re-renders only the lines it touches — and never the DOM under a user's selection.
import { memo, type Ref } from 'react';
import type { ReaderLine, ReaderSegment } from './readerLayout';

interface ReaderTextProps {
  text: string;
  lines: readonly ReaderLine[];
  /** The citation to show as focused (outlined), if any. */
  focusCitationId: number | null;
  label: string;
  ref?: Ref<HTMLDivElement>;
}

export function ReaderText({ text, lines, focusCitationId, label, ref }: ReaderTextProps) {
  return (
    <div ref={ref} className="reader__text" data-length={text.length} aria-label={label} role="document">
      {lines.map((line) => (
        <Line
          key={line.start}
          text={text}
          line={line}
          focusCitationId={lineHasCitation(line, focusCitationId) ? focusCitationId : null}
        />
      ))}
    </div>
  );
}

function lineHasCitation(line: ReaderLine, citationId: number | null): boolean {
  return citationId !== null && line.segments.some((s) => s.highlights.some((h) => h.citationId === citationId));
}

const Line = memo(
  function Line({ text, line, focusCitationId }: { text: string; line: ReaderLine; focusCitationId: number | null }) {
    return (
      <div className="reader__line" dir="auto" data-start={line.start} data-end={line.end}>
        {line.segments.map((segment) => (
          <Segment key={segment.start} text={text} segment={segment} focusCitationId={focusCitationId} />
        ))}
      </div>
    );
  },
  (before, after) =>
    before.text === after.text &&
    before.line.signature === after.line.signature &&
    before.focusCitationId === after.focusCitationId,
);

function Segment({
  text,
  segment,
  focusCitationId,
}: {
  text: string;
  segment: ReaderSegment;
  focusCitationId: number | null;
}) {
  const content = text.slice(segment.start, segment.end);
  if (segment.highlights.length === 0) {
    return (
      <span data-segment="" data-start={segment.start} data-end={segment.end}>
        {content}
      </span>
    );
  }
  const citationIds = segment.highlights.flatMap((h) => (h.citationId === null ? [] : [h.citationId]));
  const kinds = new Set(segment.highlights.map((h) => h.kind));
  const classes = ['reader__mark', ...[...kinds].map((k) => `reader__mark--${k}`)];
  if (citationIds.length > 1) classes.push('reader__mark--overlap');
  const focused = focusCitationId !== null && citationIds.includes(focusCitationId);
  if (focused) classes.push('is-focused');
  return (
    <mark
      className={classes.join(' ')}
      data-segment=""
      data-start={segment.start}
      data-end={segment.end}
      data-citations={citationIds.length ? citationIds.join(' ') : undefined}
      title={describe(kinds, citationIds.length)}
      // The focused passage takes keyboard focus (reader.tsx), so screen readers land on it.
      tabIndex={focused ? -1 : undefined}
    >
      {content}
    </mark>
  );
}

function describe(kinds: Set<string>, citations: number): string | undefined {
  if (kinds.has('match') && citations === 0) return 'Find match';
  const what = citations === 1 ? 'Cited passage' : `Cited by ${citations} citations`;
  if (kinds.has('orphaned')) return `${what} (not found in the current version)`;
  if (kinds.has('fuzzy')) return `${what} (found approximately: the source changed since it was cited)`;
  return what;
}
