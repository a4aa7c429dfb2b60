// The main flow with the keyboard alone — no mouse event at all: new brief, paste a source,
// find a passage, create a card citing it, insert the card into the brief, open its citation
// in the reader; then move the brief to the trash and restore it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrors, highlightedText } from './support';
import { useApp } from './useApp';
import { recordSockets, type SocketRecorder } from '../helpers/recordSockets';

const SOURCE =
  'Customs notice 14/2025\n\nThe Korsund rail ferry resumed service on 3 June after a two-week halt for repairs.';
const PASSAGE = 'resumed service on 3 June';

/** Presses Tab until the focused element matches `predicate` (at most `limit` presses). */
async function tabTo(page: Page, describe: string, predicate: (el: Element) => boolean, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${predicate.toString()})(document.activeElement)`)) return;
  }
  throw new Error(`Tab never reached ${describe}`);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('keyboard only', () => {
  const app = useApp();
  let sockets: SocketRecorder;
  let page: Page;
  let mouseEvents = 0;

  beforeAll(async () => {
    sockets = recordSockets();
    page = app.page;
    await page.exposeFunction('__countMouse', () => (mouseEvents += 1));
    await page.evaluate(() => {
      for (const type of ['mousedown', 'click', 'pointerdown'] as const) {
        window.addEventListener(
          type,
          (e) => e.isTrusted && e.detail > 0 && (window as unknown as { __countMouse: () => void }).__countMouse(),
          true,
        );
      }
    });
  });
  afterAll(() => {
    sockets?.stop();
  });

  it('creates a brief: Ctrl+N, type the title, Enter', async () => {
    await page.keyboard.press('Control+N');
    await page.getByRole('dialog', { name: 'New brief' }).waitFor();
    await page.keyboard.type('Ferry traffic');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#pane-briefs [aria-current="page"]').textContent())
      .toContain('Ferry traffic');
  });

  it('pastes a source: Alt+1, Tab to "Paste text…", type, Enter', async () => {
    await page.keyboard.press('Alt+1');
    await tabTo(page, 'Paste text…', (el) => el.textContent === 'Paste text…');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Paste text as a source' }).waitFor();
    await page.keyboard.type(SOURCE); // the text area has focus
    await page.keyboard.press('Shift+Tab'); // to the title
    await page.keyboard.type('Korsund customs notice');
    await page.keyboard.press('Enter');
    await page.locator('.reader__title', { hasText: 'Korsund customs notice' }).waitFor();
  });

  it('finds the passage (Ctrl+F) and creates a card from it (Ctrl+Shift+K, Ctrl+S)', async () => {
    await page.keyboard.press('Control+F');
    await page.keyboard.type(PASSAGE);
    // At once, as a fast typist would: the card must cite what was typed, not a prefix of it.
    await page.keyboard.press('Control+Shift+K');
    await page.getByRole('form', { name: 'New claim card' }).waitFor();
    await page.keyboard.type('Ferry service to Korsund resumed on 3 June.'); // the statement has focus
    await page.keyboard.press('Control+S');
    await page.getByRole('form', { name: /Claim card/ }).waitFor();
    const claim = await app.library.invoke('claims.get', { claimId: 1 });
    expect(claim.statement).toBe('Ferry service to Korsund resumed on 3 June.');
    expect(claim.citations.map((c) => c.exact)).toEqual([PASSAGE]);
  });

  it('inserts the card from the library: Alt+2, Tab, type, ↓, Ctrl+Enter', async () => {
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ferry');
    await expect.poll(() => page.locator('.claim-result').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-claim-id'))).toBe('1');
    await page.keyboard.press('Control+Enter');
    await page.locator('#pane-editor .be-card[data-claim-id="1"]').waitFor();
  });

  it('opens the citation in the reader: back to the card (Alt+2, Tab, ↓, Enter), Tab to "Show in source", Enter', async () => {
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: /Claim card/ }).waitFor();
    await tabTo(page, 'Show in source', (el) => el.textContent === 'Show in source');
    await page.keyboard.press('Enter');
    await page.locator('.reader__text mark.is-focused').first().waitFor();
    expect(await highlightedText(page, 1)).toBe(PASSAGE);
    expect(await page.evaluate(() => document.activeElement?.closest('mark')?.getAttribute('data-citations'))).toBe(
      '1',
    );
    await app.screenshot('40-keyboard-reader-at-citation');
  });

  it('moves the brief to the trash (Delete) and restores it from the trash', async () => {
    await page.locator('#pane-briefs [data-brief-id="1"]').focus();
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await app.library.invoke('briefs.get', { briefId: 1 })).deletedAt).not.toBeNull();
    await tabTo(page, 'the trash', (el) => el.tagName === 'SUMMARY');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Restore');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app.library.invoke('briefs.get', { briefId: 1 })).deletedAt).toBeNull();
  });

  it('needed no mouse, and stayed quiet', () => {
    expect(sockets.attempts).toEqual([]);
    expect(mouseEvents).toBe(0);
    expect(appErrors(app)).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });
});
