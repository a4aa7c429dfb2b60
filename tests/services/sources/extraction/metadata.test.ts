// What a document says about itself (extraction/metadata.ts): read from the page, cut to what the API takes.
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../../electron/services/sources/extraction';
import { authorName, oneLine, toIsoDate } from '../../../../electron/services/sources/extraction/metadata';
import { ARTICLE_PAGE } from '../fixtures/articlePage';
import { utf8 } from './support';

describe('metadata of a web page', () => {
  const result = extractText({ bytes: utf8(ARTICLE_PAGE), fileName: 'grain.html' });

  it('reads title, author, publisher, published date and language from the page', () => {
    expect(result.title).toBe('Grain prices climb after export ban');
    expect(result.author).toBe('Jane Doe');
    expect(result.publisher).toBe('The Example Times');
    expect(result.publishedAt).toBe('2024-03-05T09:30:00.000Z');
    expect(result.language).toBe('en-GB');
  });

  it('takes the date from <time datetime> and the title from <title> when there are no meta tags', () => {
    const page = extractText({
      text: '<html lang="fr"><head><title>Note de synthèse</title></head><body><p>Publié le <time datetime="2023-11-20">20 novembre</time>.</p></body></html>',
    });
    expect(page.title).toBe('Note de synthèse');
    expect(page.publishedAt).toBe('2023-11-20');
    expect(page.language).toBe('fr');
    expect(page.text).toBe('Publié le 20 novembre.');
  });

  it('reads author, publisher and date from JSON-LD when the page has no meta tags for them', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harbour reopens',
      datePublished: '2022-07-01T08:00:00Z',
      author: { '@type': 'Person', name: 'Omar Haddad' },
      publisher: { '@type': 'Organization', name: 'Coastal Herald' },
    });
    const page = extractText({
      text: `<html><head><title>Harbour reopens</title></head><body><script type="application/ld+json">${jsonLd}</script><article><p>${'The harbour reopened to shipping on Friday after repairs. '.repeat(12)}</p></article></body></html>`,
      format: 'html',
    });
    expect(page.author).toBe('Omar Haddad');
    expect(page.publisher).toBe('Coastal Herald');
    expect(page.publishedAt).toBe('2022-07-01T08:00:00.000Z');
    expect(page.text).not.toContain('schema.org');
  });
});

describe('metadata values', () => {
  it('writes dates in the ISO forms the API accepts, never inventing a zone, and drops what is no date', () => {
    const cases: Array<[string, string | null]> = [
      ['2024', '2024'],
      ['2024-02', '2024-02'],
      ['20240305', '2024-03-05'],
      ['2024/03/05', '2024-03-05'],
      ['2024-03-05T10:30', '2024-03-05'],
      ['2024-03-05T10:30:00+01:00', '2024-03-05T09:30:00.000Z'],
      ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05T10:00:00.000Z'],
      ['March 5, 2024', '2024-03-05'],
      ['2024-13', null],
      ['2024-02-30', null],
      ['0999-01-01', null],
      ['1', null],
      ['soon', null],
    ];
    for (const [raw, iso] of cases) expect(toIsoDate(raw), raw).toBe(iso);
  });

  it('makes one line no longer than the API takes, and nothing of blank text', () => {
    expect(oneLine('  Two\n  lines  ')).toBe('Two lines');
    expect(oneLine('x'.repeat(600))).toBe(`${'x'.repeat(499)}…`);
    expect(oneLine('   ')).toBeNull();
  });

  it('reads a byline as a name, and a profile URL as no name', () => {
    expect(authorName('By Jane Doe')).toBe('Jane Doe');
    expect(authorName('https://example.org/jane')).toBeNull();
  });
});
