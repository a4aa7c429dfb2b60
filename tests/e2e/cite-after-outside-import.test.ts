// A passage selected in the reader, then a new version of its source written by another process
// (the command line, on the same library file) before the citation is saved: the card cites the
// words the analyst selected, where they now stand, or the save is refused with a sentence that
// says why and nothing typed is lost. The page never compares versions; the library does.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appErrors, highlightedText, importFile, selectWithMouse } from './support';
import { useApp } from './useApp';

const run = promisify(execFile);
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const NEW_CARD_PASSAGE = 'Three cargo ships docked at the northern pier on Friday morning';
const GONE_PASSAGE = 'Customs officers inspected two of them before noon';
const EXISTING_CARD_PASSAGE = 'Fuel prices in the port district rose by twelve percent';
const LATER_GONE_PASSAGE = 'The harbour master expects more arrivals next week';

const V1 = [
  'Harbour report',
  '',
  `${NEW_CARD_PASSAGE}, according to the harbour master.`,
  `${GONE_PASSAGE} and found nothing to declare.`,
  `${EXISTING_CARD_PASSAGE} over the week.`,
  `${LATER_GONE_PASSAGE}, weather permitting.`,
].join('\n');
/** Each outside edit keeps most of the text, so it is plainly a new version of the same report. */
const V2 = V1.replace('Harbour report\n', 'Harbour report\n\nUpdated on Saturday with the customs figures.\n');
const V3 = V2.replace(`${GONE_PASSAGE} and found nothing to declare.\n`, '');
const V4 = V3.replace('Harbour report\n', 'Harbour report (corrected)\n\nFigures checked against the port log.\n');
const V5 = V4.replace(`${LATER_GONE_PASSAGE}, weather permitting.`, 'No arrivals are expected.');

