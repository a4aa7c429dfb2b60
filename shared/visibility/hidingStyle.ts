// Whether a block of CSS declarations (a style attribute, or one rule of a <style>) keeps the
// text of its element from being seen. The ways pages hide text, each read as a browser would:
//
//   - not rendered: display: none, visibility: hidden | collapse, content-visibility: hidden,
//     Word's mso-hide: all;
//   - transparent: opacity of 0 or less; text drawn in a fully transparent colour (color or
//     -webkit-text-fill-color) with no gradient painted through it (background-clip: text),
//     no outline (-webkit-text-stroke) and no shadow;
//   - zero-size: a font size under one pixel (font-size, or the font shorthand's, as in `font: 0/0 a`);
//   - off-screen: left, top or text-indent at -1000px or beyond; a clip to an empty rectangle;
//     a clip-path that leaves nothing (inset(50%), a circle of radius 0).
//
// As a browser does, the last valid declaration of a property wins (an !important one over any
// other), an invalid one is ignored — so `display: none; display: nonsense` still hides — and
// var() is resolved against the custom properties of the same block. When a declaration hides
// only part of what is inside (a child could set its own colour or visibility), the whole
// element counts as hidden: dropping text a reader might have seen loses words, keeping text no
// reader could see smuggles them. Not read: custom properties inherited from elsewhere, sizes
// of boxes (width: 0 with overflow: hidden), transforms, colours equal to the background.
import { isColor, isTransparentColor } from './cssColor';
import { keyword, parseDeclarations, type CssDeclaration, type CssToken } from './cssSyntax';

/** True when the declarations keep their element's text from being seen. */
export function declarationsHideText(declarations: readonly CssDeclaration[]): boolean {
  const style = new CascadedStyle(declarations);
  const one = (property: string, read: Reader) => style.value([{ property, read }])?.[0];
  const hiddenKeyword = (property: string, read: Reader, hiding: readonly string[]) =>
    hiding.includes(keyword(one(property, read)) ?? '');
  return (
    hiddenKeyword('display', readDisplay, ['none']) ||
    hiddenKeyword('visibility', keywords('visible', 'hidden', 'collapse'), ['hidden', 'collapse']) ||
    hiddenKeyword('content-visibility', keywords('visible', 'auto', 'hidden'), ['hidden']) ||
    hiddenKeyword('mso-hide', keywords('all', 'none'), ['all']) ||
    atMost(one('opacity', readOpacity), 0, 1) ||
    below(
      style.value([
        { property: 'font-size', read: readFontSize },
        { property: 'font', read: readFontSizeOfFont },
      ])?.[0],
      1,
      16,
    ) ||
    atMost(one('left', readOffset), -1000, VIEWPORT.width) ||
    atMost(one('top', readOffset), -1000, VIEWPORT.height) ||
    atMost(one('text-indent', readTextIndent), -1000, VIEWPORT.width) ||
    clipsToNothing(one('clip', readClip)) ||
    clipPathLeavesNothing(one('clip-path', readClipPath)) ||
    drawsNoText(style)
  );
}

/** True when the CSS declarations `css` (a style attribute's value, or a rule's block) keep their element's text from being seen. */
export function styleHidesText(css: string): boolean {
  return css.trim() !== '' && declarationsHideText(parseDeclarations(css));
}

/** The value of a longhand a declaration gives, or null when the declaration is invalid for it. */
type Reader = (value: CssToken[]) => CssToken[] | null;

/** What percentages and viewport units are taken to be of: a laptop window. */
const VIEWPORT = { width: 1280, height: 800 };
const GLOBAL_KEYWORDS = ['inherit', 'initial', 'unset', 'revert', 'revert-layer'];
const MATH_FUNCTIONS = new Set(['calc', 'min', 'max', 'clamp', 'round', 'mod', 'rem', 'abs', 'sign', 'env', 'attr']);
/** CSS pixels per unit; font-relative units at a 16px font, viewport units at VIEWPORT. */
const PIXELS_PER_UNIT: Record<string, number> = {
  px: 1,
  em: 16,
  rem: 16,
  ex: 8,
  rex: 8,
  ch: 8,
  rch: 8,
  ic: 16,
  ric: 16,
  lh: 19,
  rlh: 19,
  pt: 96 / 72,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  q: 96 / 101.6,
  vw: VIEWPORT.width / 100,
  vi: VIEWPORT.width / 100,
  vh: VIEWPORT.height / 100,
  vb: VIEWPORT.height / 100,
  vmin: VIEWPORT.height / 100,
  vmax: VIEWPORT.width / 100,
};

