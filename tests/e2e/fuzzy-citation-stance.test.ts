// An analyst's stance on a passage is their judgement, independent of how well the passage was
// found again after its source changed: changing the stance of a citation that is only found
// approximately keeps it that citation, still approximate, with its score and its quote.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appErrors } from './support';
import { useApp } from './useApp';

const VERSION_1 = [
  'Harbour watch, 2 May',
  '',
  'Three cargo ships docked at the northern pier late on Friday evening, guarded by coast police.',
  'The harbour master said inspections would take about a week.',
].join('\n');
const VERSION_2 = VERSION_1.replace('Three cargo ships docked', 'Four cargo ships docked');
const QUOTE = 'Three cargo ships docked at the northern pier late on Friday evening';

describe('changing the stance of an approximately found citation', () => {
  const app = useApp();
  let page: Page;
  let claimId = 0;

  beforeAll(async () => {
    page = app.page;
    const lib = app.library;
    const { sourceId } = await lib.invoke('sources.import', {
      content: { text: VERSION_1, fileName: 'harbour-watch.txt' },
      metadata: { title: 'Harbour watch', reliability: 'B' },
    });
    claimId = (
      await lib.invoke('claims.create', {
        statement: 'Three cargo ships docked on Friday.',
        citations: [{ target: { sourceId, quote: QUOTE }, stance: 'supports' }],
      })
    ).id;
    const reimport = await lib.invoke('sources.import', {
      content: { text: VERSION_2, fileName: 'harbour-watch.txt' },
      sourceId,
    });
    expect(reimport.reanchor).toEqual({ exact: 0, fuzzy: 1, orphaned: 0 });
    await app.emit('library.changed');
  });

  it('keeps the citation approximate, with its score and quote, after its stance changes', async () => {
    const before = (await app.library.invoke('claims.get', { claimId })).citations[0]!;
    expect(before.anchorStatus).toBe('fuzzy');
    const percent = `approximate · ${Math.round(before.score! * 100)} %`;

    await page.getByRole('tab', { name: 'Claim library' }).click();
    await page.locator(`.claim-result[data-claim-id="${claimId}"]`).getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: /Claim card/ });
    const row = form.locator('.citation-item');
    const stance = row.getByLabel('Stance');
    expect(await row.locator('.badge--fuzzy').textContent()).toBe(percent);
    expect(await stance.isEnabled()).toBe(true);

    // Clicking the label focuses the list; the arrow key picks the next stance, as a user would.
    await row.getByText('Stance', { exact: true }).click();
    expect(await stance.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');

    await expect
      .poll(async () => (await app.library.invoke('claims.get', { claimId })).citations.map((c) => c.stance))
      .toEqual(['contradicts']);
    await expect.poll(() => stance.inputValue()).toBe('contradicts');
    // Still the one citation the card had, still waiting for review, with what it quoted.
    expect(await row.count()).toBe(1);
    expect(await row.locator('.citation-item__source').textContent()).toContain(percent);
    expect(await row.locator('blockquote').textContent()).toBe(before.exact);
    const after = (await app.library.invoke('claims.get', { claimId })).citations[0]!;
    expect(after).toEqual({ ...before, stance: 'contradicts' });
    expect(await page.locator('.toast--error').count()).toBe(0);
    expect(appErrors(app)).toEqual([]);
  });
});
