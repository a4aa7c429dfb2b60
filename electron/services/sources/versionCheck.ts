// What re-anchoring a new version found, counted for the person importing it, and the check that
// keeps a different document from being stored as a new version by mistake (a wrong file picked,
// a paste from the wrong window): that would orphan the source's citations without a word.
import type { AnchorStatus } from '../../../shared/anchoring';
import type { DifferentDocument, ReanchorSummary } from '../../../shared/api/sources';
import { wordShingleSimilarity } from './textSimilarity';

/**
 * Below this share of cited passages found (exact or fuzzy), the text may be another document.
 * A real revision keeps most of what was worth citing; losing four in five is rare enough to ask.
 */
export const MIN_FOUND_SHARE = 0.2;

/**
 * Below this word-shingle similarity (textSimilarity.ts) to the current version, the text is taken
 * for a different document — when few citations were found as well. Measured on the pairs in
 * tests/services/sources/fixtures/versionPairs.ts: corrected, trimmed, grown and edited versions
 * scored 0.33–0.81, a 5,000-word report with 5 % of its characters retyped 0.21 and with 10 %
 * retyped 0.06; every different document scored 0.001 or less — another report on the same
 * subject in many of the same words 0.000, another generated from the same vocabulary 0.001.
 * 0.05 leaves fifty times the highest different document, and still passes a text retyped so
 * badly that one word in two is changed. Being asked costs one click; so when few citations are
 * found, the line leans towards asking.
 */
export const MIN_SIMILARITY = 0.05;

/** One citation's status and score, before or after re-anchoring. */
export interface StatusAndScore {
  status: AnchorStatus;
  score: number | null;
}

/** Citations per status, and the lowest score among the fuzzy ones (null when there are none). */
export function countStatuses(items: readonly StatusAndScore[]): {
  reanchor: ReanchorSummary;
  lowestFuzzyScore: number | null;
} {
  const reanchor: ReanchorSummary = { exact: 0, fuzzy: 0, orphaned: 0 };
  let lowestFuzzyScore: number | null = null;
  for (const { status, score } of items) {
    reanchor[status] += 1;
    if (status === 'fuzzy' && score !== null) lowestFuzzyScore = Math.min(lowestFuzzyScore ?? 1, score);
  }
  return { reanchor, lowestFuzzyScore };
}

/**
 * Whether `newText` looks like a different document than `currentText`, given what re-anchoring
 * found of the source's citations in it: fewer than MIN_FOUND_SHARE of them, and wording less
 * similar than MIN_SIMILARITY. A source without citations is judged by its wording alone: no
 * citation vouches for the new text. Null when it looks like a new version.
 */
export function lookForDifferentDocument(
  currentText: string,
  newText: string,
  reanchored: readonly StatusAndScore[],
): DifferentDocument | null {
  const found = reanchored.filter((r) => r.status !== 'orphaned').length;
  // Comparing the wording costs a pass over both texts: only when the citations raise the question.
  if (reanchored.length > 0 && found >= MIN_FOUND_SHARE * reanchored.length) return null;
  const similarity = wordShingleSimilarity(currentText, newText);
  if (similarity >= MIN_SIMILARITY) return null;
  return { citations: reanchored.length, found, similarity };
}
