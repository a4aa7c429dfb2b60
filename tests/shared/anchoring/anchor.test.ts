import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import {
  ACCEPT_SCORE,
  CONTEXT_LENGTH,
  createAnchor,
  findExactOccurrences,
  normalizeText,
  reanchor,
  type TextAnchor,
} from '../../../shared/anchoring';

const ARTICLE = normalizeText(`
The ministry of defence said on Tuesday that the ceasefire in the northern province was holding,
although local officials reported sporadic shelling near the river crossing during the night.

A spokesman for the regional council told reporters that 14 civilians had been evacuated from the
border villages and that humanitarian convoys would resume on Thursday if the roads were cleared.

Independent observers could not confirm either account. Talks between the parties are scheduled to
continue next week in the capital, according to a statement released by the mediators.
`);

function anchorOf(text: string, quote: string, occurrence = 0): TextAnchor {
  const at = findExactOccurrences(text, quote)[occurrence];
  if (at === undefined) throw new Error(`test setup: "${quote}" is not in the text`);
  return createAnchor(text, at, at + quote.length);
}

function hasSplitSurrogate(text: string, offset: number): boolean {
  const low = text.charCodeAt(offset);
  const high = text.charCodeAt(offset - 1);
  return offset > 0 && offset < text.length && low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
}

