// Anchors: where a passage sits in one source version, stored the way the W3C Web Annotation
// model does (TextPositionSelector + TextQuoteSelector), so that a citation can be found again
// after the source changes (DESIGN.md §5). Offsets are UTF-16 code units of the normalized text.
import { AppError } from '../api/errors';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** A passage of a normalized source text: its range, its text, and up to CONTEXT_LENGTH code units of context on each side. */
export interface TextAnchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Anchors text[start, end). Throws AppError('INVALID_INPUT') on an empty or out-of-range
 * range; widens a range that would cut a character in two (a surrogate pair, a letter and its
 * combining marks, an emoji sequence) so that the whole character is included.
 */
export function createAnchor(text: string, start: number, end: number): TextAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new AppError(
      'INVALID_INPUT',
      `The passage ${start}–${end} is empty or lies outside the source text (${text.length} characters long). Select the passage again.`,
    );
  }
  const from = characterStartAtOrBefore(text, start);
  const to = characterEndAtOrAfter(text, end);
  return {
    start: from,
    end: to,
    exact: text.slice(from, to),
    prefix: contextBefore(text, from),
    suffix: contextAfter(text, to),
  };
}

/** Every offset where `quote` occurs in `text` as whole characters (an occurrence that would cut a character is not one); none for an empty quote. */
export function findExactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote.length === 0) return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (isCharacterBoundary(text, at) && isCharacterBoundary(text, at + quote.length)) found.push(at);
  }
  return found;
}

/** Up to CONTEXT_LENGTH code units of text before `offset`, never starting inside a surrogate pair. */
export function contextBefore(text: string, offset: number): string {
  let from = Math.max(0, offset - CONTEXT_LENGTH);
  // A lone half of a surrogate pair would be turned into U+FFFD by SQLite's UTF-8 and never match again.
  if (splitsSurrogatePair(text, from)) from += 1;
  return text.slice(from, offset);
}

/** Up to CONTEXT_LENGTH code units of text after `offset`, never ending inside a surrogate pair. */
export function contextAfter(text: string, offset: number): string {
  let to = Math.min(text.length, offset + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, to)) to -= 1;
  return text.slice(offset, to);
}

/** The nearest offset at or before `offset` where a user-perceived character starts. */
export function characterStartAtOrBefore(text: string, offset: number): number {
  let at = offset;
  while (!isCharacterBoundary(text, at)) at -= 1;
  return at;
}

/** The nearest offset at or after `offset` where a user-perceived character ends. */
export function characterEndAtOrAfter(text: string, offset: number): number {
  let at = offset;
  while (!isCharacterBoundary(text, at)) at += 1;
  return at;
}

const ZWJ = 0x200d;
/**
 * Code points that belong to the character before them (Unicode grapheme "Extend"): combining
 * marks (Arabic harakat, Hebrew niqqud, accents, variation selectors), ZWNJ/ZWJ, emoji skin
 * tones, emoji tag characters (subdivision flags).
 * An alternation rather than one character class: a class holding ZWJ or a skin tone next to
 * other characters reads as if it matched the joined sequence.
 */
const EXTENDS_PREVIOUS = /\p{M}|\u200C|\u200D|[\u{1F3FB}-\u{1F3FF}]|[\u{E0020}-\u{E007F}]/uy;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/uy;

/**
 * Whether a range may start or end at `offset` without cutting a user-perceived character.
 * A close, cheap approximation of Unicode extended grapheme clusters (UAX #29) that covers what
 * sources contain: surrogate pairs, combining sequences, ZWJ emoji sequences, flags.
 * Intl.Segmenter is not used because its answers depend on the ICU version of each runtime,
 * and the renderer, the CLI and the main process must agree on every anchor.
 */
export function isCharacterBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  if (splitsSurrogatePair(text, offset)) return false;
  const before = codePointBefore(text, offset);
  if (before === 0x0a) return true; // a line break never carries marks (UAX #29 GB4)
  if (matchesAt(EXTENDS_PREVIOUS, text, offset)) return false;
  if (before === ZWJ && matchesAt(PICTOGRAPHIC, text, offset)) return false;
  if (isRegionalIndicator(text.codePointAt(offset)!) && isRegionalIndicator(before)) {
    // Flags are pairs of regional indicators: a boundary falls after an even number of them.
    let run = 0;
    for (let at = offset; at > 0 && isRegionalIndicator(codePointBefore(text, at)); at -= 2) run += 1;
    return run % 2 === 0;
  }
  return true;
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const low = text.charCodeAt(offset);
  const high = text.charCodeAt(offset - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
}

function codePointBefore(text: string, offset: number): number {
  const unit = text.charCodeAt(offset - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(offset - 2)!;
  }
  return unit;
}

function matchesAt(sticky: RegExp, text: string, offset: number): boolean {
  sticky.lastIndex = offset;
  return sticky.test(text);
}

function isRegionalIndicator(codePoint: number): boolean {
  return codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff;
}
