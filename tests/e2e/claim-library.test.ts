// The claim library and the card inspector on a seeded library: search as you type, filters,
// "used in N briefs", insertion by button, shortcut and drag and drop, and editing a card that
// several briefs share (the warning before saving, every brief showing the new text, and a
// change made elsewhere refused instead of overwritten).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_DRAG_MIME } from '../../renderer/editor/dragMime';
import { appErrors, expectAccessible } from './support';
import { useApp } from './useApp';

const PORT_TEXT =
  'Satellite imagery from 12 May shows three tankers moored at the northern terminal of Port Halvik.\n\n' +
  'A fourth tanker waited at anchor outside the breakwater.\n\nCustoms data list crude oil as the declared cargo.';
const RAIL_TEXT = 'The rail ferry to Korsund resumed service on 3 June after a two-week halt.';

describe('claim library and shared cards', () => {
  const app = useApp();
  let page: Page;
  const ids = { moored: 0, anchor: 0, cargo: 0, ferry: 0, hostile: 0, briefA: 0, briefB: 0 };

  beforeAll(async () => {
    page = app.page;
    const lib = app.library;
    const port = await lib.invoke('sources.import', {
      content: { text: PORT_TEXT, fileName: 'halvik.txt' },
      metadata: { title: 'Halvik port report', reliability: 'B' },
    });
    const rail = await lib.invoke('sources.import', {
      content: { text: RAIL_TEXT, fileName: 'ferry.txt' },
      metadata: { title: 'Korsund ferry notice', reliability: 'C' },
    });
    const cite = (sourceId: number, quote: string) => [{ target: { sourceId, quote }, stance: 'supports' as const }];
    ids.moored = (
      await lib.invoke('claims.create', {
        statement: 'Three tankers were moored at the northern terminal.',
        kind: 'fact',
        likelihood: null,
        confidence: 'high',
        credibility: 2,
        status: 'verified',
        tags: ['shipping', 'halvik'],
        citations: cite(port.sourceId, 'three tankers moored at the northern terminal'),
      })
    ).id;
    ids.anchor = (
      await lib.invoke('claims.create', {
        statement: 'A fourth tanker is likely waiting to load.',
        kind: 'assessment',
        likelihood: 'likely',
        confidence: 'moderate',
        credibility: 3,
        status: 'draft',
        tags: ['shipping'],
        citations: cite(port.sourceId, 'A fourth tanker waited at anchor'),
      })
    ).id;
    ids.cargo = (
      await lib.invoke('claims.create', {
        statement: 'The declared cargo is crude oil.',
        kind: 'fact',
        likelihood: null,
        confidence: 'low',
        credibility: 4,
        status: 'disputed',
        tags: ['cargo'],
        citations: cite(port.sourceId, 'crude oil as the declared cargo'),
      })
    ).id;
    ids.ferry = (
      await lib.invoke('claims.create', {
        statement: 'Ferry service to Korsund has resumed.',
        kind: 'fact',
        likelihood: 'almost certain',
        confidence: 'high',
        credibility: 1,
        status: 'verified',
        tags: ['rail'],
        citations: cite(rail.sourceId, 'resumed service on 3 June'),
      })
    ).id;
    ids.hostile = (
      await lib.invoke('claims.create', {
        statement: 'Tanker <img src=x onerror="alert(1)"> <b>bold</b> markup stays text.',
        tags: ['markup'],
      })
    ).id;
    ids.briefA = (await lib.invoke('briefs.create', { title: 'Halvik weekly', marking: 'TLP:GREEN' })).id;
    ids.briefB = (await lib.invoke('briefs.create', { title: 'Energy outlook', marking: 'TLP:GREEN' })).id;
    await lib.invoke('briefs.append', { briefId: ids.briefA, block: { claimId: ids.moored } });
    await lib.invoke('briefs.append', { briefId: ids.briefB, block: { claimId: ids.moored } });
    // The page was already open: tell it the library changed, as the main process does after a CLI write.
    await app.emit('library.changed');
    await page.getByRole('tab', { name: 'Claim library' }).click();
  });

  const results = () => page.locator('.claim-result');
  const resultIds = () =>
    results().evaluateAll((items) => items.map((i) => Number(i.getAttribute('data-claim-id'))).sort((a, b) => a - b));
  const search = (text: string) => page.getByRole('searchbox', { name: 'Search claim cards' }).fill(text);

  it('lists every card with its grading and how many briefs use it', async () => {
    await expect
      .poll(resultIds)
      .toEqual([ids.moored, ids.anchor, ids.cargo, ids.ferry, ids.hostile].sort((a, b) => a - b));
    const moored = page.locator(`.claim-result[data-claim-id="${ids.moored}"]`);
    expect(await moored.textContent()).toContain('used in 2 briefs');
    // Source Halvik is graded B, the claim's information credibility is 2: B2.
    expect(await moored.locator('.badge--grading').textContent()).toContain('B2');
    await app.screenshot('10-claim-library');
    await expectAccessible(page, 'claim library');
  });

  it('searches as you type and marks the matches without interpreting markup', async () => {
    await search('tank');
    await expect.poll(resultIds).toEqual([ids.moored, ids.anchor, ids.hostile].sort((a, b) => a - b));
    const marked = await page.locator('.claim-result__statement mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    for (const text of marked) expect(text.toLowerCase()).toMatch(/^tank/);
    // The statement with markup in it is shown as the characters it is.
    const hostile = page.locator(`.claim-result[data-claim-id="${ids.hostile}"] .claim-result__statement`);
    expect(await hostile.textContent()).toContain('<img src=x onerror="alert(1)"> <b>bold</b>');
    expect(await page.locator('.claim-results img, .claim-results b').count()).toBe(0);

    await search('tanker waiting');
    await expect.poll(resultIds).toEqual([ids.anchor]);
    await search('nothing like this');
    await expect.poll(() => page.getByText('No claim cards match').isVisible()).toBe(true);
    await search('');
    await expect.poll(async () => (await resultIds()).length).toBe(5);
  });

  it('filters by tag, status, likelihood, confidence and source', async () => {
    const filter = (name: string) => page.locator('.filters').getByLabel(name);
    await filter('Tag').selectOption('shipping');
    await expect.poll(resultIds).toEqual([ids.moored, ids.anchor].sort((a, b) => a - b));
    await filter('Status').selectOption('draft');
    await expect.poll(resultIds).toEqual([ids.anchor]);
    await page.getByRole('button', { name: 'Clear search and filters' }).click();

    await filter('Likelihood').selectOption('almost certain');
    await expect.poll(resultIds).toEqual([ids.ferry]);
    await filter('Likelihood').selectOption('');
    await filter('Confidence').selectOption('low');
    await expect.poll(resultIds).toEqual([ids.cargo]);
    await filter('Confidence').selectOption('');
    await filter('Source').selectOption({ label: 'Korsund ferry notice' });
    await expect.poll(resultIds).toEqual([ids.ferry]);
    await filter('Source').selectOption('');
    await expect.poll(async () => (await resultIds()).length).toBe(5);
  });

  it('inserts a card with its button, with Ctrl+Enter, and by dragging it into the brief', async () => {
    await page.locator(`#pane-briefs [data-brief-id="${ids.briefB}"]`).click();
    await page.locator('#pane-editor .be-card').first().waitFor();
    const cardsInEditor = () =>
      page
        .locator('#pane-editor .be-card')
        .evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-claim-id'))));
    expect(await cardsInEditor()).toEqual([ids.moored]);

    await page
      .locator(`.claim-result[data-claim-id="${ids.cargo}"]`)
      .getByRole('button', { name: /Insert/ })
      .click();
    await expect.poll(async () => (await cardsInEditor()).includes(ids.cargo)).toBe(true);

    await page.locator(`.claim-result[data-claim-id="${ids.ferry}"]`).focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await cardsInEditor()).includes(ids.ferry)).toBe(true);

    // What a drag carries: the claim id under the editor's MIME type.
    const carried = await page.locator(`.claim-result[data-claim-id="${ids.anchor}"]`).evaluate((item, mime) => {
      const data = new DataTransfer();
      item.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
      return data.getData(mime);
    }, CLAIM_DRAG_MIME);
    expect(carried).toBe(String(ids.anchor));
    // And a real drag with the mouse, onto the last paragraph of the brief.
    await page
      .locator(`.claim-result[data-claim-id="${ids.anchor}"]`)
      .dragTo(page.locator('#pane-editor [contenteditable="true"] p').last());
    await expect.poll(async () => (await cardsInEditor()).includes(ids.anchor)).toBe(true);
  });

  it('warns that an edit of a shared card shows in every brief, and every brief shows it', async () => {
    await page.locator(`.claim-result[data-claim-id="${ids.moored}"]`).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: /Claim card/ });
    await form.getByLabel('Statement').fill('Three tankers were moored at the northern terminal on 12 May.');
    await expect
      .poll(() => form.locator('.claim-form__warning').textContent())
      .toBe('Used in 2 briefs — the change shows in all of them');
    await app.screenshot('11-shared-card-warning');
    await expectAccessible(page, 'card inspector');
    await form.getByRole('button', { name: /Save in all 2 briefs/ }).click();
    await expect
      .poll(async () => (await app.library.invoke('claims.get', { claimId: ids.moored })).statement)
      .toBe('Three tankers were moored at the northern terminal on 12 May.');

    for (const briefId of [ids.briefA, ids.briefB]) {
      await page.locator(`#pane-briefs [data-brief-id="${briefId}"]`).click();
      const card = page.locator(`#pane-editor .be-card[data-claim-id="${ids.moored}"]`);
      await expect.poll(() => card.textContent()).toContain('on 12 May.');
    }
  });

  it('refuses to overwrite a card changed elsewhere and says so', async () => {
    const form = page.getByRole('form', { name: /Claim card/ });
    await form.getByLabel('Statement').fill('An edit made in this window.');
    // Meanwhile the same card is changed elsewhere (another window, the CLI) — no event is sent.
    await app.library.invoke('claims.update', { claimId: ids.moored, fields: { status: 'disputed' } });
    await form.getByRole('button', { name: /Save/ }).click();
    const alert = form.locator('.banner--danger[role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('Not saved: this card was changed elsewhere.');
    expect((await app.library.invoke('claims.get', { claimId: ids.moored })).statement).toBe(
      'Three tankers were moored at the northern terminal on 12 May.',
    );
    await app.screenshot('12-card-conflict');

    await form.getByRole('button', { name: /Load the latest version/ }).click();
    await expect.poll(() => form.getByLabel('Status').inputValue()).toBe('disputed');
    expect(await form.getByLabel('Statement').inputValue()).toBe(
      'Three tankers were moored at the northern terminal on 12 May.',
    );
  });

  it('stayed inside the app and quiet', () => {
    expect(app.blockedRequests).toEqual([]);
    expect(app.dialogs).toEqual([]);
    expect(appErrors(app)).toEqual([]);
  });
});
