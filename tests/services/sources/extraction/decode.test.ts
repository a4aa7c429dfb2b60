// Bytes to text (extraction/decode.ts): UTF-8 or UTF-16 with a byte-order mark, and nothing guessed.
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../../electron/services/sources/extraction';
import { decodeBytes } from '../../../../electron/services/sources/extraction/decode';
import { appErrorOf, utf8 } from './support';

describe('decoding', () => {
  it('strips a UTF-8 byte-order mark', () => {
    const result = extractText({ bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Café')]), fileName: 'bom.txt' });
    expect(result.text).toBe('Café');
  });

  it('decodes UTF-16 little- and big-endian with a byte-order mark', () => {
    const text = 'Résumé: שלום, مرحبا, 日本 😀';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    be[0] = 0xfe;
    be[1] = 0xff;
    expect(extractText({ bytes: le, fileName: 'le.txt' }).text).toBe(text);
    expect(extractText({ bytes: be, fileName: 'be.txt' }).text).toBe(text);
  });

  it('refuses invalid UTF-8 rather than guess (no mojibake)', () => {
    const latin1 = Buffer.from('Café au lait, naïve façade', 'latin1');
    const error = appErrorOf(() => extractText({ bytes: latin1, fileName: 'legacy.txt' }));
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.message).toContain('"legacy.txt" is not UTF-8 text');
    expect(error.message).toContain('save it as UTF-8');
  });

  it('refuses UTF-16 without a byte-order mark with a hint', () => {
    const error = appErrorOf(() =>
      extractText({ bytes: Buffer.from('Hello, world', 'utf16le'), fileName: 'nobom.txt' }),
    );
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.message).toContain('UTF-16 text without a byte-order mark');
  });

  it('names what a binary file looks like', () => {
    const cases: Array<[string, number[], string]> = [
      ['report.txt', [...utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj')], 'looks like a PDF; export it as text or HTML first'],
      ['photo.txt', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'looks like a PNG image'],
      ['photo.html', [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46], 'looks like a JPEG image'],
      ['anim.md', [...utf8('GIF89a'), 1, 0, 1, 0], 'looks like a GIF image'],
      [
        'memo.txt',
        [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, ...utf8('word/document.xml')],
        'looks like a Word document (.docx)',
      ],
      ['sheet.txt', [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, ...utf8('xl/workbook.xml')], 'looks like an Excel workbook'],
      ['bundle.txt', [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, ...utf8('data.csv')], 'looks like a ZIP archive'],
      ['old.txt', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], 'looks like an older Office document'],
      ['prog.txt', [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0], 'looks like a binary file'],
    ];
    for (const [fileName, bytes, message] of cases) {
      const error = appErrorOf(() => extractText({ bytes: new Uint8Array(bytes), fileName }));
      expect(error.code, fileName).toBe('UNSUPPORTED_FILE');
      expect(error.message, fileName).toContain(`"${fileName}" ${message}`);
    }
  });

  it('refuses valid UTF-8 that is mostly control characters', () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x41 : 1 + (i % 7)));
    const error = appErrorOf(() => extractText({ bytes, fileName: 'blob.txt' }));
    expect(error.message).toContain('looks like a binary file');
  });

  it('keeps a few stray NULs in otherwise valid UTF-8 (normalization drops them later)', () => {
    const bytes = new Uint8Array([
      ...utf8('a log line that was cut'),
      0,
      0,
      ...utf8(' short by a crash, then more lines'),
    ]);
    expect(decodeBytes(bytes, 'The file')).toBe(
      'a log line that was cut\u0000\u0000 short by a crash, then more lines',
    );
  });

  it('keeps the escape codes of a coloured log', () => {
    expect(decodeBytes(utf8('\u001b[31mred\u001b[0m log'), 'The file')).toBe('\u001b[31mred\u001b[0m log');
  });

  it('refuses UTF-32 and damaged UTF-16, naming the document as it was given', () => {
    const utf32 = appErrorOf(() => decodeBytes(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), '"wide.txt"'));
    expect(utf32.code).toBe('UNSUPPORTED_FILE');
    expect(utf32.message).toBe(
      '"wide.txt" is UTF-32 text, which cannot be imported; save it as UTF-8 and import it again.',
    );
    // A high surrogate followed by "A": not a character.
    const damaged = appErrorOf(() => decodeBytes(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), 'The file'));
    expect(damaged.message).toContain('The file starts like UTF-16 text but is damaged');
  });
});
