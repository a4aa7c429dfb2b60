// Untrusted clipboard and drop content is cleaned before Lexical reads it: the HTML
// through DOMPurify with a link allow-list, the Lexical JSON by walking its nodes. Lexical's own
// import then only creates registered nodes, and the LinkNode guard (SafeLinkPlugin) unwraps any
// link that still is not http, https or mailto.
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { removeDisguisingChars } from '../../shared/anchoring/normalize';
import { isReaderVisible, styleHidesText } from '../../shared/visibility';
import { isAllowedLinkUrl } from './linkUrl';

export const LEXICAL_CLIPBOARD_MIME = 'application/x-lexical-editor';

/**
 * DOMPurify's default URI rule without tel/sms/ftp/xmpp/…: a URI attribute may hold http, https or
 * mailto, or a value with no scheme at all (which the LinkNode guard later refuses as a link).
 */
const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const PURIFY_CONFIG: Config = {
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  // Nothing that runs, loads, submits or draws: Lexical would drop most of it anyway, but the
  // sanitizer must not rely on that.
  FORBID_TAGS: [
    'script',
    'style',
    'link',
    'meta',
    'base',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'svg',
    'math',
    'img',
    'picture',
    'video',
    'audio',
    'source',
    'track',
    'canvas',
    'template',
    'noscript',
    'portal',
    'dialog',
  ],
  FORBID_ATTR: ['style', 'target', 'srcset', 'action', 'formaction', 'ping', 'background', 'poster', 'xlink:href'],
  // Only the editor's own data attributes (a pasted claim card or citation keeps its id).
  ALLOW_DATA_ATTR: false,
  ADD_ATTR: ['data-claim-id', 'data-citation-id'],
  ALLOW_UNKNOWN_PROTOCOLS: false,
  WHOLE_DOCUMENT: false,
  KEEP_CONTENT: true,
};

let purifier: DOMPurify | null = null;
function purify(): DOMPurify {
  if (purifier === null) purifier = createDOMPurify(window);
  return purifier;
}

/**
 * The rules of the page's <style> elements, innermost blocks only (a rule inside @media counts
 * as if the media matched: when in doubt, hidden). Their declarations are judged by the same
 * rule as inline styles (shared/visibility); only the selector matching is the page's.
 */
function styleRules(doc: Document): Array<{ selector: string; declarations: string }> {
  const rules: Array<{ selector: string; declarations: string }> = [];
  for (const element of Array.from(doc.querySelectorAll('style'))) {
    const css = (element.textContent ?? '').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const [, selector, declarations] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      rules.push({ selector: selector!.trim(), declarations: declarations! });
    }
  }
  return rules;
}

/**
 * The pasted HTML without what its reader could not see: hidden elements (the hidden attribute,
 * aria-hidden, inline or <style> rules that hide them) are removed with their text, and
 * invisible characters that disguise text (bidi overrides, tag characters) are dropped. Hidden
 * text is how a page smuggles content — instructions, false attributions — into a brief.
 * Parsed with DOMParser: an inert document, nothing in it runs or loads.
 */
function withoutHiddenContent(html: string): string {
  // A browser, which runs scripts, reads <noscript> as raw text up to </noscript> and never shows
  // it; DOMParser's document has scripting off and would turn that text into visible elements.
  const doc = new DOMParser().parseFromString(
    html.replace(/<noscript\b[\s\S]*?(<\/noscript\s*>|$)/gi, ''),
    'text/html',
  );
  // <xmp> shows its markup as literal text; DOMPurify drops its content, so keep it as <pre>.
  for (const xmp of Array.from(doc.body.querySelectorAll('xmp'))) {
    const pre = doc.createElement('pre');
    pre.textContent = xmp.textContent;
    xmp.replaceWith(pre);
  }
  const hidden = new Set<Element>();
  for (const { selector, declarations } of styleRules(doc)) {
    if (!styleHidesText(declarations)) continue;
    try {
      doc.body.querySelectorAll(selector).forEach((element) => hidden.add(element));
    } catch {
      // A selector this browser does not understand hides nothing here either.
    }
  }
  // The one rule of what a reader could see, as import applies it to a page.
  for (const element of Array.from(doc.body.querySelectorAll('*'))) {
    if (!isReaderVisible(element)) hidden.add(element);
  }
  for (const element of hidden) element.remove();
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    const clean = removeDisguisingChars(text);
    if (clean !== text) node.nodeValue = clean;
  }
  return doc.body.innerHTML;
}

/** Pasted or dropped HTML with everything executable, hidden, styled or loading removed. */
export function sanitizeClipboardHtml(html: string): string {
  const clean = purify().sanitize(withoutHiddenContent(html), PURIFY_CONFIG);
  return String(clean);
}

interface JsonNode {
  type?: unknown;
  url?: unknown;
  style?: unknown;
  target?: unknown;
  children?: unknown;
  [key: string]: unknown;
}

/** A node list with every disallowed link unwrapped (its text kept) and inline styles dropped. */
function cleanNodes(nodes: unknown[]): JsonNode[] {
  const out: JsonNode[] = [];
  for (const raw of nodes) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) continue;
    const node: JsonNode = { ...(raw as JsonNode) };
    const children = Array.isArray(node.children) ? cleanNodes(node.children) : undefined;
    if (children) node.children = children;
    if (typeof node.text === 'string') node.text = removeDisguisingChars(node.text);
    if ('style' in node) node.style = '';
    if ('textStyle' in node) node.textStyle = '';
    if (node.type === 'link' || node.type === 'autolink') {
      if (!isAllowedLinkUrl(node.url)) {
        out.push(...(children ?? []));
        continue;
      }
      node.target = null;
    }
    out.push(node);
  }
  return out;
}

/** Lexical's own clipboard JSON with disallowed links unwrapped; null if it is not valid JSON. */
export function sanitizeLexicalClipboardJson(json: string): string | null {
  try {
    const payload = JSON.parse(json) as { nodes?: unknown };
    if (payload === null || typeof payload !== 'object' || !Array.isArray(payload.nodes)) return null;
    return JSON.stringify({ ...payload, nodes: cleanNodes(payload.nodes) });
  } catch {
    return null;
  }
}

/**
 * A read-only stand-in for a DataTransfer that carries only sanitized text/html, Lexical JSON and
 * plain text. Lexical's importer reads nothing but getData(), so files and URI lists never pass.
 */
export function sanitizedDataTransfer(source: Pick<DataTransfer, 'getData'>): DataTransfer {
  const data = new Map<string, string>();
  // Old Mac line ends (CR alone) would otherwise run the lines together.
  const plain = removeDisguisingChars(source.getData('text/plain')).replace(/\r\n?/g, '\n');
  if (plain) data.set('text/plain', plain);
  const html = source.getData('text/html');
  if (html) data.set('text/html', sanitizeClipboardHtml(html));
  const lexical = source.getData(LEXICAL_CLIPBOARD_MIME);
  if (lexical) {
    const clean = sanitizeLexicalClipboardJson(lexical);
    if (clean !== null) data.set(LEXICAL_CLIPBOARD_MIME, clean);
  }
  const stub = {
    types: [...data.keys()],
    files: [] as unknown as FileList,
    items: [] as unknown as DataTransferItemList,
    dropEffect: 'copy',
    effectAllowed: 'copy',
    getData: (type: string) => data.get(type) ?? '',
    setData: () => {},
    clearData: () => {},
    setDragImage: () => {},
  };
  return stub as unknown as DataTransfer;
}
