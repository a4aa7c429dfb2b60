// Re-anchoring policy: find a citation's passage again in a new version of its source, or say
// honestly that it is gone. The rule above all others: a wrong anchor is worse than an orphan,
// because an orphan is shown as such while a wrong anchor silently cites other words. So:
// - `exact` when the quote stands verbatim where its context says it should;
// - `fuzzy`, with its score, held for the analyst's review, when an edited passage scores at
//   least ACCEPT_SCORE and `Judge.accepts` it: the quote nearly intact and both sides of its old
//   context still touching it (one side, for a long quote nothing else in the text resembles);
// - `orphaned` otherwise — gone, or too changed to be sure.
// Candidates are tried in Hypothesis' order (DESIGN.md §5: stored position, exact occurrences,
// fuzzy match), near the old position before the whole text, which keeps the average cost well
// under a millisecond. The rules and thresholds below were tuned against
// reanchor-property.test.ts and acceptance.test.ts. The string machinery lives next door: edit
// distances in editDistance.ts, landmarks in landmarks.ts, the approximate search in approx-string-match.
import search from 'approx-string-match';
import {
  CONTEXT_LENGTH,
  characterEndAtOrAfter,
  characterStartAtOrBefore,
  contextAfter,
  contextBefore,
  createAnchor,
  findExactOccurrences,
  isCharacterBoundary,
  type TextAnchor,
} from './anchor';
import { alignmentCost, editDistance, SideMatcher, similarity } from './editDistance';
import {
  LANDMARK,
  landmarkIndexOf,
  mergeRanges,
  passageLandmarks,
  quoteLandmarks,
  type LandmarkIndex,
  type Range,
} from './landmarks';

export type AnchorStatus = 'exact' | 'fuzzy' | 'orphaned';

export type ReanchorResult =
  | { status: 'exact'; anchor: TextAnchor; score: 1 }
  | { status: 'fuzzy'; anchor: TextAnchor; score: number }
  | { status: 'orphaned'; score: null };

/**
 * The lowest score (DESIGN.md §5 weights: (50·quote + 20·prefix + 20·suffix + 2·position) / 92)
 * at which a candidate is accepted, on top of the context rules of `Judge.accepts`. With both
 * sides of the context at least 0.75 similar it asks the quote to be about 78 % intact or
 * better; with one side gone (its similarity then near 0.2) about 86 %. A passage edited at 5 %
 * scores 0.9 or more; a look-alike sentence elsewhere, with unrelated context, about 0.65.
 * Raising it to 0.8 costs about 2 points of recall at 5 % edits, to 0.85 about 4.
 */
export const ACCEPT_SCORE = 0.75;

/**
 * How similar (1 − edit distance / length) a side of the context must be to the stored one to
 * count as still there. Two unrelated 32-character stretches of prose measure about 0.2 (99.99 %
 * of pairs below 0.5), so 0.75 — at most 8 edits in 32 — means "this is the old context, edited".
 */
const SIDE_PRESENT = 0.75;

/**
 * The closer bar for the one meaningful side of a passage at the start or end of the document,
 * where that side is nearly all the evidence: a repeated phrase next to the quote can make a
 * wrong place 0.75 similar; 0.9 allows at most 3 edits in 32.
 */
const SIDE_PRESENT_CLOSE = 0.9;

/**
 * The bar for both sides of a quote under SHORT_QUOTE characters, which is mostly its context
 * (at most about 5 edits in 32); `bestExplains` keeps out the same letters a character or two
 * away. 0.9 would orphan a quarter of short quotes in a text edited at 5 %.
 */
const SIDE_PRESENT_SHORT_QUOTE = 0.85;

/** A stored side shorter than this belongs to a passage at the start or end of the document: too short to vouch on its own. */
const MIN_LONE_SIDE = 16;

/** How far text added at the start or end of a document may push a passage that began or ended it. */
const DISPLACEMENT = 1024;

/** Slack around the old position searched first: the shift from edits earlier in the text is usually smaller. */
const NEAR = 2048;

/**
 * Most edits a quote may have and still count as found: a quarter of it, less two; one for a
 * quote of 5 to 15 characters (which must then also have both sides of its context); none
 * below. A quote with a couple of errors matches almost anywhere (an unrelated 12-character
 * quote finds a place two edits away in most long texts), and where a short quote was deleted
 * its neighbours can pass for it.
 */
function acceptedErrors(quoteLength: number): number {
  if (quoteLength < 5) return 0;
  return Math.min(256, Math.max(1, Math.floor(quoteLength / 4) - 2));
}

