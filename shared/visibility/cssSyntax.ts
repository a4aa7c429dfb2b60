// CSS declarations read the way a browser reads a style attribute (CSS Syntax Level 3): comments,
// escapes (`n\one` is `none`), strings, nested functions and `!important` are understood, so a
// page cannot hide text behind spelling that a pattern match would miss. Small on purpose: it
// reads declarations, not stylesheets, and turns values into tokens; what a value means is
// hidingStyle.ts's business. No CSS parser is among the pure libraries shared/ may use, and the
// browser's own (the CSSOM) exists only in the page, so both import and paste read styles here.

/** One component value of a declaration; white space and comments are dropped. */
export type CssToken =
  /** An identifier, escapes decoded, as written (compare with `keyword`). */
  | { type: 'ident'; value: string }
  /** A number, percentage (unit '%') or dimension (unit lower-cased); a plain number has unit ''. */
  | { type: 'number'; value: number; unit: string }
  | { type: 'hash'; value: string }
  | { type: 'string'; value: string }
  | { type: 'url' }
  /** A function and its arguments; the name is lower-cased. */
  | { type: 'function'; name: string; args: CssToken[] }
  /** A ( ), [ ] or { } block. */
  | { type: 'block'; args: CssToken[] }
  | { type: 'delim'; value: string };

export interface CssDeclaration {
  /** Lower-cased, except custom properties (`--name`), whose names are case-sensitive. */
  property: string;
  value: CssToken[];
  important: boolean;
}

/** CSS keywords and property names are ASCII case-insensitive: nothing else may be folded (the Kelvin sign is not a "k"). */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** The keyword an identifier token stands for, lower-cased; null for any other token. */
export function keyword(token: CssToken | undefined): string | null {
  return token?.type === 'ident' ? asciiLower(token.value) : null;
}

/** The declarations of a style attribute (or of one rule's block), in order, invalid ones left out. */
export function parseDeclarations(css: string): CssDeclaration[] {
  const declarations: CssDeclaration[] = [];
  let current: CssToken[] = [];
  const flush = () => {
    const declaration = toDeclaration(current);
    if (declaration !== null) declarations.push(declaration);
    current = [];
  };
  for (const token of tokenize(css)) {
    if (token.type === 'delim' && token.value === ';') flush();
    else current.push(token);
  }
  flush();
  return declarations;
}

function toDeclaration(tokens: CssToken[]): CssDeclaration | null {
  const [name, colon, ...value] = tokens;
  if (name?.type !== 'ident' || colon?.type !== 'delim' || colon.value !== ':') return null;
  const property = name.value.startsWith('--') ? name.value : asciiLower(name.value);
  const bang = value[value.length - 2];
  const important = bang?.type === 'delim' && bang.value === '!' && keyword(value[value.length - 1]) === 'important';
  if (important) value.length -= 2;
  if (value.length === 0 && !property.startsWith('--')) return null;
  return { property, value, important };
}

const isWhitespace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHexDigit = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const isNameStart = (c: string | undefined) => c !== undefined && (/^[A-Za-z_]$/.test(c) || c.charCodeAt(0) >= 0x80);
const isNameChar = (c: string | undefined) => isNameStart(c) || isDigit(c) || c === '-';
/** A backslash that starts an escape: anything but a line break may follow it. */
const isEscape = (css: string, at: number) => css[at] === '\\' && !['\n', '\r', '\f'].includes(css[at + 1] ?? '');
const startsName = (css: string, at: number) => isNameChar(css[at]) || isEscape(css, at);
const startsIdent = (css: string, at: number) =>
  css[at] === '-'
    ? isNameStart(css[at + 1]) || css[at + 1] === '-' || isEscape(css, at + 1)
    : isNameStart(css[at]) || isEscape(css, at);
const startsNumber = (css: string, at: number) => {
  const [c, next] = [css[at], css[at + 1]];
  if (c === '+' || c === '-') return isDigit(next) || (next === '.' && isDigit(css[at + 2]));
  return isDigit(c) || (c === '.' && isDigit(next));
};

