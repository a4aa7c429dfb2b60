// Class names Lexical puts on the document's elements; styled in editor.css.
import type { EditorThemeClasses } from 'lexical';

export const EDITOR_THEME: EditorThemeClasses = {
  paragraph: 'be-p',
  heading: { h1: 'be-h1', h2: 'be-h2', h3: 'be-h3', h4: 'be-h3', h5: 'be-h3', h6: 'be-h3' },
  quote: 'be-quote',
  list: {
    ul: 'be-ul',
    ol: 'be-ol',
    listitem: 'be-li',
    nested: { listitem: 'be-li--nested' },
  },
  link: 'be-link',
  text: {
    bold: 'be-bold',
    italic: 'be-italic',
    underline: 'be-underline',
    strikethrough: 'be-strike',
    underlineStrikethrough: 'be-underline-strike',
    code: 'be-code',
    subscript: 'be-sub',
    superscript: 'be-sup',
  },
  claimCard: 'be-claim-card-host',
  citation: 'be-citation-host',
};
