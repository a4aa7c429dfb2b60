// Markdown: rendered by marked, then read like HTML. The whole document is the content (no
// Readability), and its title is its first level-one heading.
import { Marked } from 'marked';
import { visibleTextOfHtml } from './html';
import { htmlToPlainText } from './htmlToText';
import { oneLine } from './metadata';
import { NO_METADATA, type RawExtract } from './types';

const markdown = new Marked({ gfm: true, async: false });

/** The text of a Markdown document, with its first `# heading` as title. */
export function extractFromMarkdown(source: string, subject: string): RawExtract {
  // The whole Markdown is the content, so no Readability.
  const tokens = markdown.lexer(source);
  let hasRawHtml = false;
  // No async extensions are registered, so the promises walkTokens may return never exist.
  void markdown.walkTokens(tokens, (token) => {
    if (token.type === 'html') hasRawHtml = true;
  });
  // The title is the first `# heading` (or its === underlined form).
  const heading = tokens.find((token) => token.type === 'heading' && token.depth === 1);
  // marked escapes every character of text it renders, so without raw HTML its output holds
  // nothing active or hidden and needs no DOM (seconds and hundreds of MB for a big file); raw
  // HTML inside Markdown is cleaned exactly like a web page.
  const toText = hasRawHtml ? (html: string) => visibleTextOfHtml(html, subject) : htmlToPlainText;
  return {
    ...NO_METADATA,
    title: heading === undefined ? null : oneLine(toText(markdown.parser([heading]))),
    text: toText(markdown.parser(tokens)),
  };
}
