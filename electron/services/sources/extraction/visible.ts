// The copy of a page that import reads: only what a reader could see. Whether an element can be
// seen is the one rule in shared/visibility (the paste into a brief asks it too); this file walks
// jsdom's tree, asks it about every element, and writes out what passes — kept elements and
// escaped text, never comments, styles or event handlers. Readability and html-to-text only ever
// see that copy. The page's <style> rules are not evaluated: without media queries and the
// cascade (a later rule showing what an earlier one hid), reading them would drop text a reader
// of a responsive page does see.
import { isReaderVisible } from '../../../../shared/visibility';
import { escapeAttribute, escapeText } from './escapeHtml';
import { MAX_ELEMENT_DEPTH } from './htmlBudget';

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
/** Tag and attribute names written back out; anything stranger the parser let through is renamed or dropped. */
const PLAIN_TAG_NAME = /^[a-z][a-z0-9-]*$/;
const PLAIN_ATTRIBUTE_NAME = /^[a-z_][a-z0-9_.:-]*$/;

/** The visible copy of a body, with its size: how many elements it kept and how deep they nest. */
export interface VisibleBody {
  /** The body's visible content as HTML we wrote ourselves: kept elements, escaped text. */
  html: string;
  elements: number;
  depth: number;
}

/**
 * Writes out the body without anything that is not visible text (elements isReaderVisible
 * refuses, comments, event handlers, styles). This, not the page's own markup, is what
 * Readability and html-to-text get to see. Writing a copy instead of removing nodes matters:
 * jsdom spends time in proportion to the preceding siblings on every removal, which made
 * cleaning a flat page of 30,000 elements take tens of seconds.
 */
export function serializeVisibleBody(doc: Document): VisibleBody {
  const body = doc.body;
  const out: string[] = [];
  let elements = 0;
  let deepest = 0;
  if (body === null || body.localName !== 'body') return { html: '', elements, depth: 0 }; // a <frameset> page shows nothing of its own
  // Sibling links, not recursion (pages can be deep) nor HTMLCollections (jsdom's are slow proxies).
  let node: Node | null = body.firstChild;
  let depth = 1;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      out.push(escapeText((node as Text).data));
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const name = el.localName;
      if (el.namespaceURI !== HTML_NAMESPACE || !isReaderVisible(el)) {
        // left out, with everything inside it
      } else if (name === 'xmp' || name === 'plaintext') {
        // These show their content literally.
        out.push('<pre>', escapeText(el.textContent ?? ''), '</pre>');
      } else {
        if (depth > MAX_ELEMENT_DEPTH)
          throw new RangeError(`Elements are nested more than ${MAX_ELEMENT_DEPTH} levels deep.`);
        elements++;
        deepest = Math.max(deepest, depth);
        const tag = tagName(el);
        out.push(`<${tag}${attributes(el)}>`);
        if (!VOID_ELEMENTS.has(tag)) {
          // The parser drops a newline right after <pre>; write one more so a leading one survives.
          if (
            (tag === 'pre' || tag === 'listing') &&
            el.firstChild?.nodeType === TEXT_NODE &&
            (el.firstChild as Text).data.startsWith('\n')
          )
            out.push('\n');
          if (el.firstChild === null) out.push(`</${tag}>`);
          else descend = true;
        }
      }
    }
    if (descend) {
      node = node.firstChild;
      depth++;
      continue;
    }
    // Climb out of every element whose children are all written, closing it.
    while (node !== null && node !== body && node.nextSibling === null) {
      node = node.parentNode;
      depth--;
      if (node !== null && node !== body) out.push(`</${tagName(node as Element)}>`);
    }
    node = node === null || node === body ? null : node.nextSibling;
  }
  return { html: out.join(''), elements, depth: deepest };
}

function tagName(el: Element): string {
  return PLAIN_TAG_NAME.test(el.localName) ? el.localName : 'span';
}

/** The attributes Readability may use to judge the page (class, id, rel, href…); never styles or event handlers. */
function attributes(el: Element): string {
  let written = '';
  for (const name of el.getAttributeNames()) {
    if (name === 'style' || name.startsWith('on') || !PLAIN_ATTRIBUTE_NAME.test(name)) continue;
    written += ` ${name}="${escapeAttribute(el.getAttribute(name) ?? '')}"`;
  }
  return written;
}
