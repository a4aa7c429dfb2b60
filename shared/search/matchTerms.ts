// How search text is matched against a claim in JavaScript — for ranking the candidates FTS5
// found and marking them in snippets. Mirrors FTS5's unicode61 tokenizer with
// remove_diacritics: words are runs of letters, digits and marks, compared case- and
// accent-insensitively.
import { tokenizeQuery } from './ftsQuery';

const WORD = /[\p{L}\p{N}\p{M}\p{Co}_]+/gu;

/** A word folded as FTS5 folds it: lower case, accents removed. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const NON_ASCII = /\P{ASCII}/u;
const FOLDED_WORD = /[\p{L}\p{N}\p{Co}_]+/gu;
const ASCII_WORD = /[a-z0-9_]+/g;

/** The folded words of a text, without positions: folds the whole text once, for ranking many texts fast. */
export function foldedWords(text: string): string[] {
  if (!NON_ASCII.test(text)) return text.toLowerCase().match(ASCII_WORD) ?? [];
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(FOLDED_WORD) ?? [];
}

export interface WordToken {
  folded: string;
  start: number;
  end: number;
}

export function wordTokens(text: string): WordToken[] {
  return [...text.matchAll(WORD)].map((m) => ({ folded: foldWord(m[0]), start: m.index, end: m.index + m[0].length }));
}

/** One query term: a word to match exactly, or as a prefix (the last bare word, as typed). */
export interface QueryTerm {
  folded: string;
  prefix: boolean;
}

/** The words of a search, as buildFtsQuery sends them to FTS5. */
export function queryTerms(query: string): QueryTerm[] {
  const tokens = tokenizeQuery(query);
  const terms: QueryTerm[] = [];
  tokens.forEach((token, index) => {
    const words = token.text.match(WORD) ?? [];
    const isLastBare = index === tokens.length - 1 && !token.phrase;
    words.forEach((word, i) => terms.push({ folded: foldWord(word), prefix: isLastBare && i === words.length - 1 }));
  });
  return terms;
}

export function termMatches(term: QueryTerm, folded: string): boolean {
  return term.prefix ? folded.startsWith(term.folded) : folded === term.folded;
}
