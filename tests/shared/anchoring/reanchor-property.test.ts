// The promise that matters most, checked on random texts and random edit scripts: re-anchoring
// finds the passage where the edits moved it, or says it is orphaned — it never cites other words.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAnchor, normalizeText, reanchor, type ReanchorResult, type TextAnchor } from '../../../shared/anchoring';
import { contextAfter, contextBefore } from '../../../shared/anchoring/anchor';

/** Words that make look-alikes likely: a small vocabulary, repeated phrases, RTL with marks, emoji. */
const WORDS = [
  'the',
  'minister',
  'said',
  'that',
  'ceasefire',
  'held',
  'in',
  'north',
  'province',
  'talks',
  'will',
  'resume',
  'officials',
  'reported',
  'shelling',
  'near',
  'crossing',
  'on',
  'Tuesday',
  'Thursday',
  'convoys',
  'aid',
  'قَالَ',
  'الوزير',
  'وَقْفَ',
  'النار',
  'אָמַר',
  'הַשַּׂר',
  'שָׁלוֹם',
  '😊',
  '👍🏽',
  '👨‍👩‍👧',
  '🇫🇷',
  '𝒳',
];
const PHRASE = 'No comment at this time.';
/**
 * Inserted text shares no character with the generated texts (uppercase words, Cyrillic, kasra,
 * hiriq, other emoji, a skin tone that attaches to the emoji before it). Otherwise an edit script
 * could delete the passage and type the very same words back in the same place, and no
 * algorithm could tell that from the passage surviving. Copying existing text (the `copy` edit)
 * is how look-alikes of the passage enter the text, and copies are tracked.
 */
const INSERTED_WORDS = ['ALPHA', 'BRAVO', 'ZULU', 'KILO', 'ЖУК', 'ДОМ', 'ِ', 'ִ', '🙂', '🏿', '§'];
const INSERTED_SEPARATOR = '·';

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'copy'; from: number; length: number; to: number }
  | { kind: 'cut-quote'; extra: number };

const wordArb = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constant(PHRASE) },
);
// The phrase repeats, but never twice in a row: in "P P P" a damaged neighbour can make the
// middle copy's twin look more like it than itself, which no context-based method can see.
const textArb = fc
  .array(fc.tuple(wordArb, fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n')), { minLength: 8, maxLength: 120 })
  .map((pairs) => pairs.map(([w, sep], i) => (w === PHRASE && pairs[i - 1]?.[0] === PHRASE ? 'aid' : w) + sep).join(''))
  .map(normalizeText)
  .filter((text) => text.length >= 20);
// Integers rather than fc.double, whose bias towards tiny values would put most edits at offset 0.
const fraction = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);
const insertText = fc.oneof(
  fc.constantFrom(...INSERTED_WORDS),
  fc
    .array(fc.constantFrom(...INSERTED_WORDS), { minLength: 1, maxLength: 8 })
    .map((w) => w.join(INSERTED_SEPARATOR) + INSERTED_SEPARATOR),
);
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fraction, text: insertText }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      at: fraction,
      length: fc.integer({ min: 1, max: 40 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      at: fraction,
      length: fc.integer({ min: 1, max: 12 }),
      text: insertText,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('copy' as const),
      from: fraction,
      length: fc.integer({ min: 5, max: 120 }),
      to: fraction,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('cut-quote' as const), extra: fc.integer({ min: 0, max: 40 }) }),
  },
);

type Region = [start: number, end: number];

/** A text under edit, and where the quoted passage (and any copy of it) is after each edit. */
class TrackedText {
  regions: Region[];
  constructor(
    public text: string,
    quote: Region,
  ) {
    this.regions = [quote];
  }

  /** An offset at a code point boundary: real edits never leave half an emoji. */
  private offset(f: number): number {
    let at = Math.floor(f * (this.text.length + 1));
    const unit = this.text.charCodeAt(at);
    if (unit >= 0xdc00 && unit <= 0xdfff) at -= 1;
    return at;
  }

