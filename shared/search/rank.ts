// Ranking the candidates of a full-text search. FTS5's bm25() needs, for every query term, a
// pass over that term's whole posting list to count documents (its IDF): 30–120 ms per query
// for common words in a library of a million claims. Every candidate of our AND-only queries
// contains every term, so IDF scales each term's weight equally across candidates; what orders
// them is BM25's term-frequency saturation and length normalization, computed here.
import { foldedWords, queryTerms, termMatches, type QueryTerm } from './matchTerms';

const K1 = 1.2;
const B = 0.75;

export interface RankInput {
  id: number;
  text: string;
}

/** Ids ordered best first by BM25 term frequency and length normalization; input order breaks ties. */
export function rankByTermFrequency(candidates: RankInput[], query: string): number[] {
  const terms = queryTerms(query);
  if (terms.length === 0 || candidates.length === 0) return candidates.map((c) => c.id);
  const docs = candidates.map((c, order) => {
    const words = foldedWords(c.text);
    const tf = new Array<number>(terms.length).fill(0);
    for (const word of words) terms.forEach((term: QueryTerm, t) => termMatches(term, word) && tf[t]!++);
    return { id: c.id, order, length: words.length, tf };
  });
  const averageLength = docs.reduce((sum, d) => sum + d.length, 0) / docs.length || 1;
  const scored = docs.map((d) => ({
    ...d,
    score: d.tf.reduce((sum, tf) => sum + (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * d.length) / averageLength)), 0),
  }));
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((d) => d.id);
}
