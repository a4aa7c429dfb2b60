// The brief editor in Chromium on a real library: the slash command inserts a card, autosave
// survives a reload, and the typing path re-renders no card and serializes nothing on caret moves.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appErrors } from './support';
import { useApp } from './useApp';

type Stats = { cardRenders: number; serializations: number; saves: number };
const stats = (page: Page) =>
  page.evaluate(() => ({ ...(window as unknown as { __briefingEditorStats: Stats }).__briefingEditorStats }));
const resetStats = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __briefingEditorStats: Record<string, number> }).__briefingEditorStats;
    for (const key of Object.keys(s)) s[key] = 0;
  });

describe('the brief editor', () => {
  const app = useApp();
  let page: Page;
  let briefId = 0;
  let claimId = 0;
  const STATEMENT = 'Three tankers were moored at the northern terminal.';

  const storedDocument = async () => JSON.stringify((await app.library.invoke('briefs.get', { briefId })).document);
  const body = () => page.locator('.be-content');

  beforeAll(async () => {
    page = app.page;
    const { sourceId } = await app.library.invoke('sources.import', {
      content: { text: 'Satellite imagery shows three tankers moored at the northern terminal of Port Halvik.' },
      metadata: { title: 'Halvik port report', reliability: 'B' },
    });
    claimId = (
      await app.library.invoke('claims.create', {
        statement: STATEMENT,
        credibility: 2,
        citations: [{ target: { sourceId, quote: 'three tankers moored at the northern terminal' } }],
      })
    ).id;
    briefId = (await app.library.invoke('briefs.create', { title: 'Halvik weekly', marking: 'TLP:GREEN' })).id;
    await app.emit('library.changed');
    await page.locator('[aria-label="Briefs"]').getByText('Halvik weekly').click();
    await page.waitForSelector('.be-content[contenteditable="true"]');
  });

  it('inserts a claim card with the /claim slash command', async () => {
    // The empty paragraph under "Key judgments" in the template.
    await body().locator('p').nth(1).click();
    await page.keyboard.type('/claim tankers');
    const item = page.locator('.be-typeahead__item', { hasText: 'Three tankers' });
    await item.waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => body().locator('.be-card').count()).toBe(1);
    expect(await body().locator('.be-card').textContent()).toContain(STATEMENT);
    expect(await body().textContent()).not.toContain('/claim');
    await expect.poll(storedDocument, { timeout: 10_000 }).toContain(`"claimId":${claimId}`);
    expect((await app.library.invoke('claims.usedIn', { claimId })).map((b) => b.briefId)).toEqual([briefId]);
  });

  it('autosaves what is typed, and the text is there after a reload', async () => {
    await body().locator('p').first().click();
    await page.keyboard.type('Tanker traffic at Halvik tripled this week.');
    await expect.poll(storedDocument, { timeout: 10_000 }).toContain('Tanker traffic at Halvik tripled this week.');
    await app.reload();
    const list = page.locator('[aria-label="Briefs"]');
    if (!(await page.locator('.be-content').count())) await list.getByText('Halvik weekly').click();
    await page.waitForSelector('.be-content[contenteditable="true"]');
    expect(await body().textContent()).toContain('Tanker traffic at Halvik tripled this week.');
    expect(await body().locator('.be-card').count()).toBe(1);
  });

  it('re-renders no card while typing away from it, and serializes nothing when only the caret moves', async () => {
    await body().locator('p').first().click();
    await page.keyboard.press('End');
    await resetStats(page);
    await page.keyboard.type(' Loading continued overnight.');
    expect((await stats(page)).cardRenders).toBe(0);
    await expect.poll(storedDocument, { timeout: 10_000 }).toContain('Loading continued overnight.');
    await page.waitForTimeout(1000);
    await resetStats(page);
    for (let i = 0; i < 20; i++) await page.keyboard.press(i % 2 ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForTimeout(1500); // longer than the autosave debounce
    expect(await stats(page)).toMatchObject({ serializations: 0, saves: 0, cardRenders: 0 });
  });

  it('logged no errors', () => {
    expect(appErrors(app)).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });
});