/** Quotes shorter than this carry too little evidence themselves: both sides of their context must agree closely. */
const SHORT_QUOTE = 16;

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

const ORPHANED: ReanchorResult = { status: 'orphaned', score: null };

/**
 * Finds `anchor`'s passage in `newText` (a normalized source version): `exact` when the quote
 * is there verbatim with its context, `fuzzy` with its score when an edited passage is still
 * clearly the same passage, otherwise `orphaned`. Never returns a range that cuts a character.
 */
export function reanchor(anchor: TextAnchor, newText: string): ReanchorResult {
  const quote = anchor.exact;
  const maxErrors = acceptedErrors(quote.length);
  if (quote.length === 0 || newText.length < quote.length - maxErrors) return ORPHANED;

  // 1. Untouched: the quote and both sides of its context unchanged at the stored position. Only
  // then is the stored position sure; otherwise it competes with the other occurrences.
  // (An orphan re-anchored later may carry no usable position: 0 then serves as the hint.)
  const stored = Number.isSafeInteger(anchor.start) ? anchor.start : 0;
  const storedEnd = stored + quote.length;
  if (
    newText.startsWith(quote, stored) &&
    contextBefore(newText, stored) === anchor.prefix &&
    contextAfter(newText, storedEnd) === anchor.suffix
  ) {
    return { status: 'exact', anchor: createAnchor(newText, stored, storedEnd), score: 1 };
  }

  // 2–3 near the old position first: verbatim, then edited. Most citations end here, and
  // cheaply: the rest of the text is not read.
  const judge = new Judge({ ...anchor, start: stored }, newText, maxErrors);
  const local = judge.bestVerbatim([judge.around(stored, NEAR)]) ?? judge.bestApproximate([judge.around(stored, NEAR)]);
  if (local) return resultOf(local, anchor, newText);

  // 2–3 further: verbatim anywhere; edited wherever landmarks of the passage now stand (edits and
  // deletions earlier in the text shift everything after them; a moved paragraph carries its
  // landmarks along); as a last resort, edited in a wide window around the old position.
  const far =
    judge.bestVerbatim([[0, newText.length]]) ??
    judge.bestApproximate(judge.landmarkWindows()) ??
    judge.bestApproximate([judge.around(stored, Math.max(NEAR, Math.ceil(newText.length / 8)))]);
  if (far) return resultOf(far, anchor, newText);

  // 4. Gone, or too changed to be sure.
  return ORPHANED;
}

function resultOf(c: Candidate, anchor: TextAnchor, text: string): ReanchorResult {
  const { start, end } = snapEdges(c, anchor.exact, text);
  const rebuilt = createAnchor(text, start, end);
  return rebuilt.exact === anchor.exact
    ? { status: 'exact', anchor: rebuilt, score: 1 }
    : { status: 'fuzzy', anchor: rebuilt, score: c.score };
}

/** How many characters of each end of the quote decide where an edited passage begins and ends. */
const EDGE = 32;

/**
 * Where an edited passage's edges lie. An approximate match may end equally cheaply in two
 * places ("take a week." → "take about a week." matches both "…take a" and "…take about a
 * week.", six edits each), and the search reports the first; a highlight that stops mid-phrase
 * looks wrong. Each edge moves, within the match's error budget, to where the quote's own first
 * (last) characters align best, preferring the edge whose character equals the quote's.
 */
function snapEdges(c: Candidate, quote: string, text: string): { start: number; end: number } {
  if (text.slice(c.start, c.end) === quote) return c;
  // An edge moves by up to twice the errors: the dropped text plus the inserted text it stands for.
  const slack = Math.min(32, Math.max(1, 2 * c.errors));
  const head = quote.slice(0, EDGE);
  const tail = quote.slice(-EDGE);
  const pick = (
    positions: number[],
    cost: (at: number) => number,
    sameEdge: (at: number) => boolean,
    original: number,
  ) =>
    positions
      .map((at) => ({ at, cost: cost(at), same: sameEdge(at) ? 0 : 1, shift: Math.abs(at - original) }))
      .sort((a, b) => a.cost - b.cost || a.same - b.same || a.shift - b.shift)[0]!.at;
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((at) => isCharacterBoundary(text, at));
  const end = pick(
    range(Math.max(c.start + 1, c.end - slack), Math.min(text.length, c.end + slack)),
    (at) => alignmentCost(tail, text.slice(Math.max(c.start, at - tail.length - slack), at), 'end'),
    (at) => text[at - 1] === quote[quote.length - 1],
    c.end,
  );
  const start = pick(
    range(Math.max(0, c.start - slack), Math.min(end - 1, c.start + slack)),
    (at) => alignmentCost(head, text.slice(at, Math.min(end, at + head.length + slack)), 'start'),
    (at) => text[at] === quote[0],
    c.start,
  );
  return { start, end };
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  prefix: number;
  suffix: number;
  /** Distance from the old position, for ties between equally good candidates. */
  distance: number;
  score: number;
}

