// Right-to-left sources: Arabic and Hebrew lines run right to left, and a passage selected in
// them — with an emoji inside, even when the selection starts in the middle of it — is cited
// and highlighted exactly: the stored quote is the selected text and its offsets are where
// that text is in the stored source.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appErrors, expectAccessible, highlightedText, selectRange } from './support';
import { useApp } from './useApp';

const ARABIC_TITLE = 'تقرير الميناء';
const ARABIC_LINE = 'رست ثلاث ناقلات في المحطة الشمالية لميناء هالفيك يوم ١٢ مايو، وغادرت واحدة مساءً.';
const HEBREW_LINE = 'דיווח הנמל: שלוש מכליות עגנו במסוף הצפוני 🚢 ביום שלישי בבוקר.';
const MIXED_LINE = 'Mixed line: the tanker «نجمة الشمال» (כוכב הצפון) docked at 06:40 ⚓️.';
const TEXT = [ARABIC_TITLE, '', ARABIC_LINE, HEBREW_LINE, '', MIXED_LINE].join('\n');

const ARABIC_PASSAGE = 'ثلاث ناقلات في المحطة الشمالية';
const HEBREW_PASSAGE = 'במסוף הצפוני 🚢 ביום שלישי';

describe('right-to-left sources', () => {
  const app = useApp();
  let page: Page;

  beforeAll(() => {
    page = app.page;
  });

  /** Creates a card from the reader's current selection and returns the stored claim. */
  async function cardFromSelection(statement: string) {
    await page.getByRole('button', { name: /Create claim card/ }).click();
    const form = page.getByRole('form', { name: 'New claim card' });
    await form.getByLabel('Statement').fill(statement);
    await form.getByRole('button', { name: /Create card/ }).click();
    await page.getByRole('form', { name: /Claim card/ }).waitFor();
    const hits = await app.library.invoke('claims.search', { query: '' });
    return hits.hits.find((h) => h.statement === statement)!;
  }

  it('imports pasted Arabic and Hebrew text and lays each line out in its own direction', async () => {
    await page.getByRole('button', { name: 'Paste text…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste text as a source' });
    await dialog.getByLabel('Title').fill('Halvik port — Arabic and Hebrew reports');
    await dialog.getByLabel('Text').fill(TEXT);
    await dialog.getByRole('button', { name: 'Import text' }).click();
    await page.locator('.reader__text').waitFor();

    const directions = await page
      .locator('.reader__line')
      .evaluateAll((lines) => lines.map((l) => [l.textContent, getComputedStyle(l).direction]));
    expect(directions).toEqual([
      [ARABIC_TITLE, 'rtl'],
      ['', 'ltr'],
      [ARABIC_LINE, 'rtl'],
      [HEBREW_LINE, 'rtl'],
      ['', 'ltr'],
      [MIXED_LINE, 'ltr'],
    ]);
  });

  it('cites an Arabic passage exactly', async () => {
    await selectRange(page, ARABIC_PASSAGE);
    await expect.poll(() => page.locator('.reader__selection').getAttribute('title')).toBe(ARABIC_PASSAGE);
    const claim = await cardFromSelection('Three tankers were moored at the northern terminal.');
    const { text } = await app.library.invoke('sources.get', { sourceId: 1 });
    const citation = claim.citations[0]!;
    expect(citation.exact).toBe(ARABIC_PASSAGE);
    expect([citation.start, citation.end]).toEqual([
      text.indexOf(ARABIC_PASSAGE),
      text.indexOf(ARABIC_PASSAGE) + ARABIC_PASSAGE.length,
    ]);
    await page.getByRole('tab', { name: 'Sources' }).click();
    await expect.poll(() => highlightedText(page, citation.id)).toBe(ARABIC_PASSAGE);
  });

  it('cites a Hebrew passage with an emoji, widening a selection that starts inside the emoji', async () => {
    await selectRange(page, HEBREW_PASSAGE);
    await expect.poll(() => page.locator('.reader__selection').getAttribute('title')).toBe(HEBREW_PASSAGE);
    const claim = await cardFromSelection('The tankers berthed at the northern terminal on Tuesday.');
    const { text } = await app.library.invoke('sources.get', { sourceId: 1 });
    const citation = claim.citations[0]!;
    expect(citation.exact).toBe(HEBREW_PASSAGE);
    expect(citation.start).toBe(text.indexOf(HEBREW_PASSAGE));
    await page.getByRole('tab', { name: 'Sources' }).click();
    await expect.poll(() => highlightedText(page, citation.id)).toBe(HEBREW_PASSAGE);

    // A selection from the second half of the ship emoji (a surrogate pair) to the end of the line.
    await page.evaluate(() => {
      const line = [...document.querySelectorAll('.reader__line')].find((l) => l.textContent.includes('🚢'))!;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const withShip = nodes.find((n) => n.data.includes('🚢'))!;
      const last = nodes[nodes.length - 1]!;
      const range = document.createRange();
      range.setStart(withShip, withShip.data.indexOf('🚢') + 1);
      range.setEnd(last, last.data.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    const expected = HEBREW_LINE.slice(HEBREW_LINE.indexOf('🚢'));
    await expect.poll(() => page.locator('.reader__selection').getAttribute('title')).toBe(expected);
  });

  it('imports a file dropped onto the Sources tab', async () => {
    await page.getByRole('tab', { name: 'Sources' }).click();
    await page.locator('.sources-panel').evaluate((panel) => {
      const data = new DataTransfer();
      data.items.add(new File(['שלוש מכליות עגנו במסוף הצפוני.'], 'דיווח-נמל.txt', { type: 'text/plain' }));
      panel.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
      panel.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    });
    await page.locator('.reader__title', { hasText: 'דיווח-נמל' }).waitFor();
    expect(
      await page
        .locator('.reader__line')
        .first()
        .evaluate((l) => [l.textContent, getComputedStyle(l).direction]),
    ).toEqual(['שלוש מכליות עגנו במסוף הצפוני.', 'rtl']);
    // Back to the mixed source for the screenshot below.
    await page.getByRole('button', { name: '← All sources' }).click();
    await page.locator('.source-list__open', { hasText: 'Arabic and Hebrew' }).click();
  });

  it('shows both passages highlighted in the right-to-left reader', async () => {
    await app.screenshot('20-right-to-left-reader');
    await expectAccessible(page, 'right-to-left reader');
    expect(appErrors(app)).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });
});
