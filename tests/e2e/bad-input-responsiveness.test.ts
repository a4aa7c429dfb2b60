// The window stays usable while a slow import runs. Asserted by order, not by milliseconds:
// the import is started, and while its "Importing…" progress is still showing, text typed into
// the brief appears and a claim-library search answers. If extraction held the process that
// answers the window's requests (the main process in the app, the harness here), the search
// could only answer after the import had finished.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUTS, buildBytes, type ByteRecipe } from '../fixtures/bad-input/corpus';
import { injectedElements } from './support';
import { useApp } from './useApp';

// The corpus's heavy page, made heavier still so that its extraction takes several seconds even
// on a fast machine: the window's answers must come while it is running.
const HEAVY = BAD_INPUTS.find((e) => e.name === 'HTML page heavy enough to take seconds to extract')!;
const HEAVIER: ByteRecipe = { ...(HEAVY.bytes as Extract<ByteRecipe, { kind: 'repeat' }>), count: 12_000 };

describe('the window while a slow import runs', () => {
  const app = useApp();
  let page: Page;
  beforeAll(async () => {
    page = app.page;
    await app.library.invoke('claims.create', { statement: 'The ferry to Korsund resumed service on Monday.' });
    const brief = await app.library.invoke('briefs.create', { title: 'Written during an import', template: 'empty' });
    await app.emit('library.changed');
    await page.locator(`#pane-briefs [data-brief-id="${brief.id}"]`).click();
    await page.locator('#pane-editor [contenteditable="true"]').waitFor();
  });

  it('takes typing and answers a search before the import has finished', { timeout: 120_000 }, async () => {
    const body = page.locator('#pane-editor [contenteditable="true"]');
    const importing = page.locator('.import-progress__item--importing');
    await page.getByRole('tab', { name: 'Sources' }).click();
    await page
      .locator('.sources-panel input[type=file]')
      .setInputFiles({ name: HEAVY.fileName, mimeType: HEAVY.mimeType, buffer: Buffer.from(buildBytes(HEAVIER)) });
    await importing.waitFor();
    expect(await importing.textContent()).toContain('Importing…');

    // Typing in the brief shows at once…
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Typed while importing.');
    await expect.poll(() => body.textContent()).toContain('Typed while importing.');
    expect(await importing.count(), 'the typed text showed while the import was still running').toBe(1);

    // …and so does the answer to a search of the library.
    await page.getByRole('tab', { name: 'Claim library' }).click();
    await page.getByRole('searchbox', { name: 'Search claim cards' }).fill('ferry');
    await page
      .locator('.claim-result', { hasText: 'The ferry to Korsund resumed service' })
      .waitFor({ timeout: 60_000 });
    expect(await importing.count(), 'the search answered while the import was still running').toBe(1);

    // Then the import finishes, with its text.
    await page.getByRole('tab', { name: 'Sources' }).click();
    await importing.waitFor({ state: 'detached', timeout: 90_000 });
    const sources = await app.library.invoke('sources.list', {});
    expect(sources.map((s) => s.title)).toContain('Heavy page');
    await page.locator('.reader__title', { hasText: 'Heavy page' }).waitFor();
    expect(await page.locator('.reader__text').textContent()).toContain('Last paragraph of a heavy page.');
    expect(await injectedElements(page)).toEqual([]);
  });
});
