// Turns what a person types into a search box into an FTS5 query that cannot fail to parse.
// Nothing the user types is passed through as FTS5 syntax: every token is quoted, so words
// like NOT/OR/NEAR, `*`, `(`, `-`, `:` and stray quotes are just text to find.

/** Tokens of a query: "quoted phrases" stay together, everything else splits on white space. */
export function tokenizeQuery(input: string): Array<{ text: string; phrase: boolean }> {
  const tokens: Array<{ text: string; phrase: boolean }> = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const match of input.normalize('NFC').matchAll(pattern)) {
    const phrase = match[1] !== undefined;
    const text = (phrase ? match[1]! : match[2]!).replace(/"/g, '').trim();
    if (text) tokens.push({ text, phrase });
  }
  return tokens;
}

/** Words the FTS tokenizer would see: runs of letters, digits and marks (unicode61's idea of a token). */
function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}\p{Co}_]+/gu) ?? [];
}

/**
 * Builds a safe FTS5 MATCH expression: all tokens must match (AND); a quoted phrase must
 * match as a phrase; the last bare word also matches as a prefix, so results follow typing.
 * Returns null when the input has nothing searchable (then callers list without FTS).
 */
export function buildFtsQuery(input: string, options: { prefixLastToken?: boolean } = {}): string | null {
  const prefixLast = options.prefixLastToken ?? true;
  const tokens = tokenizeQuery(input);
  const parts: string[] = [];
  tokens.forEach((token, index) => {
    const words = wordsOf(token.text);
    if (words.length === 0) return;
    const quoted = `"${words.join(' ')}"`;
    const isLast = index === tokens.length - 1;
    parts.push(isLast && prefixLast && !token.phrase ? `${quoted}*` : quoted);
  });
  return parts.length ? parts.join(' AND ') : null;
}
