// Which reader a document goes to (extraction/format.ts): the extension, unless the content contradicts it.
import { describe, expect, it } from 'vitest';
import { detectFormat, extractText } from '../../../../electron/services/sources/extraction';
import { utf8 } from './support';

describe('format detection', () => {
  it('goes by extension, in any case', () => {
    expect(detectFormat('a.txt', 'x')).toBe('text');
    expect(detectFormat('a.TEXT', 'x')).toBe('text');
    expect(detectFormat('a.md', 'x')).toBe('markdown');
    expect(detectFormat('a.Markdown', 'x')).toBe('markdown');
    expect(detectFormat('a.html', '<p>x</p>')).toBe('html');
    expect(detectFormat('C:\\docs\\a.HTM', '<p>x</p>')).toBe('html');
    expect(detectFormat('/docs/a.xhtml', '<p>x</p>')).toBe('html');
  });

  it('reads an unknown extension, or no name, as text unless the content is an HTML document', () => {
    expect(detectFormat('data.csv', 'a,b\n1,2')).toBe('text');
    expect(detectFormat(undefined, '# looks like markdown')).toBe('text');
    expect(detectFormat(undefined, '  <!-- saved --><!DOCTYPE html><html><body>x</body></html>')).toBe('html');
  });

  it('reads a .txt or .md that holds an HTML document as HTML, and says so', () => {
    for (const start of [
      '<!doctype html>',
      '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
      '\n\n<HTML lang="en">',
      '<body>',
    ]) {
      expect(detectFormat('saved.txt', `${start}<p>Hello</p>`)).toBe('html');
    }
    const result = extractText({
      bytes: utf8(
        '<!DOCTYPE html><html><head><title>Saved page</title></head><body><p>Hello from a page.</p></body></html>',
      ),
      fileName: 'saved.txt',
    });
    expect(result.format).toBe('html');
    expect(result.text).toBe('Hello from a page.');
    expect(result.warnings).toContain(
      '"saved.txt" is named like a text file but contains an HTML document, so it was read as HTML.',
    );
    expect(detectFormat('page.md', '<!doctype html><p>x</p>')).toBe('html');
  });

  it('keeps a .txt that only mentions tags as text', () => {
    expect(detectFormat('howto.txt', 'Put <body> after </head> in your page.')).toBe('text');
  });

  it('reads an .html with no tags at all as text, and says so', () => {
    const result = extractText({
      bytes: utf8('Just words.\n\nNo markup & nothing else.'),
      fileName: 'empty-shell.html',
    });
    expect(result.format).toBe('text');
    expect(result.text).toBe('Just words.\n\nNo markup & nothing else.');
    expect(result.warnings).toEqual(['"empty-shell.html" contains no HTML tags, so it was read as plain text.']);
  });

  it('lets an explicit format win over the extension and the content', () => {
    const result = extractText({
      text: '<!doctype html><p>Shown as source</p>',
      fileName: 'page.html',
      format: 'text',
    });
    expect(result.format).toBe('text');
    expect(result.text).toBe('<!doctype html><p>Shown as source</p>');
    expect(result.warnings).toEqual([]);
  });
});
