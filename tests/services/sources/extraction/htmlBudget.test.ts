// The HTML budget (extraction/htmlBudget.ts): markup too big or too deep for jsdom is refused
// from its source text, before any DOM is built.
import { describe, expect, it, vi } from 'vitest';
import { extractText } from '../../../../electron/services/sources/extraction';
import {
  checkMarkupBeforeParsing,
  MAX_ELEMENT_DEPTH,
  MAX_HTML_ELEMENTS,
} from '../../../../electron/services/sources/extraction/htmlBudget';
import { appErrorOf, domParses } from './support';

// Counts every HTML parse, so tests can prove which inputs never reach jsdom.
vi.mock('jsdom', async (importOriginal) => (await import('./support')).countingJsdom(await importOriginal()));

describe('the HTML budget, through the front door', () => {
  it('refuses markup with more elements than it can hold in memory, before parsing it', () => {
    const before = domParses.count;
    const error = appErrorOf(() => extractText({ text: '<b>x</b>'.repeat(150_001), format: 'html' }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('150,000 HTML elements');
    expect(domParses.count).toBe(before);
  });

  it('refuses nesting deeper than browsers build, instead of overflowing the stack', () => {
    for (const depth of [600, 100_000]) {
      const error = appErrorOf(() =>
        extractText({ text: `${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`, format: 'html' }),
      );
      expect(error.code).toBe('UNSUPPORTED_FILE');
      expect(error.message).toContain('nested too deeply');
    }
  });
});

describe('checkMarkupBeforeParsing', () => {
  it('lets exactly the element limit through and refuses one more, as TOO_LARGE', () => {
    expect(() => checkMarkupBeforeParsing('<b>x</b>'.repeat(MAX_HTML_ELEMENTS), 'The page')).not.toThrow();
    const error = appErrorOf(() => checkMarkupBeforeParsing('<b>x</b>'.repeat(MAX_HTML_ELEMENTS + 1), 'The page'));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/^The page has more than 150,000 HTML elements/);
  });

  it('counts no tags inside comments or raw text', () => {
    const many = '<b>'.repeat(MAX_HTML_ELEMENTS + 1);
    expect(() => checkMarkupBeforeParsing(`<!-- ${many} -->`, 'The page')).not.toThrow();
    expect(() => checkMarkupBeforeParsing(`<script>${many}</script>`, 'The page')).not.toThrow();
  });

  it('estimates depth as the parser would build it, and refuses twice what browsers nest as a stack overflow', () => {
    expect(() => checkMarkupBeforeParsing('<div>'.repeat(2 * MAX_ELEMENT_DEPTH), 'The page')).not.toThrow();
    expect(() => checkMarkupBeforeParsing('<div>'.repeat(2 * MAX_ELEMENT_DEPTH + 1), 'The page')).toThrow(RangeError);
    // Siblings do not nest; nor do void elements, elements whose end tag is optional, self-closed
    // SVG, or a repeated <a>; and an end tag closes what was left open inside its element.
    for (const markup of [
      '<div></div>'.repeat(5000),
      '<p>'.repeat(5000) + '<br>'.repeat(5000) + '<path/>'.repeat(5000) + '<a>'.repeat(5000),
      '<div><span>x</div>'.repeat(5000),
    ])
      expect(() => checkMarkupBeforeParsing(markup, 'The page')).not.toThrow();
  });
});
