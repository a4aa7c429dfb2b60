// What a reader could see: the one rule for HTML from outside, whichever way it comes in — an
// imported page, raw HTML inside Markdown (electron/services/sources/extraction/visible.ts) or a
// paste into a brief (renderer/editor/sanitizeClipboard.ts). Each path walks its own DOM (jsdom
// in the library, the page's DOMParser in the editor) and asks this rule about every element; an
// element it calls invisible is left out with everything inside it. Hidden text is how a page
// smuggles content — instructions, false attributions — into a library and a brief.
import { asciiLower } from './cssSyntax';
import { styleHidesText } from './hidingStyle';

/** Elements whose content is never visible text: active or embedded content, metadata, form controls. */
export const NOT_TEXT_ELEMENTS: readonly string[] = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'noframes',
  'object',
  'embed',
  'noembed',
  'applet',
  'param',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'canvas',
  'img',
  'picture',
  'source',
  'track',
  'video',
  'audio',
  'map',
  'area',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'textarea',
  'datalist',
  'output',
  'progress',
  'meter',
];
const NOT_TEXT = new Set(NOT_TEXT_ELEMENTS);

/** An element as the rule reads it: its tag and its attributes. A DOM Element (browser or jsdom) is one. */
export interface ElementView {
  /** The tag name, lower case for HTML elements. */
  readonly localName: string;
  /** The attribute's value as written, or null when the element has no such attribute. */
  getAttribute: (name: string) => string | null;
}

/**
 * True when a reader of the rendered page could see the element's text: it is not an element
 * whose content is never text (NOT_TEXT_ELEMENTS), nor hidden by the page itself — the hidden
 * attribute, aria-hidden="true" (in any case, with spaces around), a closed <dialog>, or an
 * inline style that hides it (hidingStyle.ts). Stylesheets are the caller's business.
 */
export function isReaderVisible(element: ElementView): boolean {
  const tag = asciiLower(element.localName);
  if (NOT_TEXT.has(tag)) return false;
  if (element.getAttribute('hidden') !== null) return false;
  if (asciiLower(element.getAttribute('aria-hidden')?.trim() ?? '') === 'true') return false;
  if (tag === 'dialog' && element.getAttribute('open') === null) return false;
  const style = element.getAttribute('style');
  return style === null || !styleHidesText(style);
}
