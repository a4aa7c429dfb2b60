// The last step of every format but plain text: HTML we wrote ourselves (or marked rendered)
// to plain text, laid out so that normalization keeps paragraphs, list items and table rows apart.
import { compile, type DomNode, type FormatCallback, type SelectorDefinition } from 'html-to-text';
import { NOT_TEXT_ELEMENTS } from '../../../../shared/visibility';

/** Table cells: a row per line, cells separated by " | " (html-to-text's own table layout pads columns with spaces, which normalization would collapse, and wraps long cells). */
const tableCell: FormatCallback = (elem, walk, builder) => {
  // html-to-text's DOM nodes (domhandler) link to their siblings; its type declarations omit it.
  type Sibling = DomNode & { prev?: Sibling | null };
  let previous = (elem as Sibling).prev;
  while (previous && previous.type !== 'tag') previous = previous.prev;
  if (previous?.name === 'td' || previous?.name === 'th') builder.addInline(' | ');
  walk(elem.children, builder);
};

const block = (lines: number): Pick<SelectorDefinition, 'format' | 'options'> => ({
  format: 'block',
  options: { leadingLineBreaks: lines, trailingLineBreaks: lines },
});

/** Plain text of HTML: link text without URLs, no wrapping, nothing that is not text. */
export const htmlToPlainText = compile({
  wordwrap: false,
  preserveNewlines: false,
  // The default limit (16 Mi characters) silently truncates; our own size limit applies earlier.
  limits: { maxInputLength: Number.POSITIVE_INFINITY },
  formatters: { tableCell },
  selectors: [
    // Link text only: a URL is not part of what the page says, and javascript: URLs must not survive.
    { selector: 'a', options: { ignoreHref: true } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'ul', options: { itemPrefix: '• ' } },
    // No "> " prefixes: they would be characters the source does not contain, in the middle of quotes.
    { selector: 'blockquote', ...block(2) },
    { selector: 'hr', ...block(2) },
    { selector: 'table', ...block(2) },
    { selector: 'caption', ...block(1) },
    { selector: 'tr', ...block(1) },
    { selector: 'td', format: 'tableCell' },
    { selector: 'th', format: 'tableCell' },
    ...[
      'dl',
      'dt',
      'dd',
      'figure',
      'figcaption',
      'address',
      'details',
      'summary',
      'fieldset',
      'legend',
      'center',
      'dialog',
      'hgroup',
    ].map((selector) => ({ selector, ...block(1) })),
    { selector: 'listing', format: 'pre' },
    { selector: 'q', format: 'inlineSurround', options: { prefix: '“', suffix: '”' } },
    // Second line of defence: serializeVisibleBody left these out already.
    ...NOT_TEXT_ELEMENTS.map((selector) => ({ selector, format: 'skip' })),
  ],
});
