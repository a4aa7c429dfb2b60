// What a reader could see (shared/visibility): the one rule that import and paste both ask about
// every element. Each row is an element as a page could write it, and whether its text may reach
// the library or a brief. Hidden text is how a page smuggles words into a citation, so a row on
// the "hidden" side is a way of hiding text that a browser honours.
import { describe, expect, it } from 'vitest';
import { isReaderVisible, NOT_TEXT_ELEMENTS, styleHidesText, type ElementView } from '../../../shared/visibility';

function element(tag: string, attributes: Record<string, string> = {}): ElementView {
  return { localName: tag, getAttribute: (name) => attributes[name] ?? null };
}
const styled = (style: string) => element('span', { style });

type Row = [description: string, element: ElementView];

const HIDDEN: Row[] = [
  // attributes
  ['the hidden attribute', element('p', { hidden: '' })],
  ['hidden="until-found"', element('div', { hidden: 'until-found' })],
  ['aria-hidden="true"', element('div', { 'aria-hidden': 'true' })],
  ['aria-hidden in upper case with spaces', element('div', { 'aria-hidden': ' TRUE ' })],
  ['a closed dialog', element('dialog')],
  // elements whose content is never text
  ...(['script', 'style', 'template', 'noscript', 'title', 'textarea', 'select', 'button', 'object'] as const).map(
    (tag): Row => [`<${tag}>`, element(tag)],
  ),
  ['a tag name in upper case', element('SCRIPT')],
  // not rendered
  ['display: none', styled('display:none')],
  ['display: none !important', styled('display: none !important')],
  ['DISPLAY : NONE with a comment', styled('DISPLAY : NONE /* x */')],
  ['an escaped keyword (n\\one)', styled('display: n\\one')],
  ['a hex-escaped keyword (\\6e one)', styled('display: \\6e one')],
  ['an escaped property name', styled('dis\\play: none')],
  ['a later invalid value, which a browser ignores', styled('display: none; display: nonsense')],
  ['an !important one before a later normal one', styled('display: none !important; display: block')],
  ['a custom property through var()', styled('--d: none; display: var(--d)')],
  ['a var() fallback', styled('display: var(--missing, none)')],
  ['a semicolon inside a string before it', styled('content: "a;b"; display: none')],
  ['a semicolon inside url() before it', styled('background: url(a;b); display: none')],
  ['visibility: hidden', styled('visibility: /* x */ hidden !important')],
  ['visibility: collapse', styled('visibility: collapse')],
  ['content-visibility: hidden', styled('content-visibility: hidden')],
  ["Word's mso-hide: all", styled('mso-hide: all')],
  // transparent
  ['opacity: 0', styled('OPACITY: 0')],
  ['opacity: 0.0', styled('opacity: 0.0')],
  ['opacity: 0%', styled('opacity: 0%')],
  ['a negative opacity (clamped to 0)', styled('opacity: -1')],
  ['color: transparent', styled('color: transparent')],
  ['a colour with alpha 0', styled('color: rgba(0, 0, 0, 0)')],
  ['a colour with alpha 0 after a slash', styled('color: rgb(0 0 0 / 0%)')],
  ['an 8-digit hex colour with alpha 00', styled('color: #00000000')],
  ['-webkit-text-fill-color: transparent', styled('color: black; -webkit-text-fill-color: transparent')],
  ['transparent colour, then an invalid one', styled('color: transparent; color: nonsense')],
  // zero-size
  ['font-size: 0', styled('font-size: 0')],
  ['font-size: 0px', styled('font-size:0px')],
  ['font-size: 0em', styled('font-size: 0em')],
  ['font-size: 0%', styled('font-size: 0%')],
  ['a font size under a pixel', styled('font-size: 0.5pt')],
  ['the font shorthand with size 0 (font: 0/0 a)', styled('font: 0/0 a')],
  // off-screen
  ['left: -9999px', styled('position: absolute; left: -9999px')],
  ['left in em', styled('position: absolute; left: -100em')],
  ['top: -10000px', styled('position: absolute; top: -10000px')],
  ['text-indent: -9999px', styled('text-indent: -9999px')],
  ['text-indent: -100vw', styled('text-indent: -100vw')],
  ['clip: rect(0 0 0 0)', styled('position: absolute; clip: rect(0 0 0 0)')],
  ['clip: rect(1px, 1px, 1px, 1px)', styled('position: absolute; clip: rect(1px, 1px, 1px, 1px)')],
  ['clip-path: inset(50%)', styled('clip-path: inset(50%)')],
  ['clip-path: circle(0)', styled('clip-path: circle(0 at 50% 50%)')],
];

