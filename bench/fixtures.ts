// Deterministic fixtures for the benchmarks: generated prose with a
// realistic (Zipf-like) word distribution, so rare and common queries mean something.

export { seededRandom } from '../tests/helpers/seededRandom';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ten',
  'vor',
  'sa',
  'bri',
  'dun',
  'el',
  'fa',
  'gor',
  'hin',
  'ix',
  'jul',
  'ke',
  'lan',
  'mor',
  'nu',
  'pel',
  'qua',
  'rin',
  'sol',
  'tra',
  'ul',
  'ven',
  'wes',
  'yar',
  'zo',
];

/** A vocabulary of `size` distinct pseudo-words, most frequent first. */
export function makeVocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>([
    'the',
    'of',
    'and',
    'to',
    'in',
    'a',
    'was',
    'on',
    'at',
    'by',
    'river',
    'border',
    'convoy',
    'ministry',
    'fuel',
    'bridge',
    'troops',
    'port',
    'report',
    'officials',
  ]);
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

/** Picks word indexes with a Zipf(1) distribution over the vocabulary. */
export function zipfPicker(vocabulary: string[], random: () => number): () => string {
  const weights = vocabulary.map((_, i) => 1 / (i + 1));
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
}

/** A sentence of `min`–`max` words, capitalized and ending with a full stop. */
export function sentence(pick: () => string, random: () => number, min = 8, max = 22): string {
  const n = min + Math.floor(random() * (max - min + 1));
  const words = Array.from({ length: n }, pick);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Prose of about `wordCount` words in paragraphs of 3–7 sentences. */
export function prose(wordCount: number, pick: () => string, random: () => number): string {
  const paragraphs: string[] = [];
  let words = 0;
  while (words < wordCount) {
    const sentences: string[] = [];
    const count = 3 + Math.floor(random() * 5);
    for (let i = 0; i < count && words < wordCount; i++) {
      const s = sentence(pick, random);
      words += s.split(' ').length;
      sentences.push(s);
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
