// A web page: its metadata, and the text of its main article (Readability), or of the whole
// page when no article can be picked out. Only what a reader could see gets that far (visible.ts).
import { Readability } from '@mozilla/readability';
import { escapeAttribute, escapeText } from './escapeHtml';
import { htmlToPlainText } from './htmlToText';
import { authorName, firstOf, MAX_NAME_CHARS, oneLine, readPageMetadata, toIsoDate } from './metadata';
import { parseHtml, parseUntrustedHtml } from './parseHtml';
import type { RawExtract } from './types';
import { serializeVisibleBody } from './visible';

/**
 * Readability takes the DOM apart as it scores it, and jsdom makes that slow: its time grows with
 * the number of elements (measured: 20,000 elements about 3 s) and with the square of the depth
 * (300 levels 4 s, 500 levels 16 s). Beyond these a page is taken whole. Real pages have a few
 * thousand elements, 20–60 levels deep.
 */
const READABILITY_MAX_ELEMENTS = 30_000;
const READABILITY_MAX_DEPTH = 100;
/** Readability's own idea of an article (its charThreshold): fewer characters than this is not a find. */
const ARTICLE_MIN_CHARS = 500;

const fallbackWarning = (why: string) =>
  `${why}, so the text of the whole page was imported; check it for menus, adverts and other page furniture.`;

/** The text and metadata of a web page; `warnings` gets a sentence when the whole page was taken. */
export function extractFromHtml(html: string, subject: string, warnings: string[]): RawExtract {
  // The DOMs are garbage once the content is chosen; converting after this call returns means
  // jsdom's DOM and html-to-text's DOM of a big page are never in memory at the same time.
  const { contentHtml, ...metadata } = chooseHtmlContent(html, subject, warnings);
  return { ...metadata, text: htmlToPlainText(contentHtml) };
}

/** Reads a page's metadata, keeps only its visible content, and picks the main article out of that with Readability (or else keeps it all). */
function chooseHtmlContent(
  html: string,
  subject: string,
  warnings: string[],
): Omit<RawExtract, 'text'> & { contentHtml: string } {
  const page = parseUntrustedHtml(html, subject);
  const pageMetadata = readPageMetadata(page);
  const visible = serializeVisibleBody(page);
  const readabilityHead = serializeMetadataForReadability(page);

  let contentHtml: string | null = null;
  let articleMetadata: {
    title?: string | null;
    byline?: string | null;
    siteName?: string | null;
    publishedTime?: string | null;
  } = {};
  if (visible.elements > READABILITY_MAX_ELEMENTS || visible.depth > READABILITY_MAX_DEPTH) {
    warnings.push(fallbackWarning('The page is too large or too deeply nested to pick out its main article'));
  } else {
    // Readability works on a document of our own making: the page's metadata and its visible content, nothing else.
    const clean = parseHtml(`<!doctype html>${readabilityHead}<body>${visible.html}</body></html>`);
    const pageChars = collapsedLength(clean.body.textContent);
    try {
      const article = new Readability(clean).parse();
      if (article !== null) {
        articleMetadata = article;
        const articleChars = collapsedLength(article.textContent);
        if (article.content && articleChars > 0 && articleChars >= Math.min(ARTICLE_MIN_CHARS, pageChars / 2))
          contentHtml = article.content;
      }
    } catch (error) {
      if (error instanceof RangeError) throw error;
      // Readability is a heuristic; when it fails on a strange page, the whole page is still text.
    }
    if (contentHtml === null) warnings.push(fallbackWarning('No main article could be picked out of the page'));
  }

  return {
    contentHtml: contentHtml ?? visible.html,
    title: firstOf(articleMetadata.title, pageMetadata.title),
    author: firstOf(authorName(articleMetadata.byline), pageMetadata.author),
    publisher: oneLine(firstOf(pageMetadata.publisher, articleMetadata.siteName), MAX_NAME_CHARS),
    publishedAt:
      pageMetadata.publishedAt.preferred ??
      toIsoDate(articleMetadata.publishedTime) ??
      pageMetadata.publishedAt.fallback,
    language: pageMetadata.language,
  };
}

/** The visible text of markup, as plain text: cleaned like a page, without Readability. */
export function visibleTextOfHtml(html: string, subject: string): string {
  return htmlToPlainText(serializeVisibleBody(parseUntrustedHtml(html, subject)).html);
}

/** The head of the document Readability reads: language, title, meta tags and JSON-LD, from anywhere in the page. */
function serializeMetadataForReadability(doc: Document): string {
  const root = doc.documentElement;
  let head = '<html';
  for (const name of ['lang', 'dir']) {
    const value = root.getAttribute(name);
    if (value !== null) head += ` ${name}="${escapeAttribute(value)}"`;
  }
  head += `><head><title>${escapeText(doc.title)}</title>`;
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    let attrs = '';
    for (const name of ['name', 'property', 'itemprop', 'content']) {
      const value = meta.getAttribute(name);
      if (value !== null) attrs += ` ${name}="${escapeAttribute(value)}"`;
    }
    if (attrs !== '') head += `<meta${attrs}>`;
  }
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    const json = script.textContent ?? '';
    // Script text is raw: only JSON that cannot change how the script element ends is passed on.
    if (script.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json' && !/<!--|<\/?script/i.test(json)) {
      head += `<script type="application/ld+json">${json}</script>`;
    }
  }
  return `${head}</head>`;
}

function collapsedLength(text: string | null | undefined): number {
  return (text ?? '').replace(/\s+/g, ' ').trim().length;
}
