// Web pages (extraction/html.ts): the main article's text, laid out as plain text.
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../../electron/services/sources/extraction';
import { RTL_ARTICLE } from '../../../fixtures/rtl/arabicHebrew';
import { ARTICLE_PAGE } from '../fixtures/articlePage';
import { appErrorOf, utf8 } from './support';

describe('extractText: HTML', () => {
  const result = extractText({ bytes: utf8(ARTICLE_PAGE), fileName: 'grain.html' });

  it('keeps the article text and drops navigation, footer, scripts, styles and images', () => {
    expect(result.format).toBe('html');
    expect(result.text).toContain('Wheat futures rose sharply on Tuesday');
    expect(result.text).toContain('Officials declined to say how long the ban would last.');
    expect(result.text).not.toContain('Business');
    expect(result.text).not.toContain('Privacy policy');
    expect(result.text).not.toContain('tracking-code');
    expect(result.text).not.toContain('color: red');
    expect(result.text).not.toContain('A chart of prices');
    expect(result.warnings).toEqual([]);
  });

  it('writes links as their text only, with no URL', () => {
    expect(result.text).toContain('according to a ministry report published in the capital.');
    expect(result.text).not.toContain('example.org');
    expect(result.text).not.toContain('[');
  });

  it('keeps headings as plain lines in their own case, paragraphs apart, list items and table rows on their own lines', () => {
    expect(result.text).toContain('\n\nWhat analysts expect\n\nMost analysts expect');
    expect(result.text).toContain('\n• Wheat up 12 percent\n• Maize up 4 percent\n');
    expect(result.text).toContain('\nCrop | Change\nWheat | +12%\n');
    expect(result.text).toMatch(/the market\.\n\nWhat analysts/);
  });

  it('does not wrap long paragraphs', () => {
    expect(result.text).toContain(
      'Most analysts expect prices to stay high until the next harvest. Some warn that the ban could be extended if the drought continues into the spring, which would tighten supply across the region.',
    );
  });

  it('falls back to the whole page, with a warning, when the article found is too small a part of it', () => {
    // Readability always drops <aside>, leaving 13 characters of a 1,000-character page.
    const aside = 'Background material that only sits in an aside. '.repeat(20).trim();
    const page = extractText({ text: `<body><p>A short note.</p><aside>${aside}</aside></body>`, format: 'html' });
    expect(page.text).toBe(`A short note.\n\n${aside}`);
    expect(page.warnings).toEqual([
      expect.stringContaining(
        'No main article could be picked out of the page, so the text of the whole page was imported',
      ),
    ]);
  });

  it('takes a page too deeply nested for Readability whole, with a warning', () => {
    const page = extractText({
      text: `${'<div>'.repeat(101)}<p>Deep but fine.</p>${'</div>'.repeat(101)}`,
      format: 'html',
    });
    expect(page.text).toBe('Deep but fine.');
    expect(page.warnings).toEqual([expect.stringContaining('too deeply nested to pick out its main article')]);
  });

  it('refuses a page with no readable text', () => {
    const error = appErrorOf(() =>
      extractText({
        bytes: utf8('<html><head><script>document.write("hi")</script></head><body><img src="a.png"></body></html>'),
        fileName: 'app.html',
      }),
    );
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.message).toContain('"app.html" has no readable text');
  });
});

describe('right-to-left text', () => {
  const result = extractText({ bytes: utf8(RTL_ARTICLE.html), fileName: RTL_ARTICLE.fileName });

  it('comes out in logical order, paragraph by paragraph, in document order', () => {
    let previous = -1;
    for (const paragraph of RTL_ARTICLE.expected.paragraphs) {
      const at = result.text.indexOf(paragraph);
      expect(at, paragraph).toBeGreaterThan(previous);
      previous = at;
    }
    // Logical order: the text starts with the first letter typed, alef, not the last one painted on the left.
    expect(result.text.startsWith('ارتفعت')).toBe(true);
    expect(result.text).toContain('abc');
    expect(result.text).not.toContain('cba');
  });

  it('keeps RLM but no bidi override or isolate controls', () => {
    expect(result.text).toContain('2024\u200F,');
    expect(result.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('reads the title, language and publisher', () => {
    expect(result.title).toBe(RTL_ARTICLE.expected.title);
    expect(result.language).toBe(RTL_ARTICLE.expected.language);
    expect(result.publisher).toBe(RTL_ARTICLE.expected.publisher);
  });
});