describe('citing a passage after another process imported a new version of its source', () => {
  const app = useApp();
  let page: Page;

  beforeAll(async () => {
    page = app.page;
    await importFile(page, 'harbour-report.txt', V1);
    await page.locator('.reader__title', { hasText: 'harbour-report' }).waitFor();
  });

  /** The command line imports `text` as a new version of source 1: a second writer on the app's library file. */
  async function importElsewhere(text: string, name: string): Promise<number> {
    const file = join(app.dir, name);
    writeFileSync(file, text);
    const { stdout } = await run(
      process.execPath,
      ['electron/cli/bin.mjs', '--db', app.dbPath, 'import', '--source', '1', file, '--json'],
      { cwd: REPO_ROOT },
    );
    const { versionId, unchanged } = JSON.parse(stdout) as { versionId: number; unchanged: boolean };
    expect(unchanged).toBe(false);
    return versionId;
  }

  /** What the library now cites, and the current text at its offsets. */
  async function storedCitation(claimId: number) {
    const [citation] = (await app.library.invoke('claims.get', { claimId })).citations;
    const { text, version } = await app.library.invoke('sources.get', { sourceId: 1 });
    return {
      citation: citation!,
      currentVersionId: version.id,
      wordsThere: text.slice(citation!.start!, citation!.end!),
    };
  }

  const errorToast = () => page.locator('.toasts [role="alert"] .toast');

  it('a new card cites the words that were selected, where they now stand', async () => {
    await selectWithMouse(page, NEW_CARD_PASSAGE);
    await page.keyboard.press('Control+Shift+K');
    const form = page.getByRole('form', { name: 'New claim card' });
    await expect.poll(() => form.locator('.citation-item__quote').textContent()).toBe(NEW_CARD_PASSAGE);
    await form.getByLabel('Statement').fill('Three cargo ships docked on Friday.');

    const v2 = await importElsewhere(V2, 'report-v2.txt');
    await app.emit('library.changed');
    await form.getByRole('button', { name: /Create card/ }).click();
    await page.getByRole('form', { name: /Claim card/ }).waitFor();

    const { citation, currentVersionId, wordsThere } = await storedCitation(1);
    expect(currentVersionId).toBe(v2);
    expect(citation).toMatchObject({ versionId: v2, exact: NEW_CARD_PASSAGE, anchorStatus: 'exact' });
    expect(wordsThere).toBe(NEW_CARD_PASSAGE);
    // The reader, now on the new version, highlights those same words.
    await page.getByRole('tab', { name: 'Sources' }).click();
    await expect.poll(() => highlightedText(page, citation.id)).toBe(NEW_CARD_PASSAGE);
  });

  it('a new card whose passage is gone is refused with the reason, and keeps what was typed', async () => {
    await selectWithMouse(page, GONE_PASSAGE);
    await page.keyboard.press('Control+Shift+K');
    const form = page.getByRole('form', { name: 'New claim card' });
    await expect.poll(() => form.locator('.citation-item__quote').textContent()).toBe(GONE_PASSAGE);
    await form.getByLabel('Statement').fill('Customs inspected two ships.');
    await form.getByLabel('Information credibility').selectOption('2');

    await importElsewhere(V3, 'report-v3.txt');
    await app.emit('library.changed');
    await form.getByRole('button', { name: /Create card/ }).click();

    await errorToast().waitFor();
    expect(await errorToast().textContent()).toContain(
      `The passage “${GONE_PASSAGE}” is no longer in the current version of "harbour-report"`,
    );
    expect(await errorToast().textContent()).toContain('Reopen the source in the reader');
    // Nothing typed is lost, and nothing was stored.
    expect(await form.getByLabel('Statement').inputValue()).toBe('Customs inspected two ships.');
    expect(await form.getByLabel('Information credibility').inputValue()).toBe('2');
    expect(await form.locator('.citation-item__quote').textContent()).toBe(GONE_PASSAGE);
    expect((await app.library.invoke('claims.search', {})).total).toBe(1);
    await errorToast().getByRole('button', { name: 'Dismiss notification' }).click();
    await form.getByRole('button', { name: 'Discard' }).click();
  });

  /** Opens an uncited card in the inspector, then goes back to the reader (still open on its source). */
  async function existingCard(statement: string): Promise<number> {
    const { id } = await app.library.invoke('claims.create', { statement });
    await app.emit('library.changed');
    await page.getByRole('tab', { name: 'Claim library' }).click();
    await page.locator(`.claim-result[data-claim-id="${id}"]`).getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('form', { name: /Claim card/ }).waitFor();
    await page.getByRole('tab', { name: 'Sources' }).click();
    await page.locator('.reader__text').waitFor();
    return id;
  }

  it('"Add to card" on an existing card cites the words that were selected, where they now stand', async () => {
    const claimId = await existingCard('Fuel prices rose by twelve percent.');
    await selectWithMouse(page, EXISTING_CARD_PASSAGE);
    await expect.poll(() => page.locator('.reader__selection').textContent()).toContain('Fuel prices');

    // No "library changed" yet: the click can come before the app hears of the outside write.
    const v4 = await importElsewhere(V4, 'report-v4.txt');
    await page.getByRole('button', { name: 'Add to card' }).click();
    await page.locator('.toast', { hasText: 'Citation added' }).waitFor();

    const { citation, wordsThere } = await storedCitation(claimId);
    expect(citation).toMatchObject({ versionId: v4, exact: EXISTING_CARD_PASSAGE, anchorStatus: 'exact' });
    expect(wordsThere).toBe(EXISTING_CARD_PASSAGE);
  });

  it('"Add to card" of a passage that is gone is refused with the reason, and the card keeps its citations', async () => {
    await app.emit('library.changed');
    const claimId = await existingCard('More arrivals are expected.');
    await selectWithMouse(page, LATER_GONE_PASSAGE);
    await expect.poll(() => page.locator('.reader__selection').textContent()).toContain('harbour master expects');

    await importElsewhere(V5, 'report-v5.txt');
    await page.getByRole('button', { name: 'Add to card' }).click();

    await errorToast().waitFor();
    expect(await errorToast().textContent()).toContain(
      `The passage “${LATER_GONE_PASSAGE}” is no longer in the current version of "harbour-report"`,
    );
    expect((await app.library.invoke('claims.get', { claimId })).citations).toEqual([]);
    expect(appErrors(app)).toEqual([]);
  });
});