/** The declarations of one block as the cascade sees them: by property, with custom properties resolved for var(). */
class CascadedStyle {
  private readonly byProperty = new Map<string, Array<{ d: CssDeclaration; order: number }>>();

  constructor(declarations: readonly CssDeclaration[]) {
    declarations.forEach((d, order) => {
      const list = this.byProperty.get(d.property);
      if (list === undefined) this.byProperty.set(d.property, [{ d, order }]);
      else list.push({ d, order });
    });
  }

  /**
   * The value a longhand gets from the declarations that set it (`sources`: the longhand and its
   * shorthands, each with its reader), or null when none does: the last valid one wins, an
   * !important one over any other. A declaration with var() cannot be judged before
   * substitution, so it always wins; if its value then does not work, the property is unset.
   */
  value(sources: ReadonlyArray<{ property: string; read: Reader }>): CssToken[] | null {
    const candidates = sources
      .flatMap(({ property, read }) => (this.byProperty.get(property) ?? []).map((entry) => ({ ...entry, read })))
      .sort((a, b) => a.order - b.order);
    let normal: CssToken[] | null | undefined;
    let important: CssToken[] | null | undefined;
    for (const { d, read } of candidates) {
      let value: CssToken[] | null;
      if (containsVar(d.value)) {
        const substituted = this.substitute(d.value, 0);
        value = substituted === null ? null : read(substituted);
      } else {
        value = read(d.value);
        if (value === null) continue;
      }
      if (d.important) important = value;
      else normal = value;
    }
    return important !== undefined ? important : (normal ?? null);
  }

  /** A custom property's tokens as declared (the last, an !important one over any other), var() not yet resolved. */
  private custom(name: string): CssToken[] | null {
    let value: CssToken[] | null = null;
    let important = false;
    for (const { d } of this.byProperty.get(name) ?? []) {
      if (d.important || !important) value = d.value;
      important ||= d.important;
    }
    return value;
  }

  private substitute(value: readonly CssToken[], depth: number): CssToken[] | null {
    // Deep or self-referring var() chains do not resolve in a browser either.
    if (depth > 8) return null;
    const out: CssToken[] = [];
    for (const token of value) {
      if ((token.type === 'function' && token.name !== 'var') || token.type === 'block') {
        if (!containsVar(token.args)) out.push(token);
        else {
          const args = this.substitute(token.args, depth + 1);
          if (args === null) return null;
          out.push({ ...token, args });
        }
      } else if (token.type === 'function') {
        const [name, comma, ...fallback] = token.args;
        if (name?.type !== 'ident' || !name.value.startsWith('--')) return null;
        const defined = this.custom(name.value);
        const replacement = defined ?? (comma?.type === 'delim' && comma.value === ',' ? fallback : null);
        const resolved = replacement === null ? null : this.substitute(replacement, depth + 1);
        if (resolved === null) return null;
        out.push(...resolved);
      } else out.push(token);
      if (out.length > 1000) return null;
    }
    return out;
  }
}

/** Whether a value uses var() anywhere (without recursion: values may nest deeply). */
function containsVar(value: readonly CssToken[]): boolean {
  const pending = [value];
  for (let list = pending.pop(); list !== undefined; list = pending.pop()) {
    for (const token of list) {
      if (token.type === 'function' && token.name === 'var') return true;
      if (token.type === 'function' || token.type === 'block') pending.push(token.args);
    }
  }
  return false;
}

const isGlobal = (value: readonly CssToken[]) =>
  value.length === 1 && GLOBAL_KEYWORDS.includes(keyword(value[0]) ?? '');
const isMath = (token: CssToken | undefined) => token?.type === 'function' && MATH_FUNCTIONS.has(token.name);