/** Finds, scores and judges the candidate places of one anchor's passage in one new text. */
class Judge {
  private everyOccurrence: number[] | undefined;
  private prefixMatcher: SideMatcher | undefined;
  private suffixMatcher: SideMatcher | undefined;
  private readonly alone: [start: number, end: number, alone: boolean][] = [];

  constructor(
    private readonly anchor: TextAnchor,
    private readonly text: string,
    private readonly maxErrors: number,
  ) {}

  /** The range within `slack` of the passage placed at `at`. */
  around(at: number, slack: number): Range {
    const clamped = Math.min(Math.max(0, at), this.text.length);
    return [Math.max(0, clamped - slack), Math.min(this.text.length, clamped + this.anchor.exact.length + slack)];
  }

  /** The best acceptable verbatim occurrence within the ranges (the one whose context agrees best, the nearest on a tie). */
  bestVerbatim(ranges: Range[]): Candidate | undefined {
    const length = this.anchor.exact.length;
    const candidates = ranges.flatMap((r) => this.occurrencesIn(r)).map((at) => this.score(at, at + length, 0));
    return this.bestAccepted(candidates);
  }

  /**
   * The best acceptable approximate match within the ranges. DESIGN.md allows searching with up
   * to min(256, ⌊len/2⌋) errors; searching with the accepted maximum finds the same acceptable
   * matches (the search reports the fewest-error ones) at a fraction of the cost.
   */
  bestApproximate(ranges: Range[]): Candidate | undefined {
    const verbatim = ranges
      .flatMap((r) => this.occurrencesIn(r))
      .map((at): Range => [at, at + this.anchor.exact.length]);
    const candidates = ranges
      .flatMap(([from, to]) => approximateMatches(this.text, from, to, this.anchor.exact, this.maxErrors, verbatim))
      .map((m) => {
        // The match may begin or end inside a character; widen it and count the widening as errors.
        const start = characterStartAtOrBefore(this.text, m.start);
        const end = characterEndAtOrAfter(this.text, m.end);
        return this.score(start, end, m.errors + (m.start - start) + (end - m.end));
      });
    return this.bestAccepted(candidates);
  }

  /**
   * Small windows where the passage should be according to its landmarks (landmarks.ts): each
   * landmark's four occurrences nearest the old position, widened by the error budget.
   */
  landmarkWindows(): Range[] {
    const windows = passageLandmarks(this.anchor).flatMap(({ piece, offset }) =>
      this.index
        .nearestOccurrences(piece, this.anchor.start, 4)
        .map((at) => this.around(at - offset, this.maxErrors + 64)),
    );
    return mergeRanges(windows);
  }

  /** The best candidate that `accepts` takes; the costlier checks run only until one passes. */
  private bestAccepted(candidates: Candidate[]): Candidate | undefined {
    return [...candidates].sort(byMerit).find((c) => this.accepts(c));
  }

  score(start: number, end: number, errors: number): Candidate {
    const quote = Math.max(0, 1 - errors / this.anchor.exact.length);
    const prefix = this.prefixSimilarity(start);
    const suffix = this.suffixSimilarity(end);
    const distance = Math.abs(start - this.anchor.start);
    const position = 1 - Math.min(1, distance / Math.max(1, this.text.length));
    const score =
      (WEIGHT.quote * quote + WEIGHT.prefix * prefix + WEIGHT.suffix * suffix + WEIGHT.position * position) /
      WEIGHT_TOTAL;
    return { start, end, errors, prefix, suffix, distance, score };
  }

