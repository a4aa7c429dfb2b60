// Plain text (extraction/text.ts): taken as it is, never parsed.
import { describe, expect, it, vi } from 'vitest';
import { extractText } from '../../../../electron/services/sources/extraction';
import { extractFromText } from '../../../../electron/services/sources/extraction/text';
import { RTL_ARTICLE } from '../../../fixtures/rtl/arabicHebrew';
import { domParses, utf8 } from './support';

// Counts every HTML parse, so tests can prove which inputs never reach jsdom.
vi.mock('jsdom', async (importOriginal) => (await import('./support')).countingJsdom(await importOriginal()));

describe('extractText: plain text', () => {
  it('returns the text normalized, with no title or other metadata', () => {
    const result = extractText({ bytes: utf8('First  line\r\n\r\n\r\n\r\nSecond\tline  \n'), fileName: 'notes.txt' });
    expect(result).toEqual({
      text: 'First line\n\nSecond line',
      format: 'text',
      title: null,
      author: null,
      publisher: null,
      publishedAt: null,
      language: null,
      warnings: [],
    });
  });

  it('keeps characters that look like Markdown or HTML as they are', () => {
    const result = extractText({ text: '# not a heading\n*not emphasis* and a <b>tag</b> in prose' });
    expect(result.format).toBe('text');
    expect(result.text).toBe('# not a heading\n*not emphasis* and a <b>tag</b> in prose');
  });

  it('never parses plain text as HTML, however large', () => {
    const line = 'The quick brown fox jumps over the lazy dog; analysts read it twice.\n';
    const bytes = utf8(line.repeat(Math.floor((10 * 1024 * 1024) / line.length)));
    const before = domParses.count;
    const result = extractText({ bytes, fileName: 'big.txt' });
    // No DOM was built (that would take jsdom tens of seconds); speed itself is the bench's business.
    expect(domParses.count).toBe(before);
    expect(result.text.length).toBeGreaterThan(10_000_000);
  });

  it('hands the text on untouched, for the front door to normalize', () => {
    expect(extractFromText('  <b>as</b>  it\r\nis ')).toEqual({
      text: '  <b>as</b>  it\r\nis ',
      title: null,
      author: null,
      publisher: null,
      publishedAt: null,
      language: null,
    });
  });
});

describe('right-to-left plain text', () => {
  it('passes right-to-left plain text through unchanged', () => {
    const text = RTL_ARTICLE.expected.paragraphs.join('\n\n');
    expect(extractText({ bytes: utf8(text), fileName: 'rtl.txt' }).text).toBe(text);
  });
});