  insert(at: number, text: string): void {
    this.text = this.text.slice(0, at) + text + this.text.slice(at);
    // Text inserted at an edge of the passage is not part of it; inside it, it is.
    const map = (x: number) => (at <= x ? x + text.length : x);
    this.regions = this.regions.map(([s, e]) => (s < e ? [map(s), at < e ? e + text.length : e] : [map(s), map(s)]));
  }

  /**
   * Deletes about `length` code units at `at`. Deleting "b a" from "a b a c" leaves the same text
   * as deleting "a b": no one could say which "a" survived. Unless `exact`, the deletion grows
   * until it is unambiguous, so that where the passage went is a fact, not a guess.
   */
  delete(at: number, length: number, exact = false): void {
    let to = Math.min(this.text.length, at + length);
    const ambiguous = () =>
      to < this.text.length && (this.text[at] === this.text[to] || (at > 0 && this.text[at - 1] === this.text[to - 1]));
    while (!exact && ambiguous()) to += 1;
    const unit = this.text.charCodeAt(to);
    if (unit >= 0xdc00 && unit <= 0xdfff) to += 1;
    const map = (x: number) => (x <= at ? x : x < to ? at : x - (to - at));
    this.text = this.text.slice(0, at) + this.text.slice(to);
    this.regions = this.regions.map(([s, e]) => [map(s), map(e)]);
  }

  apply(edit: Edit): void {
    if (edit.kind === 'insert') this.insert(this.offset(edit.at), edit.text);
    if (edit.kind === 'delete') this.delete(this.offset(edit.at), edit.length);
    if (edit.kind === 'replace') {
      // Inserted text shares no character with the deleted text, so a replacement is never ambiguous.
      const at = this.offset(edit.at);
      this.delete(at, edit.length, true);
      this.insert(at, edit.text);
    }
    if (edit.kind === 'copy') {
      const from = this.offset(edit.from);
      let to = Math.min(this.text.length, from + edit.length);
      if (this.text.charCodeAt(to) >= 0xdc00 && this.text.charCodeAt(to) <= 0xdfff) to += 1;
      const copied = this.regions
        .filter(([s, e]) => s < e && s < to && e > from)
        .map(([s, e]): Region => [Math.max(s, from) - from, Math.min(e, to) - from]);
      const at = this.offset(edit.to);
      const copy = this.text.slice(from, to);
      // As with deletions: a copy that could equally have been inserted one character further is skipped.
      if (this.text[at] === copy[0] || (at > 0 && this.text[at - 1] === copy[copy.length - 1])) return;
      this.insert(at, copy);
      // A copy of the passage (or of part of it) is the passage too: identical words in identical context.
      this.regions.push(...copied.map(([s, e]): Region => [at + s, at + e]));
    }
    if (edit.kind === 'cut-quote') {
      const [s, e] = this.regions[0]!;
      if (s < e) this.delete(Math.max(0, s - edit.extra), e - s + 2 * edit.extra);
    }
  }

  get deleted(): boolean {
    return this.regions.every(([s, e]) => s >= e);
  }
}

/** Whether the result is mostly the tracked passage (or a copy of it), or holds most of what is left of it. */
function landsOnPassage(result: Exclude<ReanchorResult, { status: 'orphaned' }>, regions: Region[]): boolean {
  const { start, end } = result.anchor;
  return regions.some(([s, e]) => {
    const overlap = Math.min(end, e) - Math.max(start, s);
    return s < e && overlap > 0 && (overlap >= (end - start) / 2 || overlap >= (e - s) / 2);
  });
}

/**
 * Some edits cannot be told apart from others by anyone looking at the text: deleting the second
 * "m" and the "e" of "comment" leaves "comnt", and so does deleting the first "m" and the "e".
 * A result a few characters from where the script put the passage is therefore excused when it
 * explains the old context and quote at least as well (fewest edits) as the true place does.
 */
function equallyGoodNearby(
  result: Exclude<ReanchorResult, { status: 'orphaned' }>,
  anchor: TextAnchor,
  text: string,
  truth: Region,
): boolean {
  const { start, end } = result.anchor;
  if (Math.abs(start - truth[0]) > anchor.exact.length + 8) return false;
  return (
    explanationCost(anchor, text, [start, end]) <=
    explanationCost(anchor, text, [truth[0], Math.max(truth[0], truth[1])])
  );
}

