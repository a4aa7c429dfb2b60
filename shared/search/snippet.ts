// A short excerpt of a claim around the words a search matched, with each match wrapped in
// SNIPPET_OPEN / SNIPPET_CLOSE (private-use characters: the UI never parses snippets as HTML).
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../api/common';
import { queryTerms, termMatches, wordTokens } from './matchTerms';

/** The excerpt of at most `maxWords` words around the first match, matches marked; the text unchanged if nothing matches. */
export function makeSnippet(text: string, query: string, maxWords = 24): string {
  const terms = queryTerms(query);
  const tokens = wordTokens(text);
  const isMatch = tokens.map((t) => terms.some((term) => termMatches(term, t.folded)));
  const first = isMatch.indexOf(true);
  if (first < 0) return text;
  const from = Math.max(0, Math.min(first - Math.floor(maxWords / 4), tokens.length - maxWords));
  const to = Math.min(tokens.length, from + maxWords);
  const startOffset = from === 0 ? 0 : tokens[from]!.start;
  const endOffset = to === tokens.length ? text.length : tokens[to - 1]!.end;
  let out = from === 0 ? '' : '…';
  let cursor = startOffset;
  for (let i = from; i < to; i++) {
    if (!isMatch[i]) continue;
    const token = tokens[i]!;
    out += text.slice(cursor, token.start) + SNIPPET_OPEN + text.slice(token.start, token.end) + SNIPPET_CLOSE;
    cursor = token.end;
  }
  out += text.slice(cursor, endOffset);
  return to === tokens.length ? out : `${out}…`;
}