describe('createAnchor', () => {
  it('stores the range, the quoted text and 32 characters of context on each side', () => {
    const start = ARTICLE.indexOf('14 civilians');
    const anchor = createAnchor(ARTICLE, start, start + '14 civilians'.length);
    expect(anchor).toEqual({
      start,
      end: start + 12,
      exact: '14 civilians',
      prefix: ARTICLE.slice(start - CONTEXT_LENGTH, start),
      suffix: ARTICLE.slice(start + 12, start + 12 + CONTEXT_LENGTH),
    });
    expect(anchor.prefix).toHaveLength(32);
    expect(anchor.prefix.endsWith('reporters that ')).toBe(true);
  });

  it('keeps shorter context at the start and end of the document', () => {
    const first = createAnchor(ARTICLE, 0, 3);
    expect(first.prefix).toBe('');
    const last = createAnchor(ARTICLE, ARTICLE.length - 10, ARTICLE.length);
    expect(last.suffix).toBe('');
    expect(last.exact).toBe('mediators.');
  });

  it.each([
    ['empty', 5, 5],
    ['reversed', 10, 4],
    ['negative', -1, 4],
    ['past the end', 0, ARTICLE.length + 1],
    ['fractional', 1.5, 4],
  ])('refuses a %s range with INVALID_INPUT', (_name, start, end) => {
    let caught: unknown;
    try {
      createAnchor(ARTICLE, start, end);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('INVALID_INPUT');
    expect((caught as AppError).message).toMatch(/Select the passage again/);
  });

  it('widens a range that would cut an emoji (surrogate pair) in half', () => {
    const text = 'Crowds cheered 😊 at the border.';
    const emoji = text.indexOf('😊');
    expect(createAnchor(text, emoji + 1, emoji + 2)).toMatchObject({ start: emoji, end: emoji + 2, exact: '😊' });
    expect(createAnchor(text, 0, emoji + 1).exact).toBe('Crowds cheered 😊');
  });

  it('keeps skin tones, ZWJ families and flags whole', () => {
    const text = 'Votes: 👍🏽 from 👨‍👩‍👧 in 🇫🇷🇩🇪 today';
    const thumb = text.indexOf('👍');
    expect(createAnchor(text, thumb, thumb + 2).exact).toBe('👍🏽');
    const family = text.indexOf('👨');
    expect(createAnchor(text, family, family + 3).exact).toBe('👨‍👩‍👧');
    const flags = text.indexOf('🇫');
    expect(createAnchor(text, flags + 2, flags + 6).exact).toBe('🇫🇷🇩🇪');
    expect(createAnchor(text, flags + 4, flags + 8).exact).toBe('🇩🇪');
  });

  it('never separates an Arabic letter from its harakat', () => {
    const text = normalizeText('قَالَ الْوَزِيرُ إِنَّ الْهُدْنَةَ صَامِدَةٌ');
    const word = text.indexOf('الْوَزِيرُ');
    // A selection ending after the last letter but before its damma takes the damma too.
    const anchor = createAnchor(text, word, word + 'الْوَزِير'.length);
    expect(anchor.exact).toBe('الْوَزِيرُ');
    // A selection starting on a mark (the sukun) starts at its letter; one ending before a fatha takes it.
    expect(createAnchor(text, word + 2, word + 4).exact).toBe('لْوَ');
  });

  it('never separates a Hebrew letter from its niqqud', () => {
    const text = normalizeText('אָמַר הַשַּׂר כִּי הַהַפְסָקָה מַחְזִיקָה');
    const word = text.indexOf('הַשַּׂר');
    expect(createAnchor(text, word, word + 3).exact).toBe('הַשַּׂ');
  });

  it('never stores half an emoji in its context', () => {
    const text = `${'😊'.repeat(40)}QUOTE${'😊'.repeat(40)}`;
    const start = text.indexOf('QUOTE');
    // 32 code units back from an emoji boundary at an odd offset would cut a pair.
    const anchor = createAnchor(text, start - 1, start + 6);
    expect(anchor.exact).toBe('😊QUOTE😊');
    for (const context of [anchor.prefix, anchor.suffix]) expect(context).toBe([...context].join(''));
    expect(anchor.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(anchor.prefix + anchor.suffix)).toBe(false);
  });
});

describe('findExactOccurrences', () => {
  it('lists every occurrence, overlapping ones included', () => {
    expect(findExactOccurrences('abababa', 'aba')).toEqual([0, 2, 4]);
    expect(findExactOccurrences(ARTICLE, 'the')).toHaveLength(ARTICLE.split('the').length - 1);
  });

  it('finds nothing for an empty or absent quote', () => {
    expect(findExactOccurrences(ARTICLE, '')).toEqual([]);
    expect(findExactOccurrences(ARTICLE, 'armistice')).toEqual([]);
  });

  it('does not count a match that would cut a character', () => {
    expect(findExactOccurrences('a 👍🏽 b 👍 c', '👍')).toEqual(['a 👍🏽 b '.length]);
    expect(findExactOccurrences('كتبَ كتب', 'كتب')).toEqual([5]);
  });
});

describe('reanchor', () => {
  const quote = 'humanitarian convoys would resume on Thursday';

  it('finds an unchanged passage at its stored position', () => {
    const anchor = anchorOf(ARTICLE, quote);
    expect(reanchor(anchor, ARTICLE)).toEqual({ status: 'exact', anchor, score: 1 });
  });

  it('follows a passage that moved because text was inserted before it', () => {
    const anchor = anchorOf(ARTICLE, quote);
    const newText = `UPDATE: this article was amended at 14:00.\n\n${ARTICLE}`;
    const result = reanchor(anchor, newText);
    expect(result.status).toBe('exact');
    if (result.status !== 'exact') return;
    expect(result.anchor.start).toBe(newText.indexOf(quote));
    expect(result.anchor.exact).toBe(quote);
    expect(result.anchor.prefix).toBe(anchor.prefix);
  });

  it('rebuilds the context from the new text when the surroundings changed', () => {
    const anchor = anchorOf(ARTICLE, quote);
    const newText = ARTICLE.replace('and that humanitarian', 'and added that humanitarian');
    const result = reanchor(anchor, newText);
    expect(result.status).toBe('exact');
    if (result.status === 'exact') expect(result.anchor.prefix.endsWith('and added that ')).toBe(true);
  });

  it('returns fuzzy with the edited text when the quote itself was edited', () => {
    const anchor = anchorOf(ARTICLE, quote);
    const newText = ARTICLE.replace('would resume on Thursday', 'will resume on Thursday');
    const result = reanchor(anchor, newText);
    expect(result.status).toBe('fuzzy');
    if (result.status !== 'fuzzy') return;
    expect(result.anchor.exact).toBe('humanitarian convoys will resume on Thursday');
    expect(result.anchor.start).toBe(newText.indexOf('humanitarian convoys'));
    expect(result.score).toBeGreaterThanOrEqual(ACCEPT_SCORE);
    expect(result.score).toBeLessThan(1);
  });

  it('finds an edited passage that also moved far away', () => {
    const anchor = anchorOf(ARTICLE, quote);
    const preface = 'Background. '.repeat(2000);
    const newText = preface + ARTICLE.replace('would resume', 'would only resume');
    const result = reanchor(anchor, newText);
    expect(result.status).toBe('fuzzy');
    if (result.status === 'fuzzy')
      expect(result.anchor.exact).toBe('humanitarian convoys would only resume on Thursday');
  });

  it('orphans a quote whose passage was deleted', () => {
    const anchor = anchorOf(ARTICLE, quote);
    const sentence = ARTICLE.slice(ARTICLE.indexOf('A spokesman'), ARTICLE.indexOf('Independent'));
    expect(reanchor(anchor, ARTICLE.replace(sentence, ''))).toEqual({ status: 'orphaned', score: null });
  });

  it('orphans a quote that was rewritten beyond recognition', () => {
    const anchor = anchorOf(ARTICLE, quote);
    const newText = ARTICLE.replace(quote, 'aid deliveries might restart later this week');
    expect(reanchor(anchor, newText).status).toBe('orphaned');
  });

  it('does not move a deleted quote onto a near-identical sentence elsewhere', () => {
    const text = normalizeText(
      `${ARTICLE}\n\nIn a later briefing, officials said humanitarian convoys could resume on Thursday at the earliest.`,
    );
    const anchor = anchorOf(text, quote);
    const sentence = text.slice(text.indexOf('A spokesman'), text.indexOf('Independent'));
    expect(reanchor(anchor, text.replace(sentence, '')).status).toBe('orphaned');
  });

  it('follows a long quote whose preceding sentence was deleted (one side of its context gone)', () => {
    const anchor = anchorOf(ARTICLE, quote);
    const newText = ARTICLE.replace(
      /A spokesman for the regional council told reporters that 14 civilians had been evacuated from the\s+border villages and that /,
      '',
    );
    const result = reanchor(anchor, newText);
    expect(result.status).toBe('exact');
    if (result.status === 'exact') expect(result.anchor.start).toBe(newText.indexOf(quote));
  });

  it('follows the first sentence of a source when a line is added at the top', () => {
    const first = 'The ministry of defence said on Tuesday that the ceasefire in the northern province was holding,';
    const anchor = anchorOf(ARTICLE, first);
    expect(anchor.prefix).toBe('');
    const result = reanchor(anchor, `Updated 14:00 with the council's figures.\n\n${ARTICLE}`);
    expect(result.status).toBe('exact');
  });

  it('rejects a candidate whose context matches on one side only when the quote repeats', () => {
    const refrain = 'The figures could not be independently verified.';
    const text = normalizeText(
      `${ARTICLE} ${refrain}\n\nLater, the council published new numbers. ${refrain} Officials declined to comment further.`,
    );
    const anchor = anchorOf(text, refrain, 1);
    // The sentence before the second refrain is rewritten: only its suffix still matches, and
    // the words also stand elsewhere, so the anchor cannot tell which refrain is its own.
    const newText = text.replace(
      'Later, the council published new numbers.',
      'A statement from an unnamed official followed that evening.',
    );
    expect(reanchor(anchor, newText).status).toBe('orphaned');
  });

  describe('repeated passages', () => {
    const refrain = 'No comment at this time.';
    const text = normalizeText(
      `Asked about the shelling, the general said: ${refrain} Asked about the convoys, the minister said: ${refrain} The briefing ended.`,
    );

    it('picks the occurrence whose context matches, even when the other one is nearer', () => {
      const anchor = anchorOf(text, refrain, 1);
      // Deleting the first question moves the second refrain near the first one's old place.
      const newText = text.replace('Asked about the shelling, the general said: ', '');
      const result = reanchor(anchor, newText);
      expect(result.status).toBe('exact');
      if (result.status === 'exact') expect(result.anchor.prefix).toContain('minister said: ');
      if (result.status === 'exact') expect(result.anchor.start).toBe(newText.lastIndexOf(refrain));
    });

    it('prefers the nearest occurrence when the contexts are identical', () => {
      const twice = `${ARTICLE}\n\n${ARTICLE}`;
      const second = findExactOccurrences(twice, quote)[1]!;
      const anchor = createAnchor(twice, second, second + quote.length);
      const newText = `Correction appended.\n\n${twice}`;
      const result = reanchor(anchor, newText);
      expect(result.status).toBe('exact');
      if (result.status === 'exact') expect(result.anchor.start).toBe(findExactOccurrences(newText, quote)[1]);
    });

    it('orphans a repeated quote whose own occurrence was deleted', () => {
      const anchor = anchorOf(text, refrain, 1);
      const newText = text.replace(`Asked about the convoys, the minister said: ${refrain} `, '');
      expect(reanchor(anchor, newText).status).toBe('orphaned');
    });
  });

  describe('short quotes', () => {
    it('follows a short quote whose context is intact', () => {
      const anchor = anchorOf(ARTICLE, '14');
      const result = reanchor(anchor, `Updated.\n\n${ARTICLE}`);
      expect(result.status).toBe('exact');
      if (result.status === 'exact') expect(result.anchor.suffix).toBe(anchor.suffix);
    });

    it('never lands on another occurrence of a deleted short quote', () => {
      const anchor = anchorOf(ARTICLE, 'the', 0);
      const newText = ARTICLE.replace('said on Tuesday that the ceasefire', 'said on Tuesday that ceasefire');
      expect(findExactOccurrences(newText, 'the').length).toBeGreaterThan(5);
      expect(reanchor(anchor, newText).status).toBe('orphaned');
    });

    it('finds a short quote with one typo fixed when both sides of its context are intact', () => {
      const text = ARTICLE.replace('14 civilians', '14 civilans');
      const anchor = anchorOf(text, 'civilans');
      const result = reanchor(anchor, ARTICLE);
      expect(result).toMatchObject({
        status: 'fuzzy',
        anchor: { exact: 'civilians', start: ARTICLE.indexOf('civilians') },
      });
    });

    it('orphans a short quote that lost one side of its context', () => {
      const anchor = anchorOf(ARTICLE, '14 civilians');
      const newText = ARTICLE.replace(
        'told reporters that 14 civilians',
        'said in a written statement issued late on Monday that 14 civilians',
      );
      expect(reanchor(anchor, newText).status).toBe('orphaned');
    });

    it('does not move a deleted letter onto the same letter beside it', () => {
      // "ceasefire": cite the second "e", then delete it with its neighbours. The first "e" is two
      // characters away with a context that still looks right, but "deleted here" explains the text better.
      const at = ARTICLE.indexOf('ceasefire') + 4;
      const anchor = createAnchor(ARTICLE, at, at + 1);
      expect(reanchor(anchor, ARTICLE.replace('ceasefire', 'ceaire')).status).toBe('orphaned');
      expect(reanchor(anchor, ARTICLE.replace('ceasefire', 'ceasire')).status).toBe('orphaned');
    });

    it('never lands on a look-alike of an edited short quote', () => {
      const anchor = anchorOf(ARTICLE, 'Thursday');
      // "Thursday" becomes "Friday"; "Tuesday", two edits from the quote, is still in the text.
      const newText = ARTICLE.replace('resume on Thursday', 'resume on Friday');
      expect(reanchor(anchor, newText).status).toBe('orphaned');
    });
  });

  describe('right-to-left text', () => {
    const arabic = normalizeText(
      'أعلنت وزارة الدفاع يوم الثلاثاء أنَّ وَقْفَ إطلاقِ النارِ في المحافظة الشمالية صامدٌ، رغم تقارير عن قصف متقطع قرب المعبر.',
    );
    const arabicQuote = 'وَقْفَ إطلاقِ النارِ في المحافظة الشمالية صامدٌ';
    const hebrew = normalizeText(
      'משרד הביטחון הודיע ביום שלישי כי הַהַפְסָקָה בַּמָּחוֹז הַצְּפוֹנִי מַחְזִיקָה, למרות דיווחים על הפגזות.',
    );
    const hebrewQuote = 'הַהַפְסָקָה בַּמָּחוֹז הַצְּפוֹנִי מַחְזִיקָה';

    it.each([
      ['Arabic', arabic, arabicQuote, 'تحديث: ', 'المحافظة', 'كل المحافظة'],
      ['Hebrew', hebrew, hebrewQuote, 'עדכון: ', 'מַחְזִיקָה', 'עדיין מַחְזִיקָה'],
    ])(
      '%s: follows a moved passage exactly and an edited one fuzzily, marks intact',
      (_lang, text, q, preface, word, edited) => {
        const anchor = anchorOf(text, q);
        const moved = reanchor(anchor, preface + text);
        expect(moved.status).toBe('exact');
        if (moved.status === 'exact') expect(moved.anchor.start).toBe(anchor.start + preface.length);

        const newText = text.replace(word, edited);
        const result = reanchor(anchor, newText);
        expect(result.status).toBe('fuzzy');
        if (result.status !== 'fuzzy') return;
        expect(result.anchor.exact).toContain(edited);
        // No mark is left outside the passage, and none starts it.
        expect(/^\p{M}/u.test(result.anchor.exact)).toBe(false);
        expect(/^\p{M}/u.test(result.anchor.suffix)).toBe(false);
      },
    );

    it('Arabic: a changed haraka inside the quote is a fuzzy match at the same place', () => {
      const anchor = anchorOf(arabic, arabicQuote);
      const newText = arabic.replace('إطلاقِ', 'إطلاقَ');
      const result = reanchor(anchor, newText);
      expect(result.status).toBe('fuzzy');
      if (result.status === 'fuzzy') expect(result.anchor).toMatchObject({ start: anchor.start, end: anchor.end });
    });
  });

  describe('characters outside the BMP', () => {
    const text = normalizeText(
      'Residents posted 😊😊 and 👍🏽 after the announcement that the border crossing would reopen 🚧 on Monday morning, officials said 🙏.',
    );

    it('follows a passage with emoji exactly', () => {
      const q = 'the border crossing would reopen 🚧 on Monday';
      const anchor = anchorOf(text, q);
      const result = reanchor(anchor, `🔴 LIVE: ${text}`);
      expect(result).toMatchObject({ status: 'exact', anchor: { exact: q } });
    });

    it('never returns a fuzzy range that cuts an emoji in half', () => {
      const q = '😊😊 and 👍🏽 after the announcement that the border';
      const anchor = anchorOf(text, q);
      for (const [from, to] of [
        ['😊😊', '😢😊'],
        ['👍🏽', '👍🏿'],
        ['😊😊 and', '🙂 and'],
        ['the border', 'the 🌍 border'],
      ]) {
        const newText = text.replace(from!, to!);
        const result = reanchor(anchor, newText);
        expect(result.status).not.toBe('orphaned');
        if (result.status === 'orphaned') continue;
        expect(hasSplitSurrogate(newText, result.anchor.start)).toBe(false);
        expect(hasSplitSurrogate(newText, result.anchor.end)).toBe(false);
        expect(result.anchor.exact).toBe(newText.slice(result.anchor.start, result.anchor.end));
        expect(result.anchor.exact).toContain('after the announcement');
      }
    });
  });
});
