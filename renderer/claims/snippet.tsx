// Search snippets from `claims.search` mark matches with private-use characters
// (SNIPPET_OPEN / SNIPPET_CLOSE, shared/api/common.ts). They become <mark> elements around
// React text nodes — the snippet is never parsed as HTML, whatever the claim text contains.
import type { ReactNode } from 'react';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/api/common';

/** The snippet as alternating plain and marked parts. */
export function splitSnippet(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  let buffer = '';
  for (const char of snippet) {
    if (char === SNIPPET_OPEN || char === SNIPPET_CLOSE) {
      if (buffer) parts.push({ text: buffer, marked });
      buffer = '';
      marked = char === SNIPPET_OPEN;
    } else {
      buffer += char;
    }
  }
  if (buffer) parts.push({ text: buffer, marked });
  return parts;
}

export function SnippetText({ snippet }: { snippet: string }): ReactNode {
  return splitSnippet(snippet).map((part, index) =>
    part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
  );
}
