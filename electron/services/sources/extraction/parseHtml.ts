// The one way HTML from an imported document is parsed, built so that nothing in it can run or
// fetch: jsdom's DOMParser makes a document without a window, and per the HTML standard such a
// document has scripting disabled and no browsing context, so scripts, event handlers,
// javascript: URLs, <meta http-equiv=refresh>, <base> and <iframe> (jsdom would otherwise build
// a whole window per frame) are all inert, and nothing is ever loaded from the network or the disk.
import { JSDOM, VirtualConsole } from 'jsdom';
import { checkMarkupBeforeParsing } from './htmlBudget';

let parserWindow: JSDOM['window'] | null = null;

/** Parses HTML into a document with no window: no scripts, no frames, no loading, ever (see the top of this file). */
export function parseHtml(html: string): Document {
  // One window serves as the DOMParser factory for the whole process; its own document stays empty.
  parserWindow ??= new JSDOM('', { virtualConsole: new VirtualConsole() }).window;
  return new parserWindow.DOMParser().parseFromString(html, 'text/html');
}

/** Parses markup from outside (a file, the clipboard, Markdown's raw HTML), after checking it is safe to build. */
export function parseUntrustedHtml(html: string, subject: string): Document {
  checkMarkupBeforeParsing(html, subject);
  // A DOMParser document is parsed as if scripting were off, which makes <noscript> ordinary
  // markup — and in the <head> its content spills into the body. Browsers (scripting on) treat
  // it as raw text that is never shown; <noembed> is parsed exactly that way, and is dropped.
  return parseHtml(html.replace(/<(\/?)noscript(?=[\s/>])/gi, '<$1noembed'));
}
