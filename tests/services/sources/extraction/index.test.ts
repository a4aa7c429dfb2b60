// The front door (extraction/index.ts): what every format shares — one input, no empty documents,
// and the hash an import is recognized by.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extractImportContent, extractText } from '../../../../electron/services/sources/extraction';
import { appErrorOf, utf8 } from './support';

describe('extractText', () => {
  it('refuses an empty or blank file', () => {
    for (const bytes of [new Uint8Array(0), utf8('  \n\t\r\n  '), new Uint8Array([0xef, 0xbb, 0xbf])]) {
      const error = appErrorOf(() => extractText({ bytes }));
      expect(error.code).toBe('UNSUPPORTED_FILE');
      expect(error.message).toContain('The file is empty');
    }
    expect(appErrorOf(() => extractText({ bytes: new Uint8Array(0), fileName: 'x.txt' })).message).toContain(
      'The file "x.txt" is empty',
    );
    expect(appErrorOf(() => extractText({ text: '   ' })).message).toContain('The text is empty');
  });

  it('refuses input that is both or neither of bytes and text', () => {
    expect(appErrorOf(() => extractText({ bytes: utf8('a'), text: 'a' })).code).toBe('INVALID_INPUT');
    expect(appErrorOf(() => extractText({})).code).toBe('INVALID_INPUT');
    expect(appErrorOf(() => extractText({ text: 'a', format: 'pdf' as never })).code).toBe('INVALID_INPUT');
  });
});

describe('extractImportContent', () => {
  it('decodes a file from base64 and hashes its normalized text, so the same words are recognized however they came', () => {
    const file = extractImportContent({ base64: Buffer.from('Same  words\r\n').toString('base64'), fileName: 'a.txt' });
    const pasted = extractImportContent({ text: 'Same words' });
    expect(file.text).toBe('Same words');
    expect(file.sha256).toBe(createHash('sha256').update('Same words', 'utf8').digest('hex'));
    expect(pasted.sha256).toBe(file.sha256);
  });

  it('passes the file name and format on to extraction', () => {
    const page = extractImportContent({ text: '<p>Hello</p>', format: 'html' });
    expect(page.format).toBe('html');
    expect(page.text).toBe('Hello');
    expect(extractImportContent({ text: '<p>Hello</p>', fileName: 'page.html' }).format).toBe('html');
  });
});
