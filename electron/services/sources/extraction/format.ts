// Which reader a document goes to: its extension says, unless its content plainly contradicts
// the extension (an HTML page saved as .txt). Markdown is never guessed from content.
import type { SourceFormat } from './types';

/** Chooses how to read a document: by its extension, unless its content plainly contradicts the extension. */
export function detectFormat(fileName: string | undefined, content: string): SourceFormat {
  return decideFormat(fileName === undefined ? null : baseName(fileName), content).format;
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
};

/** The opening tag of an HTML document: doctype, <html>, <head> or <body>. */
const HTML_DOCUMENT_TAG = /^<(?:!doctype\s+html|html|head|body)(?=[\s>/])/i;
/** Any start or end tag, doctype or comment. */
const ANY_MARKUP = /<(?:\/?[a-z][a-z0-9-]*(?=[\s/>])|!doctype\s|!--)/i;

/** The file's name without its folders, whichever separator the path uses. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

function extensionFormat(name: string | null): SourceFormat | null {
  const dot = name?.lastIndexOf('.') ?? -1;
  if (name === null || dot <= 0) return null;
  return FORMAT_BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null;
}

/** The format to read a document in, and a sentence for the user when that is not what its name says. */
export function decideFormat(name: string | null, content: string): { format: SourceFormat; warning: string | null } {
  const byExtension = extensionFormat(name);
  if (byExtension === 'html') {
    return ANY_MARKUP.test(content)
      ? { format: 'html', warning: null }
      : { format: 'text', warning: `"${name}" contains no HTML tags, so it was read as plain text.` };
  }
  if (startsLikeHtmlDocument(content)) {
    const named = byExtension === 'markdown' ? 'a Markdown file' : 'a text file';
    return {
      format: 'html',
      warning:
        byExtension === null
          ? null
          : `"${name}" is named like ${named} but contains an HTML document, so it was read as HTML.`,
    };
  }
  // Markdown is never guessed from content: plain text that happens to contain # or * must keep them.
  return { format: byExtension ?? 'text', warning: null };
}

/** An HTML document announces itself at the very start, after at most white space, comments and an XML declaration. */
function startsLikeHtmlDocument(content: string): boolean {
  // A loop rather than one regular expression, which could backtrack for ages over many comments.
  const space = /\s+/y;
  let at = 0;
  while (at < content.length) {
    let end: number;
    space.lastIndex = at;
    if (space.test(content)) end = space.lastIndex;
    else if (content.startsWith('<!--', at)) end = content.indexOf('-->', at + 4) + 3;
    else if (content.startsWith('<?xml', at)) end = content.indexOf('>', at) + 1;
    else return HTML_DOCUMENT_TAG.test(content.slice(at, at + 64));
    if (end <= at) return false; // an unclosed comment or declaration
    at = end;
  }
  return false;
}
