// Escaping for the HTML this folder writes itself, so a page's text can never become markup.

/** Text as HTML element content. */
export const escapeText = (text: string) =>
  text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/** Text as a double-quoted HTML attribute value. */
export const escapeAttribute = (text: string) =>
  text.replace(/[&"<>]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : '&gt;'));