/** Edits needed to turn the old prefix, quote and suffix into the text around and at `range`. */
function explanationCost(anchor: TextAnchor, text: string, [start, end]: Region): number {
  const before = [...text.slice(Math.max(0, start - anchor.prefix.length - 8), start)].reverse().join('');
  const after = text.slice(end, end + anchor.suffix.length + 8);
  return (
    alignedFromStart([...anchor.prefix].reverse().join(''), before) +
    levenshtein(anchor.exact, text.slice(start, end)) +
    alignedFromStart(anchor.suffix, after)
  );
}

/** Edit distance from `pattern` to the best prefix of `text`. */
function alignedFromStart(pattern: string, text: string): number {
  let row = Array.from({ length: text.length + 1 }, (_, j) => j);
  for (let i = 1; i <= pattern.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= text.length; j += 1)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1));
    row = next;
  }
  return Math.min(...row);
}

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

describe('reanchor on random edit scripts', () => {
  it('returns the passage where the edits moved it, or orphaned — never other words', () => {
    const seen = { exact: 0, fuzzy: 0, orphaned: 0, untouched: 0 };
    fc.assert(
      fc.property(
        textArb,
        fraction,
        fc.integer({ min: 1, max: 80 }),
        fc.array(editArb, { minLength: 1, maxLength: 6 }),
        (text, at, length, edits) => {
          const start = Math.floor(at * (text.length - 1));
          const anchor = createAnchor(text, start, Math.min(text.length, start + length));
          const tracked = new TrackedText(text, [anchor.start, anchor.end]);
          for (const edit of edits) tracked.apply(edit);

          const result = reanchor(anchor, tracked.text);
          seen[result.status] += 1;
          // A passage that no edit touched, context included, must be found exactly (maybe moved).
          const [s, e] = tracked.regions[0]!;
          if (
            tracked.text.slice(s, e) === anchor.exact &&
            contextBefore(tracked.text, s) === anchor.prefix &&
            contextAfter(tracked.text, e) === anchor.suffix
          ) {
            seen.untouched += 1;
            expect(result.status, 'an untouched passage must be found').toBe('exact');
          }
          if (result.status === 'orphaned') return;
          expect(result.anchor.exact).toBe(tracked.text.slice(result.anchor.start, result.anchor.end));
          const right =
            landsOnPassage(result, tracked.regions) ||
            equallyGoodNearby(result, anchor, tracked.text, tracked.regions[0]!);
          expect(
            right,
            `landed on "${result.anchor.exact}" at ${result.anchor.start}; the passage is ${tracked.deleted ? 'deleted' : `at ${JSON.stringify(tracked.regions)}`}`,
          ).toBe(true);
          if (result.status === 'exact') expect(result.anchor.exact).toBe(anchor.exact);
          for (const offset of [result.anchor.start, result.anchor.end]) {
            const low = tracked.text.charCodeAt(offset);
            const high = tracked.text.charCodeAt(offset - 1);
            expect(low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff, 'cuts a surrogate pair').toBe(
              false,
            );
          }
        },
      ),
      // A fixed seed keeps the suite deterministic; ANCHOR_PROPERTY_SEED=random and a larger
      // ANCHOR_PROPERTY_RUNS explore further (the algorithm was tuned on 1.6 million runs).
      {
        numRuns: Number(process.env.ANCHOR_PROPERTY_RUNS ?? 1000),
        ...(process.env.ANCHOR_PROPERTY_SEED === 'random'
          ? {}
          : { seed: Number(process.env.ANCHOR_PROPERTY_SEED ?? 20240611) }),
      },
    );
    // Orphaning everything would pass the checks above: the runs must also find passages.
    expect(seen.untouched).toBeGreaterThan(0);
    expect(seen.exact).toBeGreaterThan(seen.orphaned / 10);
    expect(seen.fuzzy).toBeGreaterThan(0);
  });
});
