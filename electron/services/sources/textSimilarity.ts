// How much wording two texts share: the Jaccard similarity of their word shingles (runs of three
// words), the measure near-duplicate detection has used since Broder. Word order counts, so two
// reports on the same subject in the same vocabulary still score low, while a revised version
// keeps most of its three-word runs. Used to tell a new version from a different document.

/** Words per shingle: one word would make any two reports on one subject look alike, more would make light edits look like a rewrite. */
const SHINGLE_WORDS = 3;

/** About this many shingles of each text are compared; a longer text is sampled (see `sampleMask`). */
const SAMPLE_TARGET = 50_000;

/**
 * Words as a reader counts them: runs of letters, digits and marks (Arabic and Hebrew vowel
 * signs included), and each character of the scripts written without spaces (Chinese,
 * Japanese kana, Thai), whose shingles are then runs of three characters.
 */
const WORD = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]|[\p{L}\p{N}\p{M}]+/gu;

/** FNV-1a, 32 bits: a cheap, well-spread hash of a word. */
function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The hashes of a text's words, lower-cased, in order. */
function wordHashes(text: string): Uint32Array {
  const hashes: number[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) hashes.push(hashWord(match[0]));
  return Uint32Array.from(hashes);
}

/** One hash for the shingle of `size` words starting at `at`, mixed so that word order matters. */
function shingleHash(words: Uint32Array, at: number, size: number): number {
  let hash = 0x9e3779b9;
  for (let i = 0; i < size; i += 1) {
    hash = Math.imul(hash ^ words[at + i]!, 0x85ebca6b);
    hash ^= hash >>> 13;
  }
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/**
 * Which shingle hashes are kept: those whose low bits are zero under this mask. The same mask on
 * both texts keeps the same subset of every shingle they share, so the Jaccard of the samples
 * estimates the Jaccard of the whole (Broder's "mod-m" sample) while memory stays bounded for a
 * 25 MB source. Texts of up to SAMPLE_TARGET shingles are compared whole.
 */
function sampleMask(shingles: number): number {
  let mask = 0;
  while (shingles / (mask + 1) > SAMPLE_TARGET) mask = mask * 2 + 1;
  return mask;
}

function shingleSet(words: Uint32Array, size: number, mask: number): Set<number> {
  const set = new Set<number>();
  for (let at = 0; at + size <= words.length; at += 1) {
    const hash = shingleHash(words, at, size);
    if ((hash & mask) === 0) set.add(hash);
  }
  return set;
}

/**
 * The share of distinct three-word runs the two texts have in common, from 0 (nothing) to 1
 * (the same runs): |A ∩ B| / |A ∪ B|. Texts of fewer than three words are compared word by word;
 * two texts without words are alike.
 */
export function wordShingleSimilarity(a: string, b: string): number {
  const wordsA = wordHashes(a);
  const wordsB = wordHashes(b);
  const size = Math.max(1, Math.min(SHINGLE_WORDS, wordsA.length, wordsB.length));
  const mask = sampleMask(Math.max(wordsA.length, wordsB.length));
  const setA = shingleSet(wordsA, size, mask);
  const setB = shingleSet(wordsB, size, mask);
  if (setA.size === 0 && setB.size === 0) return wordsA.length === 0 && wordsB.length === 0 ? 1 : 0;
  let shared = 0;
  for (const hash of setA) if (setB.has(hash)) shared += 1;
  return shared / (setA.size + setB.size - shared);
}
