// What HTML the app can afford to build a DOM for. jsdom's cost per element is high and grows
// with depth, so markup is sized up from its source text, in one linear scan, before jsdom
// builds anything: a small hostile file must not be able to hold the app for minutes or
// exhaust its memory.
import { AppError } from '../../../../shared/api/errors';

/**
 * Markup with more elements than this is refused before jsdom builds its DOM, which costs about
 * 2 KB of heap per node (measured: a page of 290,000 elements took 1.3 GB of heap for the DOM
 * alone, 1.9 GB at peak, and 19 s). At this limit an import peaks near 1 GB; real web pages have
 * a few thousand to a few tens of thousands of elements. Counted as start tags in the source.
 */
export const MAX_HTML_ELEMENTS = 150_000;
/**
 * Deeper nesting is refused: jsdom's serializer and html-to-text recurse once per level and
 * overflow the stack at a few thousand. Browsers stop nesting at about this depth too (Chromium
 * at 512), so no page a person reads comes near it; only a document built to break parsers does.
 */
export const MAX_ELEMENT_DEPTH = 512;
/**
 * The same limit, estimated from the source before parsing and kept generous because the estimate
 * is rough: jsdom spends time in proportion to the depth on every element it inserts, so a small
 * file of nested tags would otherwise hold the import for a minute (measured: 5,000 levels 10 s,
 * 15,000 levels 43 s and then a stack overflow).
 */
const MAX_ESTIMATED_DEPTH = 2 * MAX_ELEMENT_DEPTH;

/** Elements that never hold others open: void elements, and those whose end tag is optional (the parser closes them itself). */
const NEVER_OPEN = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'html',
  'head',
  'body',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rp',
  'rtc',
]);
/** Elements whose content is raw text up to their end tag; tags inside are not tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
/** Elements that a second start tag closes rather than nests in. */
const CLOSED_BY_REPEAT = new Set(['a', 'button', 'nobr', 'form', 'select', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Refuses markup that would cost jsdom too much memory (MAX_HTML_ELEMENTS) or time
 * (MAX_ESTIMATED_DEPTH), in one linear scan of the tags, before any DOM is built.
 */
export function checkMarkupBeforeParsing(source: string, subject: string): void {
  // Past the last ">" nothing is a tag, and a tag pattern tried there would scan to the end
  // every time: quadratic on a file of "<a <a <a…". Cut it off.
  const html = source.slice(0, source.lastIndexOf('>') + 1);
  const token = /<!--|<(\/?)([a-z][^\s/>]*)[^>]*>/gi;
  const open: string[] = [];
  let elements = 0;
  for (let match = token.exec(html); match !== null; match = token.exec(html)) {
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', token.lastIndex);
      if (end === -1) break;
      token.lastIndex = end + 3;
      continue;
    }
    const name = match[2]!.toLowerCase();
    if (match[1] === '/') {
      // An end tag closes its element and everything left open inside it.
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
      continue;
    }
    if (++elements > MAX_HTML_ELEMENTS) {
      throw new AppError(
        'TOO_LARGE',
        `${subject} has more than ${MAX_HTML_ELEMENTS.toLocaleString('en')} HTML elements, more than can be read safely; open it in a browser, save it as plain text, and import that.`,
      );
    }
    if (name === 'plaintext') break;
    if (RAW_TEXT.has(name)) {
      const endTag = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
      endTag.lastIndex = token.lastIndex;
      if (endTag.exec(html) === null) break;
      token.lastIndex = endTag.lastIndex;
      continue;
    }
    // <x/> is self-closing in SVG and MathML (an icon's paths), and ignored as a slash in HTML.
    if (NEVER_OPEN.has(name) || match[0].endsWith('/>')) continue;
    if (CLOSED_BY_REPEAT.has(name)) {
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
    }
    // Handled like the stack overflow it prevents.
    if (open.push(name) > MAX_ESTIMATED_DEPTH)
      throw new RangeError(`Tags are nested more than ${MAX_ESTIMATED_DEPTH} levels deep.`);
  }
}
