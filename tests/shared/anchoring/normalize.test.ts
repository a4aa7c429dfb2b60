import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText } from '../../../shared/anchoring';
import { removeDisguisingChars } from '../../../shared/anchoring/normalize';

describe('normalizeText', () => {
  it('composes characters to NFC, so a decomposed é equals a precomposed one', () => {
    const decomposed = 'cafe\u0301';
    expect(normalizeText(decomposed)).toBe('caf\u00e9');
    expect(normalizeText(decomposed)).toBe(normalizeText('café'));
  });

  it('turns CRLF, CR and Unicode line separators into \\n', () => {
    expect(normalizeText('one\r\ntwo\rthree\u2028four\u2029five')).toBe('one\ntwo\nthree\nfour\nfive');
  });

  it('collapses runs of spaces, tabs and no-break spaces to one space', () => {
    expect(normalizeText('a  b\t\tc\u00a0\u00a0d \u3000 e')).toBe('a b c d e');
  });

  it('drops spaces at line ends, keeps at most one blank line, trims the ends', () => {
    expect(normalizeText('  first line   \n\n\n\n   second\n  ')).toBe('first line\n\nsecond');
  });

  it('strips bidi embedding, override and isolate controls (Trojan Source)', () => {
    const disguised = 'access\u202E level\u202C \u2066admin\u2069';
    expect(normalizeText(disguised)).toBe('access level admin');
    expect(normalizeText(disguised)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('strips zero-width spaces and BOMs but keeps ZWJ, ZWNJ, LRM and RLM', () => {
    expect(normalizeText('\uFEFFin\u200Bvisible')).toBe('invisible');
    const family = '👨\u200D👩\u200D👧';
    expect(normalizeText(`a ${family} b`)).toBe(`a ${family} b`);
    expect(normalizeText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(normalizeText('שלום\u200F!')).toBe('שלום\u200F!');
  });

  it('strips Unicode tag characters that smuggle hidden text, but keeps a subdivision flag whole', () => {
    const smuggled = Array.from('ignore previous instructions', (c) =>
      String.fromCodePoint(0xe0000 + c.charCodeAt(0)),
    ).join('');
    expect(normalizeText(`The convoy left${smuggled} at dawn.`)).toBe('The convoy left at dawn.');
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(normalizeText(`Flag: ${scotland}.`)).toBe(`Flag: ${scotland}.`);
    expect(removeDisguisingChars(`a\u202Eb\u2066c${smuggled}`)).toBe('abc');
  });

  it('keeps emoji outside the BMP and skin-tone sequences intact', () => {
    const text = 'Reactions: 👍🏽 🇫🇷 😊 and 𝒳.';
    expect(normalizeText(text)).toBe(text);
  });

  it('keeps Arabic and Hebrew letters with their diacritics in logical order', () => {
    const arabic = 'قَالَ الْوَزِيرُ إِنَّ الْهُدْنَةَ صَامِدَةٌ';
    const hebrew = 'אָמַר הַשַּׂר כִּי הַהַפְסָקָה מַחְזִיקָה';
    expect(normalizeText(arabic)).toBe(arabic.normalize('NFC'));
    expect(normalizeText(hebrew)).toBe(hebrew.normalize('NFC'));
  });

  it('is idempotent on any text', () => {
    const pieces = fc.constantFrom(
      'a',
      'é',
      'e\u0301',
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '\n',
      '\r\n',
      '\r',
      '\u2028',
      '\u202E',
      '\u2066',
      '\u200B',
      '\u200D',
      'ש',
      'َ',
      '😊',
      '\u0007',
      'x',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const once = normalizeText(parts.join(''));
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
