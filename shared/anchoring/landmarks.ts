// Landmarks: short pieces of a passage and of its stored context, looked up verbatim in a new
// version of the source to say where the passage may now stand. Edits earlier in the text shift
// everything after them and a moved paragraph carries its pieces along, so a landmark still
// standing points at the passage wherever it went; a text edited at 5 % keeps about half of
// them intact. Re-anchoring then searches only small windows around those places.
import type { TextAnchor } from './anchor';

/** Length in code units of a landmark: long enough to be rare in prose, short enough to survive edits around it. */
export const LANDMARK = 12;

/** A half-open range of offsets in a text. */
export type Range = [from: number, to: number];

/** A piece of a passage or its context, and where it lies relative to the quote's start (negative inside the prefix). */
export interface Landmark {
  piece: string;
  offset: number;
}

/**
 * The landmarks of an anchored passage: three pieces of the prefix, four spread over the quote
 * (first to last) and three of the suffix, fewer when the pieces coincide. Pieces of a short side
 * run into the quote; a passage with its context shorter than LANDMARK has none.
 */
export function passageLandmarks({
  prefix,
  exact,
  suffix,
}: Pick<TextAnchor, 'prefix' | 'exact' | 'suffix'>): Landmark[] {
  const whole = prefix + exact + suffix;
  const offsets = new Set<number>();
  for (const at of [0, 10, 20]) offsets.add(Math.min(at, Math.max(0, prefix.length - LANDMARK)));
  for (let i = 0; i < 4; i += 1)
    offsets.add(prefix.length + Math.floor((i * Math.max(0, exact.length - LANDMARK)) / 3));
  for (const at of [0, 10, 20])
    offsets.add(prefix.length + exact.length + Math.min(at, Math.max(0, suffix.length - LANDMARK)));
  const landmarks: Landmark[] = [];
  for (const offset of offsets) {
    const piece = whole.slice(offset, offset + LANDMARK);
    if (piece.length === LANDMARK) landmarks.push({ piece, offset: offset - prefix.length });
  }
  return landmarks;
}

/** The quote cut into consecutive LANDMARK-long pieces, from its start; a remainder shorter than LANDMARK is left out. */
export function quoteLandmarks(quote: string): Landmark[] {
  const landmarks: Landmark[] = [];
  for (let offset = 0; offset + LANDMARK <= quote.length; offset += LANDMARK)
    landmarks.push({ piece: quote.slice(offset, offset + LANDMARK), offset });
  return landmarks;
}

/** The union of `ranges`, sorted; ranges that overlap or touch become one. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/**
 * Where every LANDMARK-long piece of one text occurs, hashed, so that finding a piece costs a
 * lookup instead of a scan of the whole text (a third of a millisecond for a 50,000-word
 * source). Re-anchoring a source's citations asks the same text hundreds of times, so the index
 * of the last text asked about is kept (`landmarkIndexOf`): one entry, about 12 bytes per character.
 */
export class LandmarkIndex {
  private readonly heads: Int32Array;
  private readonly next: Int32Array;
  private readonly hashes: Uint32Array;
  private readonly shift: number;

  constructor(readonly text: string) {
    const count = Math.max(0, text.length - LANDMARK + 1);
    let bits = 10;
    while (1 << bits < 2 * count) bits += 1;
    const size = 1 << bits;
    this.shift = 32 - bits;
    this.heads = new Int32Array(size).fill(-1);
    this.next = new Int32Array(count);
    this.hashes = new Uint32Array(count);
    let hash = 0;
    for (let i = 0; i < LANDMARK && i < text.length; i += 1)
      hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i)) >>> 0;
    for (let i = 0; i < count; i += 1) {
      this.hashes[i] = hash;
      if (i + LANDMARK < text.length) {
        hash =
          (Math.imul(hash - Math.imul(text.charCodeAt(i), HASH_BASE_POWER), HASH_BASE) +
            text.charCodeAt(i + LANDMARK)) >>>
          0;
      }
    }
    // Insert from the end, so that every chain lists its positions in increasing order.
    for (let i = count - 1; i >= 0; i -= 1) {
      const bucket = this.bucket(this.hashes[i]!);
      this.next[i] = this.heads[bucket]!;
      this.heads[bucket] = i;
    }
  }

  /** Every offset where `piece` (LANDMARK code units long) occurs, in increasing order. */
  occurrences(piece: string): number[] {
    let hash = 0;
    for (let i = 0; i < LANDMARK; i += 1) hash = (Math.imul(hash, HASH_BASE) + piece.charCodeAt(i)) >>> 0;
    const found: number[] = [];
    for (let at = this.heads[this.bucket(hash)]!; at !== -1; at = this.next[at]!) {
      if (this.hashes[at] === hash && this.text.startsWith(piece, at)) found.push(at);
    }
    return found;
  }

  /** Up to `count` occurrences of `piece`, nearest `hint` first (the earlier of two as near). */
  nearestOccurrences(piece: string, hint: number, count: number): number[] {
    return this.occurrences(piece)
      .sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint))
      .slice(0, count);
  }

  private bucket(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }
}

const HASH_BASE = 0x01000193;
const HASH_BASE_POWER = (() => {
  let power = 1;
  for (let i = 1; i < LANDMARK; i += 1) power = Math.imul(power, HASH_BASE);
  return power;
})();

let lastIndex: LandmarkIndex | undefined;

/** The landmark index of `text`, built once for the last text asked about and reused while it is asked again. */
export function landmarkIndexOf(text: string): LandmarkIndex {
  if (lastIndex?.text !== text) lastIndex = new LandmarkIndex(text);
  return lastIndex;
}
