// Untrusted clipboard and drop content is cleaned before Lexical reads it (issue 3 §6): the HTML
// through DOMPurify with a link allow-list, the Lexical JSON by walking its nodes. Lexical's own
// import then only creates registered nodes, and the LinkNode guard (SafeLinkPlugin) unwraps any
// link that still is not http, https or mailto.
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
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
    'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
    'form', 'input', 'button', 'textarea', 'select', 'option', 'svg', 'math', 'img', 'picture', 'video',
    'audio', 'source', 'track', 'canvas', 'template', 'noscript', 'portal', 'dialog',
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

/** Pasted or dropped HTML with everything executable, styled or loading removed. */
export function sanitizeClipboardHtml(html: string): string {
  const clean = purify().sanitize(html, PURIFY_CONFIG) as unknown as string;
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
  const plain = source.getData('text/plain');
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
