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

  it('composes a letter and its accent that an invisible or control character kept apart', () => {
    // A disguised "café" must find the same passage as a plain one, on the first pass and every later one.
    expect(normalizeText('cafe\u200B\u0301')).toBe('caf\u00e9');
    expect(normalizeText('cafe\u202E\u0007\u0301')).toBe('caf\u00e9');
    expect(normalizeText('e\u{E0062}\u0327')).toBe('\u0229');
  });

  it('turns a lone half of a surrogate pair into U+FFFD, never into a new character', () => {
    // Removing the control between the halves would otherwise join them into a hidden tag character.
    expect(normalizeText('a\uDB40\u0007\uDC67b')).toBe('a\uFFFD\uFFFDb');
    expect(normalizeText('\uD83D')).toBe('\uFFFD');
    expect(normalizeText('😊')).toBe('😊');
  });

  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(messyText, (raw) => {
        const once = normalizeText(raw);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 3000, seed: 20240611 },
    );
  });

  it('leaves nothing that it removes or rewrites, whatever the input', () => {
    fc.assert(
      fc.property(messyText, (raw) => {
        const out = normalizeText(raw);
        expect(out.normalize('NFC')).toBe(out);
        expect(out).not.toMatch(
          /[\r\u2028\u2029\u0085\t\u00a0\u200B\uFEFF\u2060\u202A-\u202E\u2066-\u2069]|\p{Cc}(?<!\n)| {2}| \n|\n | ^\s|\s$|\n{3}/u,
        );
        // Lone surrogate halves become U+FFFD, as SQLite's UTF-8 would store them.
        expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
      { numRuns: 3000, seed: 20240612 },
    );
  });
});

/**
 * Texts built from what makes normalization hard, next to each other in any order: letters and
 * combining marks that NFC composes (with invisible characters between them), bidi controls,
 * every kind of line end, spaces of all kinds, control characters, emoji joined by ZWJ, tag
 * characters and subdivision flags, lone surrogate halves, and random code points and code units.
 */
const messyText = fc
  .array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(
          // Letters, precomposed letters and combining marks (acute, grave, diaeresis, cedilla, Hebrew dagesh, Arabic fatha).
          'e',
          'a',
          'o',
          'c',
          'A',
          'ש',
          'ب',
          'é',
          '\u0301',
          '\u0300',
          '\u0308',
          '\u0327',
          '\u05BC',
          '\u064E',
          // Characters NFC replaces outright: EN QUAD and EM QUAD (spaces), combining acute tone mark, Angstrom sign.
          '\u2000',
          '\u2001',
          '\u0341',
          '\u212B',
          // Invisible characters: zero-width space, BOM, word joiner, bidi embeddings, overrides and isolates.
          '\u200B',
          '\uFEFF',
          '\u2060',
          '\u202A',
          '\u202B',
          '\u202C',
          '\u202D',
          '\u202E',
          '\u2066',
          '\u2067',
          '\u2068',
          '\u2069',
          // Kept invisibles: ZWJ, ZWNJ, LRM, RLM.
          '\u200D',
          '\u200C',
          '\u200E',
          '\u200F',
          // Line ends of every kind.
          '\n',
          '\r',
          '\r\n',
          '\u2028',
          '\u2029',
          '\u0085',
          // Spaces.
          ' ',
          '\t',
          '\u00A0',
          '\u202F',
          '\u3000',
          // Control characters.
          '\u0000',
          '\u0007',
          '\u000B',
          '\u000C',
          '\u001F',
          '\u007F',
          '\u009F',
          // Emoji, skin tone, the ZWJ family, a subdivision flag in pieces, tag characters.
          '👨',
          '👩',
          '😊',
          '\u{1F3FD}',
          '👨\u200D👩\u200D👧',
          '\u{1F3F4}',
          '\u{E0067}',
          '\u{E0062}',
          '\u{E007F}',
          '\u{E0001}',
          // Halves of surrogate pairs: of an emoji and of a tag character.
          '\uD83D',
          '\uDE0A',
          '\uDB40',
          '\uDC67',
        ),
      },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));