/** The size in CSS pixels of a length or percentage (`percentOf` is 100%), or null for anything else. Plain numbers count as pixels, as in quirks mode. */
function pixels(token: CssToken | undefined, percentOf: number): number | null {
  if (token?.type !== 'number') return null;
  if (token.unit === '') return token.value;
  if (token.unit === '%') return (token.value / 100) * percentOf;
  const perUnit = PIXELS_PER_UNIT[token.unit.replace(/^[sld](?=v)/, '')]; // svh, lvh, dvh… as vh
  return perUnit === undefined ? null : token.value * perUnit;
}

/** A reader accepting one of these keywords (or a CSS-wide one). */
function keywords(...allowed: string[]): Reader {
  return (value) =>
    isGlobal(value) || (value.length === 1 && allowed.includes(keyword(value[0]) ?? '')) ? value : null;
}

/** A reader accepting one length or percentage (`negative`: also below zero), a math function, or one of `allowed`. */
function lengthOr(negative: boolean, ...allowed: string[]): Reader {
  return (value) => {
    if (value.length !== 1 || isGlobal(value) || isMath(value[0])) return value.length === 1 ? value : null;
    if (allowed.includes(keyword(value[0]) ?? '')) return value;
    const px = pixels(value[0], 100);
    return px !== null && (negative || px >= 0) ? value : null;
  };
}

const DISPLAY_KEYWORDS = new Set(
  (
    'none contents block inline flow flow-root table flex grid ruby list-item run-in inline-block ' +
    'inline-table inline-flex inline-grid inline-list-item table-row-group table-header-group ' +
    'table-footer-group table-row table-cell table-column-group table-column table-caption ruby-base ' +
    'ruby-text ruby-base-container ruby-text-container math'
  ).split(' '),
);
const readDisplay: Reader = (value) =>
  isGlobal(value) ||
  (value.length <= 3 &&
    value.every((t) => {
      const word = keyword(t);
      return word !== null && (DISPLAY_KEYWORDS.has(word) || /^-(?:webkit|moz|ms)-/.test(word));
    }))
    ? value
    : null;

const readOpacity: Reader = (value) =>
  value.length === 1 &&
  (isGlobal(value) || isMath(value[0]) || (value[0]!.type === 'number' && ['', '%'].includes(value[0]!.unit)))
    ? value
    : null;

const FONT_SIZE_KEYWORDS = [
  'xx-small',
  'x-small',
  'small',
  'medium',
  'large',
  'x-large',
  'xx-large',
  'xxx-large',
  'larger',
  'smaller',
  'math',
];
const SYSTEM_FONTS = ['caption', 'icon', 'menu', 'message-box', 'small-caption', 'status-bar'];
const readFontSize = lengthOr(false, ...FONT_SIZE_KEYWORDS);
/** The font size the `font` shorthand sets: its first length (plain numbers before it are weights), which a family must follow. */
const readFontSizeOfFont: Reader = (value) => {
  if (isGlobal(value)) return value;
  if (value.length === 1 && SYSTEM_FONTS.includes(keyword(value[0]) ?? '')) return [{ type: 'ident', value: 'medium' }];
  const at = value.findIndex(
    (t) =>
      isMath(t) ||
      FONT_SIZE_KEYWORDS.includes(keyword(t) ?? '') ||
      (t.type === 'number' && (t.unit !== '' || t.value === 0) && pixels(t, 100) !== null),
  );
  return at >= 0 && at < value.length - 1 && readFontSize([value[at]!]) !== null ? [value[at]!] : null;
};

const readOffset = lengthOr(true, 'auto');
const readTextIndent: Reader = (value) =>
  isGlobal(value) ||
  (lengthOr(true)(value.slice(0, 1)) !== null &&
    value.slice(1).every((t) => ['hanging', 'each-line'].includes(keyword(t) ?? '')))
    ? value
    : null;

const readClip: Reader = (value) => {
  if (isGlobal(value) || (value.length === 1 && keyword(value[0]) === 'auto')) return value;
  const rect = value[0];
  if (value.length !== 1 || rect?.type !== 'function' || rect.name !== 'rect') return null;
  const edges = rect.args.filter((t) => !(t.type === 'delim' && t.value === ','));
  return edges.length === 4 && edges.every((t) => keyword(t) === 'auto' || pixels(t, 0) !== null) ? value : null;
};

