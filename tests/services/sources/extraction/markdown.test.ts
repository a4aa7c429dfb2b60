// Markdown (extraction/markdown.ts): rendered, then read as plain text; raw HTML inside is cleaned like a page.
import { describe, expect, it, vi } from 'vitest';
import { extractText } from '../../../../electron/services/sources/extraction';
import { domParses, utf8 } from './support';

// Counts every HTML parse, so tests can prove which inputs never reach jsdom.
vi.mock('jsdom', async (importOriginal) => (await import('./support')).countingJsdom(await importOriginal()));

describe('extractText: Markdown', () => {
  const source = [
    'Intro line before the title.',
    '',
    '# Field *report* from the north',
    '',
    'The convoy arrived at **dawn**; see [the log](javascript:alert(1)) and ![a photo](photo.jpg).',
    '',
    '## Observations',
    '',
    '- Road open',
    '- Bridge damaged',
    '',
    '1. First step',
    '2. Second step',
    '',
    '> Quoted witness statement.',
    '',
    '| Place | Status |',
    '|-------|--------|',
    '| Ford  | closed |',
    '',
    '`inline <code>` stays literal.',
  ].join('\n');

  it('renders the whole Markdown as plain text, with the first # heading as title', () => {
    const result = extractText({ bytes: utf8(source), fileName: 'report.md' });
    expect(result.format).toBe('markdown');
    expect(result.title).toBe('Field report from the north');
    expect(result.text).toBe(
      [
        'Intro line before the title.',
        '',
        'Field report from the north',
        '',
        'The convoy arrived at dawn; see the log and .',
        '',
        'Observations',
        '',
        '• Road open',
        '• Bridge damaged',
        '',
        '1. First step',
        '2. Second step',
        '',
        'Quoted witness statement.',
        '',
        'Place | Status',
        'Ford | closed',
        '',
        'inline <code> stays literal.',
      ].join('\n'),
    );
  });

  it('has no title when there is no # heading', () => {
    expect(extractText({ text: '## Only a subheading\n\nBody.', format: 'markdown' }).title).toBeNull();
  });

  it('cleans raw HTML inside Markdown like a web page', () => {
    const result = extractText({
      text: '# Notes\n\nVisible paragraph.\n\n<script>alert("PWNED")</script>\n\n<div style="display:none">PWNED hidden</div>\n\n<p onclick="alert(1)">Visible raw HTML.</p>',
      fileName: 'notes.markdown',
    });
    expect(result.title).toBe('Notes');
    expect(result.text).toBe('Notes\n\nVisible paragraph.\n\nVisible raw HTML.');
  });

  it('does not build a DOM for Markdown without raw HTML', () => {
    const before = domParses.count;
    extractText({ bytes: utf8(source), fileName: 'report.md' });
    expect(domParses.count).toBe(before);
  });

  it('builds a DOM for raw HTML inside Markdown, and only then', () => {
    const before = domParses.count;
    extractText({ text: 'Words and <b>raw HTML</b>.', format: 'markdown' });
    expect(domParses.count).toBeGreaterThan(before);
  });
});