  /**
   * How much of the stored prefix still stands right before `start`: 1 − edit distance / length,
   * aligned from the quote outwards and free at the far end, so that a character inserted or
   * deleted in the context counts once, not again for the character it pushes out of the window.
   */
  private prefixSimilarity(start: number): number {
    const prefix = this.anchor.prefix;
    // A stored side cut short by the start of the document agrees only with a candidate as
    // close to the start: compare it with a full-length new context.
    if (prefix.length < CONTEXT_LENGTH - 1) return similarity(prefix, contextBefore(this.text, start));
    this.prefixMatcher ??= new SideMatcher(prefix, 'backward');
    return (
      1 -
      this.prefixMatcher.cost(this.text, start, Math.max(0, start - CONTEXT_LENGTH - CONTEXT_SLACK)) /
        this.prefixMatcher.length
    );
  }

  /** How much of the stored suffix still stands right after `end` (see prefixSimilarity). */
  private suffixSimilarity(end: number): number {
    const suffix = this.anchor.suffix;
    if (suffix.length < CONTEXT_LENGTH - 1) return similarity(suffix, contextAfter(this.text, end));
    this.suffixMatcher ??= new SideMatcher(suffix, 'forward');
    return (
      1 -
      this.suffixMatcher.cost(this.text, end, Math.min(this.text.length, end + CONTEXT_LENGTH + CONTEXT_SLACK)) /
        this.suffixMatcher.length
    );
  }

  /**
   * Whether the candidate is, beyond reasonable doubt, the anchored passage: the quote nearly
   * intact and both sides of its old context still touching it — or, for a quote of 32
   * characters or more that nothing else in the text resembles, one side. One side is not
   * enough for a phrase that repeats: delete "the minister said: No comment." after "the
   * general said: No comment." and the general's words are followed by the minister's suffix.
   */
  accepts(c: Candidate): boolean {
    if (c.errors > this.maxErrors || c.score < ACCEPT_SCORE) return false;
    const { prefix, exact, suffix } = this.anchor;
    if (exact.length < SHORT_QUOTE)
      return c.prefix >= SIDE_PRESENT_SHORT_QUOTE && c.suffix >= SIDE_PRESENT_SHORT_QUOTE && this.bestExplains(c);
    // A side cut short by the start or end of the document only says "at that end", which text
    // added there would say too: the other side must then agree closely.
    const atEdge = prefix.length < MIN_LONE_SIDE || suffix.length < MIN_LONE_SIDE;
    const prefixHolds = c.prefix >= (atEdge && prefix.length >= MIN_LONE_SIDE ? SIDE_PRESENT_CLOSE : SIDE_PRESENT);
    const suffixHolds = c.suffix >= (atEdge && suffix.length >= MIN_LONE_SIDE ? SIDE_PRESENT_CLOSE : SIDE_PRESENT);
    if (prefixHolds && suffixHolds) return true;
    if (!prefixHolds && !suffixHolds) return false;
    // One side gone: text inserted next to the passage (a line added at the top of an article),
    // or its neighbouring sentence deleted. A quote long enough to identify itself, that nothing
    // else in the text resembles, is still the passage; a shorter one might be a phrase the
    // document repeats. A passage that began or ended the document must still be near that end.
    if (exact.length < CONTEXT_LENGTH) return false;
    if (!prefixHolds && prefix.length < MIN_LONE_SIDE && c.start > DISPLACEMENT) return false;
    if (!suffixHolds && suffix.length < MIN_LONE_SIDE && this.text.length - c.end > DISPLACEMENT) return false;
    return this.isAlone(c);
  }

  /**
   * Whether placing the quote at the candidate explains the old context and quote at least as
   * well as any other alignment of them to the text around it. A short quote deleted together
   * with a neighbour or two leaves the same letters a character or two away, with a context
   * that still looks right; but "the quote was deleted here" then explains the text better.
   */
  private bestExplains(c: Candidate): boolean {
    const { prefix, exact, suffix } = this.anchor;
    const from = Math.max(0, c.start - prefix.length - EXPLANATION_SLACK);
    const to = Math.min(this.text.length, c.end + suffix.length + EXPLANATION_SLACK);
    const placed =
      alignmentCost(prefix, this.text.slice(from, c.start), 'end') +
      editDistance(exact, this.text.slice(c.start, c.end)) +
      alignmentCost(suffix, this.text.slice(c.end, to), 'start');
    return placed <= alignmentCost(prefix + exact + suffix, this.text.slice(from, to), 'neither');
  }