const CLIP_PATH_BOXES = [
  'none',
  'margin-box',
  'border-box',
  'padding-box',
  'content-box',
  'fill-box',
  'stroke-box',
  'view-box',
];
const CLIP_PATH_SHAPES = new Set(['inset', 'circle', 'ellipse', 'polygon', 'path', 'rect', 'xywh', 'shape']);
const readClipPath: Reader = (value) =>
  isGlobal(value) ||
  (value.length <= 2 &&
    value.every(
      (t) =>
        t.type === 'url' ||
        CLIP_PATH_BOXES.includes(keyword(t) ?? '') ||
        (t.type === 'function' && CLIP_PATH_SHAPES.has(t.name)),
    ))
    ? value
    : null;

const readColor: Reader = (value) => (isGlobal(value) || (value.length === 1 && isColor(value[0])) ? value : null);
const readAny: Reader = (value) => value;
/** The outline width of -webkit-text-stroke(-width): its length or thin/medium/thick, else null. */
const readStrokeWidth: Reader = (value) => {
  if (isGlobal(value)) return [{ type: 'number', value: 0, unit: '' }];
  const width = value.find((t) => pixels(t, 0) !== null || ['thin', 'medium', 'thick'].includes(keyword(t) ?? ''));
  return width === undefined ? null : [width];
};

function atMost(token: CssToken | undefined, limit: number, percentOf: number): boolean {
  const px = pixels(token, percentOf);
  return px !== null && px <= limit;
}

function below(token: CssToken | undefined, limit: number, percentOf: number): boolean {
  const px = pixels(token, percentOf);
  return px !== null && px < limit;
}

/** A clip: rect(top, right, bottom, left) that leaves no area. */
function clipsToNothing(rect: CssToken | undefined): boolean {
  if (rect?.type !== 'function') return false;
  const [top, right, bottom, left] = rect.args
    .filter((t) => !(t.type === 'delim' && t.value === ','))
    .map((t) => pixels(t, 0));
  if (top == null || right == null || bottom == null || left == null) return false;
  return bottom <= top || right <= left;
}

/** inset() that meets in the middle (inset(50%)), or a circle or ellipse of radius 0. */
function clipPathLeavesNothing(shape: CssToken | undefined): boolean {
  if (shape?.type !== 'function') return false;
  // The sizes come before "round" (inset's corners) or "at" (a circle's centre).
  const end = shape.args.findIndex((t) => ['round', 'at'].includes(keyword(t) ?? ''));
  const args = end < 0 ? shape.args : shape.args.slice(0, end);
  if (shape.name === 'inset') {
    const percent = args.map((t) => (t.type === 'number' && (t.unit === '%' || t.value === 0) ? t.value : null));
    if (percent.length === 0 || percent.length > 4 || percent.some((p) => p === null)) return false;
    const [top, right = top, bottom = top, left = right] = percent as number[];
    return top! + bottom! >= 100 || right! + left! >= 100;
  }
  if (shape.name === 'circle' || shape.name === 'ellipse')
    return args.some((t) => t.type === 'number' && t.value === 0 && pixels(t, 0) !== null);
  return false;
}

/** Text whose fill is fully transparent, with nothing else of it drawn (no gradient through it, no outline, no shadow). */
function drawsNoText(style: CascadedStyle): boolean {
  const fill = style.value([{ property: '-webkit-text-fill-color', read: readColor }])?.[0];
  const color =
    fill === undefined || isGlobal([fill]) || keyword(fill) === 'currentcolor'
      ? style.value([{ property: 'color', read: readColor }])?.[0]
      : fill;
  if (!isTransparentColor(color)) return false;
  const clipsToText = ['background-clip', '-webkit-background-clip'].some((property) =>
    (style.value([{ property, read: readAny }]) ?? []).some((t) => keyword(t) === 'text'),
  );
  const stroke = style.value([
    { property: '-webkit-text-stroke', read: readStrokeWidth },
    { property: '-webkit-text-stroke-width', read: readStrokeWidth },
  ])?.[0];
  const shadow = style.value([{ property: 'text-shadow', read: readAny }]);
  const hasShadow = shadow !== null && !isGlobal(shadow) && keyword(shadow[0]) !== 'none';
  return !clipsToText && !hasShadow && (stroke === undefined || (pixels(stroke, 0) ?? 1) <= 0);
}
