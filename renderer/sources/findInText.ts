// "Find in source": every occurrence of a query in a text, ignoring case where that keeps
// offsets intact (lower-casing can change a string's length, e.g. "İ"; then case matters).
import { normalizeText } from '../../shared/anchoring';

const MAX_MATCHES = 1000;

export function findAll(text: string, query: string): { start: number; end: number }[] {
  // The text is normalized (collapsed spaces, NFC); normalize the query the same way so a
  // pasted quote with a double space or a decomposed accent still matches.
  const needle = normalizeText(query);
  if (!needle) return [];
  const lowerText = text.toLowerCase();
  const lowerNeedle = needle.toLowerCase();
  const caseless = lowerText.length === text.length && lowerNeedle.length === needle.length;
  const haystack = caseless ? lowerText : text;
  const target = caseless ? lowerNeedle : needle;
  const found: { start: number; end: number }[] = [];
  for (
    let at = haystack.indexOf(target);
    at !== -1 && found.length < MAX_MATCHES;
    at = haystack.indexOf(target, at + 1)
  ) {
    found.push({ start: at, end: at + target.length });
  }
  return found;
}
