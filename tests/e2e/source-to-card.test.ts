// The analyst's main path, end to end in Chromium on a real library file: import a source →
// select a passage → create a claim card citing it → insert the card into a brief → click its
// citation → the reader shows exactly that passage, highlighted and focused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appErrors, expectAccessible, highlightedText, importFile, selectWithMouse } from './support';
import { useApp } from './useApp';
import { recordSockets, type SocketRecorder } from '../helpers/recordSockets';

const SOURCE = [
  'Port activity report',
  '',
  'Satellite imagery from 12 May shows three tankers moored at the northern terminal of Port Halvik.',
  'Loading arms were connected on two of the three vessels, which suggests active transfers.',
  '',
  'Harbour officials declined to comment on the schedule.',
].join('\n');
const PASSAGE = 'three tankers moored at the northern terminal of Port Halvik';
const STATEMENT = 'Three tankers were moored at Port Halvik’s northern terminal on 12 May.';

describe('from a source passage to a cited claim card in a brief', () => {
  const app = useApp();
  let sockets: SocketRecorder;
  let page: Page;

  beforeAll(() => {
    sockets = recordSockets();
    page = app.page;
  });
  afterAll(() => {
    sockets?.stop();
  });

  it('opens on an empty workspace that says what to do first', async () => {
    await expect.poll(() => page.getByText('No sources yet — import one').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Start your first brief').isVisible()).toBe(true);
    await app.screenshot('01-empty-workspace');
    await expectAccessible(page, 'empty workspace');
  });

  it('creates a brief with a TLP marking', async () => {
    await page.getByRole('button', { name: '+ New brief' }).click();
    const dialog = page.getByRole('dialog', { name: 'New brief' });
    await dialog.getByLabel('Title').fill('Port Halvik weekly');
    await dialog.getByRole('radio', { name: 'TLP' }).check();
    await dialog.getByLabel('TLP label').selectOption('TLP:AMBER');
    await app.screenshot('02-new-brief-dialog');
    await expectAccessible(page, 'new brief dialog');
    await dialog.getByRole('button', { name: 'Create brief' }).click();

    await expect
      .poll(() => page.locator('#pane-briefs [aria-current="page"]').textContent())
      .toContain('Port Halvik weekly');
    const briefs = await app.library.invoke('briefs.list', { includeDeleted: false });
    expect(briefs.map((b) => [b.title, b.marking])).toEqual([['Port Halvik weekly', 'TLP:AMBER']]);
  });

  it('imports a file and shows its normalized text in the reader', async () => {
    await importFile(page, 'halvik-report.txt', SOURCE);
    await expect.poll(() => page.locator('.reader__title').textContent()).toBe('halvik-report');
    const stored = await app.library.invoke('sources.get', { sourceId: 1 });
    // The reader shows the stored text, line for line.
    const shown = await page
      .locator('.reader__line')
      .evaluateAll((lines) => lines.map((l) => l.textContent).join('\n'));
    expect(shown).toBe(stored.text);
  });

  it('turns a passage selected with the mouse into the first citation of a new card', async () => {
    await selectWithMouse(page, PASSAGE);
    await expect.poll(() => page.locator('.reader__selection').textContent()).toContain('three tankers');
    await app.screenshot('03-reader-with-selection');
    await expectAccessible(page, 'source reader');

    await page.keyboard.press('Control+Shift+K');
    const form = page.getByRole('form', { name: 'New claim card' });
    await form.waitFor();
    await expect.poll(() => form.locator('.citation-item__quote').textContent()).toBe(PASSAGE);

    await form.getByLabel('Statement').fill(STATEMENT);
    await form.getByLabel('Likelihood').selectOption('very likely');
    await form.getByRole('radio', { name: 'moderate' }).check();
    await form.getByLabel('Information credibility').selectOption('2');
    await form.getByPlaceholder('Add tags, e.g. shipping').fill('shipping');
    await form.getByPlaceholder('Add tags, e.g. shipping').press('Enter');
    await app.screenshot('04-new-card-form');
    await expectAccessible(page, 'new card form');
    await form.getByRole('button', { name: /Create card/ }).click();

    await page.getByRole('form', { name: /Claim card/ }).waitFor();
    const claim = await app.library.invoke('claims.get', { claimId: 1 });
    const source = await app.library.invoke('sources.get', { sourceId: 1 });
    expect(claim).toMatchObject({
      statement: STATEMENT,
      likelihood: 'very likely',
      confidence: 'moderate',
      credibility: 2,
      tags: ['shipping'],
    });
    expect(claim.citations).toHaveLength(1);
    expect(claim.citations[0]).toMatchObject({
      exact: PASSAGE,
      start: source.text.indexOf(PASSAGE),
      end: source.text.indexOf(PASSAGE) + PASSAGE.length,
      stance: 'supports',
    });
    await app.screenshot('05-card-saved');
  });

  it('highlights the cited passage in the reader', async () => {
    await page.getByRole('tab', { name: 'Sources' }).click();
    await expect.poll(() => highlightedText(page, 1)).toBe(PASSAGE);
  });

  it('lists the card in the claim library and inserts it into the open brief', async () => {
    await page.getByRole('tab', { name: 'Claim library' }).click();
    const result = page.locator('.claim-result[data-claim-id="1"]');
    await expect.poll(() => result.textContent()).toContain(STATEMENT);
    expect(await result.textContent()).toContain('not in any brief');
    await result.getByRole('button', { name: /Insert/ }).click();

    const card = page.locator('#pane-editor .be-card[data-claim-id="1"]');
    await card.waitFor();
    expect(await card.textContent()).toContain(STATEMENT);
    // Autosave stores the card in the brief's document, and the library counts the use.
    await expect
      .poll(async () => (await app.library.invoke('claims.usedIn', { claimId: 1 })).map((u) => u.title), {
        timeout: 10_000,
      })
      .toEqual(['Port Halvik weekly']);
    await app.screenshot('06-brief-with-card');
    await expectAccessible(page, 'brief with a claim card');
  });

  it('opens the reader at exactly the cited passage when the citation is clicked', async () => {
    // Scroll the reader away first, so the jump is real.
    await page.getByRole('tab', { name: 'Sources' }).click();
    await page.getByRole('button', { name: '← All sources' }).click();
    await page.locator('#pane-editor .be-card[data-claim-id="1"] .be-cite[data-citation-id="1"]').click();

    const focused = page.locator('.reader__text mark.is-focused');
    await focused.first().waitFor();
    expect(await highlightedText(page, 1)).toBe(PASSAGE);
    expect(await focused.evaluateAll((marks) => marks.map((m) => m.textContent).join(''))).toBe(PASSAGE);
    expect(await page.evaluate(() => document.activeElement?.closest('mark')?.getAttribute('data-citations'))).toBe(
      '1',
    );
    expect(await focused.first().isVisible()).toBe(true);
    await app.screenshot('07-reader-at-citation');
  });

  it('cites a passage directly in the running text of the brief', async () => {
    const second = 'Loading arms were connected on two of the three vessels';
    await selectWithMouse(page, second);
    await page.getByRole('button', { name: 'Cite in brief' }).click();
    const inline = page.locator('#pane-editor .be-inline-cite .be-cite');
    await inline.first().waitFor();
    const citationId = Number(await inline.first().getAttribute('data-citation-id'));
    const stored = await app.library.invoke('citations.get', { citationId });
    expect(stored).toMatchObject({ exact: second, claimId: null, briefId: 1 });

    await page.getByRole('button', { name: '← All sources' }).click();
    await inline.first().click();
    await page.locator('.reader__text mark.is-focused').first().waitFor();
    expect(await highlightedText(page, citationId)).toBe(second);
  });

  it('never left the app origin and logged no errors', () => {
    expect(sockets.attempts).toEqual([]); // the library side (the main process) reached for no network either
    expect(app.blockedRequests).toEqual([]);
    expect(app.dialogs).toEqual([]);
    expect(appErrors(app)).toEqual([]);
  });
});
