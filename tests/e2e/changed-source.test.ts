// When a source is re-imported with edits, its citations follow the text where they can and
// say so honestly where they cannot: an edited passage is shown as found approximately, a
// deleted one as no longer in the source, with the quote it was made with and a way to see
// it in the version it came from.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appErrors, expectAccessible, highlightedText } from './support';
import { useApp } from './useApp';

const VERSION_1 = [
  'Border crossing log, 14 March',
  '',
  'The convoy of six trucks crossed the border at dawn on Friday, escorted by two police vehicles.',
  'Officials at the crossing confirmed that the shipment was declared as medical supplies.',
  'The trucks continued north toward the regional depot.',
].join('\n');
const VERSION_2 = [
  'Border crossing log, 14 March (corrected)',
  '',
  'The convoy of seven trucks crossed the border at dawn on Friday, escorted by two police vehicles.',
  'The trucks continued north toward the regional depot.',
].join('\n');

const EDITED_QUOTE = 'convoy of six trucks crossed the border at dawn on Friday';
const DELETED_QUOTE = 'the shipment was declared as medical supplies';

describe('citations after the source changes', () => {
  const app = useApp();
  let page: Page;
  const ids = { source: 0, fuzzyClaim: 0, orphanClaim: 0 };

  beforeAll(async () => {
    page = app.page;
    const lib = app.library;
    ids.source = (
      await lib.invoke('sources.import', {
        content: { text: VERSION_1, fileName: 'crossing-log.txt' },
        metadata: { title: 'Crossing log', reliability: 'C' },
      })
    ).sourceId;
    ids.fuzzyClaim = (
      await lib.invoke('claims.create', {
        statement: 'A convoy of six trucks crossed at dawn.',
        credibility: 2,
        citations: [{ target: { sourceId: ids.source, quote: EDITED_QUOTE }, stance: 'supports' }],
      })
    ).id;
    ids.orphanClaim = (
      await lib.invoke('claims.create', {
        statement: 'The cargo was declared as medical supplies.',
        credibility: 3,
        citations: [{ target: { sourceId: ids.source, quote: DELETED_QUOTE }, stance: 'supports' }],
      })
    ).id;
    const reimport = await lib.invoke('sources.import', {
      content: { text: VERSION_2, fileName: 'crossing-log.txt' },
      sourceId: ids.source,
    });
    expect(reimport.reanchor).toEqual({ exact: 0, fuzzy: 1, orphaned: 1 });
    await app.emit('library.changed');
  });

  async function showCitationOf(claimId: number) {
    await page.getByRole('tab', { name: 'Claim library' }).click();
    await page.locator(`.claim-result[data-claim-id="${claimId}"]`).getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: /Claim card/ });
    await form.waitFor();
    return form;
  }

  it('marks an edited passage as found approximately and shows where it is now', async () => {
    const form = await showCitationOf(ids.fuzzyClaim);
    expect(await form.locator('.badge--fuzzy').textContent()).toMatch(/approximate · \d+ %/);
    await form.getByRole('button', { name: 'Show in source' }).click();

    const banner = page.locator('.banner--warning', { hasText: 'Found approximately' });
    await banner.waitFor();
    const citation = (await app.library.invoke('claims.get', { claimId: ids.fuzzyClaim })).citations[0]!;
    expect(await highlightedText(page, citation.id)).toBe(VERSION_2.slice(citation.start!, citation.end!));
    expect(await highlightedText(page, citation.id)).toContain('seven trucks');
    expect(await page.locator('mark.is-focused').first().getAttribute('class')).toContain('reader__mark--fuzzy');
    await app.screenshot('60-reader-fuzzy-citation');
    await expectAccessible(page, 'reader at a fuzzy citation');
  });

  it('shows a passage that is gone as such, with its stored quote, and finds it in the old version', async () => {
    const form = await showCitationOf(ids.orphanClaim);
    expect(await form.locator('.badge--orphaned').textContent()).toBe('passage not found');
    await form.getByRole('button', { name: 'Show in source' }).click();

    const banner = page.locator('.banner--danger', { hasText: 'no longer in the current version' });
    await banner.waitFor();
    expect(await banner.locator('blockquote').textContent()).toBe(DELETED_QUOTE);
    // Focus goes to the explanation, since there is no passage to go to.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('banner--danger'))).toBe(true);
    expect(await page.locator('.reader__orphans summary').textContent()).toBe(
      '1 citation could not be found in this version',
    );
    expect(await page.locator('.reader__text').textContent()).not.toContain(DELETED_QUOTE);
    await app.screenshot('61-reader-orphaned-citation');
    await expectAccessible(page, 'reader at an orphaned citation');

    await banner.getByRole('button', { name: 'Show the version it was last found in' }).click();
    await page.getByText('You are reading version 1 of 2').waitFor();
    const citation = (await app.library.invoke('claims.get', { claimId: ids.orphanClaim })).citations[0]!;
    await expect.poll(() => highlightedText(page, citation.id)).toBe(DELETED_QUOTE);
    expect(await page.locator(`mark[data-citations~="${citation.id}"]`).first().getAttribute('class')).toContain(
      'reader__mark--orphaned',
    );
    // An old version can be read but not cited.
    expect(await page.getByRole('button', { name: /Create claim card/ }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Go to the current version' }).click();
    await page.getByText('You are reading version 1 of 2').waitFor({ state: 'detached' });
  });

  it('lets the version be picked from the reader', async () => {
    await page.getByLabel('Version', { exact: true }).selectOption({ index: 1 });
    await page.getByText('You are reading version 1 of 2').waitFor();
    expect(appErrors(app)).toEqual([]);
  });
});
