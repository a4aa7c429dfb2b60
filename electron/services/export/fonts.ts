// The fonts every export embeds: Noto Serif (body), Noto Sans (headings, badges, running
// header), Noto Sans Arabic and Noto Sans Hebrew (right-to-left quotes), from the @fontsource
// packages the app ships. They are inlined as data: URLs so the print document needs no
// network and no file access, in Chromium (about:blank) and in Electron's sandbox alike.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** CSS family names used by print.css; distinct from system names so a system font never stands in silently. */
export const FONT_FAMILIES = {
  serif: 'Briefing Serif',
  sans: 'Briefing Sans',
  arabic: 'Briefing Arabic',
  hebrew: 'Briefing Hebrew',
} as const;

interface FontFace {
  family: string;
  pkg: string;
  subset: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

const LATIN = ['latin', 'latin-ext'];

function faces(
  family: string,
  pkg: string,
  subsets: string[],
  variants: Array<[400 | 700, 'normal' | 'italic']>,
): FontFace[] {
  return subsets.flatMap((subset) => variants.map(([weight, style]) => ({ family, pkg, subset, weight, style })));
}

const BODY_FACES: FontFace[] = [
  ...faces(FONT_FAMILIES.serif, 'noto-serif', LATIN, [
    [400, 'normal'],
    [400, 'italic'],
    [700, 'normal'],
    [700, 'italic'],
  ]),
  ...faces(FONT_FAMILIES.sans, 'noto-sans', LATIN, [
    [400, 'normal'],
    [700, 'normal'],
  ]),
  ...faces(
    FONT_FAMILIES.arabic,
    'noto-sans-arabic',
    ['arabic'],
    [
      [400, 'normal'],
      [700, 'normal'],
    ],
  ),
  ...faces(
    FONT_FAMILIES.hebrew,
    'noto-sans-hebrew',
    ['hebrew'],
    [
      [400, 'normal'],
      [700, 'normal'],
    ],
  ),
];

const require = createRequire(import.meta.url);
const unicodeRanges = new Map<string, Record<string, string>>();
const dataUrls = new Map<string, string>();

function fontFile(face: FontFace): string {
  return `@fontsource/${face.pkg}/files/${face.pkg}-${face.subset}-${face.weight}-${face.style}.woff2`;
}

function dataUrl(face: FontFace): string {
  const file = fontFile(face);
  let url = dataUrls.get(file);
  if (url === undefined) {
    url = `data:font/woff2;base64,${readFileSync(require.resolve(file)).toString('base64')}`;
    dataUrls.set(file, url);
  }
  return url;
}

function unicodeRange(face: FontFace): string {
  let ranges = unicodeRanges.get(face.pkg);
  if (!ranges) {
    ranges = JSON.parse(readFileSync(require.resolve(`@fontsource/${face.pkg}/unicode.json`), 'utf8')) as Record<
      string,
      string
    >;
    unicodeRanges.set(face.pkg, ranges);
  }
  const range = ranges[face.subset];
  if (!range) throw new Error(`@fontsource/${face.pkg} has no "${face.subset}" subset`);
  return range;
}

function fontFaceCss(list: FontFace[]): string {
  return list
    .map(
      (face) =>
        `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};font-display:block;` +
        `src:url(${dataUrl(face)}) format('woff2');unicode-range:${unicodeRange(face)};}`,
    )
    .join('\n');
}

/** A regular expression matching any character of a CSS unicode-range list. */
function rangePattern(range: string): RegExp {
  const parts = range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return to ? `\\u{${from}}-\\u{${to}}` : `\\u{${from}}`;
  });
  return new RegExp(`[${parts.join('')}]`, 'u');
}

const patterns = new Map<string, RegExp>();
const cssBySelection = new Map<string, string>();

/**
 * @font-face rules for the print document: the Latin faces always, every other subset only
 * when `text` has a character in its range (each unused face would still cost parsing time).
 */
export function bodyFontFaceCss(text?: string): string {
  const used = BODY_FACES.filter((face) => {
    if (face.subset === 'latin' || text === undefined) return true;
    const key = `${face.pkg}/${face.subset}`;
    let pattern = patterns.get(key);
    if (!pattern) patterns.set(key, (pattern = rangePattern(unicodeRange(face))));
    return pattern.test(text);
  });
  const key = used.map(fontFile).join('|');
  let css = cssBySelection.get(key);
  if (css === undefined) cssBySelection.set(key, (css = fontFaceCss(used)));
  return css;
}