const VISIBLE: Row[] = [
  ['a plain paragraph', element('p')],
  ['an open dialog', element('dialog', { open: '' })],
  ['aria-hidden="false"', element('div', { 'aria-hidden': 'false' })],
  ['merely styled text', styled('color: grey; font-size: 12px; font-weight: bold')],
  ['an empty style', styled('')],
  ['half opacity', styled('opacity: 0.5')],
  ['a later valid value wins', styled('display: none; display: block')],
  ['a later visibility wins', styled('visibility: hidden; visibility: visible')],
  ['a comment that splits the property name (invalid, so ignored)', styled('dis/**/play: none')],
  ['"display: none" inside a string', styled('content: "display: none"')],
  ['a var() that does not resolve (unset)', styled('display: none; display: var(--missing)')],
  ['a small but readable font', styled('font-size: 0.6em')],
  ['a font shorthand with a real size', styled('font: bold 14px/1.4 "Noto Sans", sans-serif')],
  ['a negative margin of a few pixels', styled('position: relative; left: -10px; text-indent: -2em')],
  ['a clip with area', styled('position: absolute; clip: rect(0, 100px, 20px, 0)')],
  ['clip-path: inset(10%)', styled('clip-path: inset(10%)')],
  ['half-transparent colour', styled('color: rgba(0, 0, 0, 0.5)')],
  [
    'gradient text (transparent colour, background through the text)',
    styled('color: transparent; background-clip: text'),
  ],
  ['transparent colour with an outline', styled('color: transparent; -webkit-text-stroke: 1px black')],
  ['transparent colour with a shadow', styled('color: transparent; text-shadow: 0 0 2px black')],
  ['transparent colour, then a named colour', styled('color: transparent; color: navy')],
  ['a style with unclosed parentheses', styled('width: calc((((1px')],
];

describe('what a reader could see', () => {
  it.each(HIDDEN)('hides text with %s', (_description, el) => {
    expect(isReaderVisible(el)).toBe(false);
  });

  it.each(VISIBLE)('shows %s', (_description, el) => {
    expect(isReaderVisible(el)).toBe(true);
  });

  it('judges a <style> rule’s block by the same rule as a style attribute', () => {
    expect(styleHidesText(' visibility : hidden ')).toBe(true);
    expect(styleHidesText('color: red')).toBe(false);
    expect(styleHidesText('')).toBe(false);
  });

  it('calls no element whose content is never text visible, whatever its attributes', () => {
    for (const tag of NOT_TEXT_ELEMENTS)
      expect(isReaderVisible(element(tag, { style: 'display:block' })), tag).toBe(false);
  });

  it('reads hostile styles quickly and without running out of stack', () => {
    const started = performance.now();
    expect(isReaderVisible(styled(`${'('.repeat(100_000)}display:none`))).toBe(true);
    expect(isReaderVisible(styled(`${'a:b;'.repeat(50_000)}display:none`))).toBe(false);
    const laughs = Array.from({ length: 12 }, (_, i) => `--v${i}: var(--v${i + 1}) var(--v${i + 1});`).join('');
    expect(isReaderVisible(styled(`${laughs} --v12: none; display: var(--v0)`))).toBe(true);
    expect(isReaderVisible(styled('--a: var(--b); --b: var(--a); display: none; display: var(--a)'))).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