/** Reads an escape whose backslash is at `at`: the character it stands for, and where it ends. */
function readEscape(css: string, at: number): [string, number] {
  let end = at + 1;
  if (end >= css.length) return ['\uFFFD', end];
  if (!isHexDigit(css[end]))
    return [String.fromCodePoint(css.codePointAt(end)!), end + (css.codePointAt(end)! > 0xffff ? 2 : 1)];
  while (end < at + 7 && isHexDigit(css[end])) end++;
  const code = parseInt(css.slice(at + 1, end), 16);
  if (isWhitespace(css[end])) end += css[end] === '\r' && css[end + 1] === '\n' ? 2 : 1;
  const valid = code !== 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return [valid ? String.fromCodePoint(code) : '\uFFFD', end];
}

function readName(css: string, at: number): [string, number] {
  let name = '';
  while (at < css.length) {
    if (isEscape(css, at)) {
      const [char, next] = readEscape(css, at);
      name += char;
      at = next;
    } else if (isNameChar(css[at])) name += css[at++];
    else break;
  }
  return [name, at];
}

function readString(css: string, at: number): [string, number] {
  const quote = css[at];
  let value = '';
  for (at++; at < css.length;) {
    const c = css[at]!;
    if (c === quote) return [value, at + 1];
    if (c === '\n' || c === '\r' || c === '\f') return [value, at]; // an unclosed string ends at the line
    if (c === '\\') {
      if (at + 1 >= css.length) return [value, at + 1];
      if (['\n', '\r', '\f'].includes(css[at + 1]!)) at += css[at + 1] === '\r' && css[at + 2] === '\n' ? 3 : 2;
      else {
        const [char, next] = readEscape(css, at);
        value += char;
        at = next;
      }
    } else {
      value += c;
      at++;
    }
  }
  return [value, at];
}

function readNumber(css: string, at: number): [CssToken, number] {
  const match = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(css.slice(at, at + 400))!;
  const value = Number(match[0]);
  at += match[0].length;
  if (startsIdent(css, at)) {
    const [unit, next] = readName(css, at);
    return [{ type: 'number', value, unit: asciiLower(unit) }, next];
  }
  if (css[at] === '%') return [{ type: 'number', value, unit: '%' }, at + 1];
  return [{ type: 'number', value, unit: '' }, at];
}

const CLOSING = new Map([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
]);

/** The component values of `css`, with functions and blocks nested (without recursion: a page may nest thousands deep). */
export function tokenize(css: string): CssToken[] {
  const root: CssToken[] = [];
  const open: Array<{ close: string; items: CssToken[] }> = [{ close: '', items: root }];
  const push = (token: CssToken) => open[open.length - 1]!.items.push(token);
  let at = 0;
  while (at < css.length) {
    const c = css[at]!;
    if (c === '/' && css[at + 1] === '*') {
      const end = css.indexOf('*/', at + 2);
      at = end < 0 ? css.length : end + 2;
    } else if (isWhitespace(c)) at++;
    else if (c === '"' || c === "'") {
      const [value, next] = readString(css, at);
      push({ type: 'string', value });
      at = next;
    } else if (startsNumber(css, at)) {
      const [token, next] = readNumber(css, at);
      push(token);
      at = next;
    } else if (startsIdent(css, at)) {
      const [name, next] = readName(css, at);
      at = next;
      if (css[at] !== '(') push({ type: 'ident', value: name });
      else if (asciiLower(name) === 'url' && !/^\s*["']/.test(css.slice(at + 1, at + 64))) {
        // An unquoted url(…) is one token up to its ")", whatever it holds (";" included).
        for (at++; at < css.length && css[at] !== ')'; at++) if (css[at] === '\\') at++;
        push({ type: 'url' });
        at++;
      } else {
        const fn: CssToken = { type: 'function', name: asciiLower(name), args: [] };
        push(fn);
        open.push({ close: ')', items: fn.args });
        at++;
      }
    } else if (c === '#' && startsName(css, at + 1)) {
      const [value, next] = readName(css, at + 1);
      push({ type: 'hash', value });
      at = next;
    } else if (CLOSING.has(c)) {
      const block: CssToken = { type: 'block', args: [] };
      push(block);
      open.push({ close: CLOSING.get(c)!, items: block.args });
      at++;
    } else if (open.length > 1 && c === open[open.length - 1]!.close) {
      open.pop();
      at++;
    } else {
      const char = String.fromCodePoint(css.codePointAt(at)!);
      push({ type: 'delim', value: char });
      at += char.length;
    }
  }
  return root;
}
