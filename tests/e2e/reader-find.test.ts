// Find in a long source, then "Create claim card" at once. On a long text the reader waits for
// typing to pause before it searches; a shortcut pressed inside that pause must still cite the
// whole phrase typed, never the match of a shorter query or nothing at all.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appErrors } from './support';
import { useApp } from './useApp';

const PASSAGE = 'crossed the border at Narva at dawn';
// Well past the reader's long-text threshold (100,000 characters), with the passage near the end.
const LONG_SOURCE = `${'Routine traffic was recorded at every checkpoint. '.repeat(2500)}\n\nThe convoy ${PASSAGE} on Tuesday.`;

describe('find in a long source, then create a card at once', () => {
  const app = useApp();
  let page: Page;

  beforeAll(async () => {
    page = app.page;
    await app.library.invoke('sources.import', {
      content: { text: LONG_SOURCE, format: 'text' },
      metadata: { title: 'Border log' },
    });
    await app.emit('library.changed');
    await page
      .getByRole('button', { name: /Border log/ })
      .first()
      .click();
    await page.locator('.reader__title', { hasText: 'Border log' }).waitFor();
  });

  it('cites the whole phrase typed, even before find has settled', async () => {
    await page.keyboard.press('Control+F');
    await page.keyboard.type(PASSAGE);
    await page.keyboard.press('Control+Shift+K');
    const form = page.getByRole('form', { name: 'New claim card' });
    await form.waitFor();
    await expect.poll(() => form.locator('.citation-item__quote').textContent()).toBe(PASSAGE);
    expect(appErrors(app)).toEqual([]);
  });
});