  /**
   * Whether nothing else in the text resembles the quote, even loosely (two thirds of it).
   * Loosely, because the true passage may have been edited past what `accepts` allows while a
   * copy elsewhere survived: the copy is then not "the" passage. Asked only when one side of the
   * context is gone. Look-alikes are found through landmarks (12-character pieces of the quote
   * that they still share with it), so one edited in every dozen characters would be missed.
   */
  private isAlone(c: Candidate): boolean {
    // Overlapping candidates are the same place: one answer serves them all.
    const known = this.alone.find(([start, end]) => start < c.end && c.start < end);
    if (known) return known[2];
    const answer = this.searchAlone(c);
    this.alone.push([c.start, c.end, answer]);
    return answer;
  }

  private searchAlone(c: Candidate): boolean {
    const quote = this.anchor.exact;
    const occurrences = this.occurrencesIn([0, this.text.length]);
    if (occurrences.some((at) => at + quote.length <= c.start || at >= c.end)) return false;
    const looseErrors = Math.max(this.maxErrors, Math.min(256, Math.floor(quote.length / 3)));
    const windows: Range[] = [];
    for (const { piece, offset } of quoteLandmarks(quote)) {
      for (const at of this.index.occurrences(piece)) {
        if (at + LANDMARK > c.start && at < c.end) continue;
        windows.push(this.around(at - offset, looseErrors + 8));
      }
    }
    // The candidate itself is masked, so only another place can match.
    return mergeRanges(windows).every(
      ([from, to]) => approximateMatches(this.text, from, to, quote, looseErrors, [[c.start, c.end]]).length === 0,
    );
  }

  /** Verbatim occurrences of the quote that lie within `range` (those of the whole text are kept for reuse). */
  private occurrencesIn([from, to]: Range): number[] {
    const quote = this.anchor.exact;
    const whole = from === 0 && to === this.text.length;
    if (whole && this.everyOccurrence) return this.everyOccurrence;
    let found: number[];
    if (whole && quote.length >= LANDMARK) {
      found = this.index.occurrences(quote.slice(0, LANDMARK)).filter((at) => this.text.startsWith(quote, at));
    } else {
      // Searching a slice bounds the work to the range.
      found = findExactOccurrences(this.text.slice(from, to), quote).map((at) => at + from);
    }
    found = found.filter(
      (at) => isCharacterBoundary(this.text, at) && isCharacterBoundary(this.text, at + quote.length),
    );
    if (whole) this.everyOccurrence = found;
    return found;
  }

  private get index(): LandmarkIndex {
    return landmarkIndexOf(this.text);
  }
}

/** How much further than its stored length a side of the context may be aligned (insertions in it). */
const CONTEXT_SLACK = 8;

/** Extra text on each side in which `bestExplains` may align the old context differently. */
const EXPLANATION_SLACK = 8;

/** Orders candidates best first: highest score; between equal scores, nearest the old position, then earlier. */
function byMerit(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.distance - b.distance || a.start - b.start;
}

interface Match {
  start: number;
  end: number;
  errors: number;
}

/**
 * Approximate matches of `quote` within text[from, to), outside `masks`, chunk by chunk.
 * approx-string-match reports only the matches with the fewest errors, so one verbatim copy of
 * the quote would hide the edited true passage anywhere else in the same search: verbatim
 * occurrences (already judged in step 2) are masked out, and long ranges are searched in chunks
 * so that each chunk reports its own best matches.
 */
function approximateMatches(
  text: string,
  from: number,
  to: number,
  quote: string,
  maxErrors: number,
  masks: Range[],
): Match[] {
  const longest = quote.length + maxErrors;
  const chunk = Math.max(4096, 4 * longest);
  const sortedMasks = [...masks].sort((a, b) => a[0] - b[0]);
  const matches: Match[] = [];
  for (let at = from; at < to; at += chunk - longest) {
    const until = Math.min(to, at + chunk);
    for (const m of search(masked(text, at, until, quote, sortedMasks), quote, maxErrors)) {
      matches.push({ start: at + m.start, end: at + m.end, errors: m.errors });
    }
    if (until === to) break;
  }
  return matches;
}

/** text[from, to) with the masked ranges overwritten by a character the quote does not contain. */
function masked(text: string, from: number, to: number, quote: string, masks: Range[]): string {
  const filler = quote.includes('\u0000') ? '\uFFFF' : '\u0000';
  const parts: string[] = [];
  let at = from;
  for (const [start, end] of masks) {
    if (end <= at || start >= to) continue;
    const maskFrom = Math.max(at, start);
    const maskTo = Math.min(to, end);
    parts.push(text.slice(at, maskFrom), filler.repeat(maskTo - maskFrom));
    at = maskTo;
  }
  parts.push(text.slice(at, to));
  return parts.join('');
}
