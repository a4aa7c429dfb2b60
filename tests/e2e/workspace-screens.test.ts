// Every main screen of a populated workspace in the dark theme (the system's choice): a
// screenshot of each for review, and axe on each (dark colours are where contrast slips).
// Also: the splitters resize by keyboard and the widths survive a restart.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appErrors, expectAccessible } from './support';
import { useApp } from './useApp';

const REPORT = [
  'Halvik port authority — weekly movements',
  '',
  'Three tankers were moored at the northern terminal on 12 May; loading arms were connected on two of them.',
  'A fourth tanker waited at anchor outside the breakwater for two days before it was called in.',
  '',
  'Customs declarations list crude oil as the cargo of all four vessels.',
].join('\n');

describe('workspace screens, dark theme', () => {
  const app = useApp({ colorScheme: 'dark' });
  let page: Page;
  const ids = { report: 0, briefOpen: 0, briefOther: 0, claim: 0 };

  beforeAll(async () => {
    page = app.page;
    const lib = app.library;
    ids.report = (
      await lib.invoke('sources.import', {
        content: { text: REPORT, fileName: 'halvik-weekly.txt' },
        metadata: {
          title: 'Halvik port authority weekly',
          publisher: 'Halvik Port Authority',
          publishedAt: '2025-05-13',
          language: 'en',
          url: 'https://port.example/weekly/19',
          reliability: 'B',
        },
      })
    ).sourceId;
    ids.claim = (
      await lib.invoke('claims.create', {
        statement: 'Three tankers were moored at Halvik’s northern terminal on 12 May.',
        kind: 'fact',
        confidence: 'high',
        credibility: 2,
        status: 'verified',
        tags: ['shipping'],
        citations: [
          {
            target: { sourceId: ids.report, quote: 'Three tankers were moored at the northern terminal on 12 May' },
            stance: 'supports',
          },
        ],
      })
    ).id;
    const second = await lib.invoke('claims.create', {
      statement: 'Halvik is likely exporting crude oil again.',
      kind: 'judgment',
      likelihood: 'likely',
      confidence: 'moderate',
      credibility: 3,
      tags: ['shipping', 'energy'],
      citations: [
        { target: { sourceId: ids.report, quote: 'crude oil as the cargo of all four vessels' }, stance: 'supports' },
      ],
    });
    ids.briefOpen = (await lib.invoke('briefs.create', { title: 'Halvik weekly', marking: 'SECRET//NOFORN' })).id;
    ids.briefOther = (await lib.invoke('briefs.create', { title: 'Energy outlook', marking: 'CONFIDENTIAL' })).id;
    await lib.invoke('briefs.append', { briefId: ids.briefOpen, block: { claimId: ids.claim } });
    await lib.invoke('briefs.append', { briefId: ids.briefOpen, block: { claimId: second.id } });
    await app.emit('library.changed');
    await page.locator(`#pane-briefs [data-brief-id="${ids.briefOpen}"]`).click();
    await page.locator('#pane-editor .be-card').first().waitFor();
  });

  it('follows the system into the dark theme', async () => {
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(120);
  });

  it('sources list', async () => {
    await page.getByRole('tab', { name: 'Sources' }).click();
    await page.locator('.source-list').waitFor();
    await app.screenshot('70-dark-sources-list');
    await expectAccessible(page, 'sources list (dark)');
  });

  it('source details dialog', async () => {
    await page.getByRole('button', { name: 'Edit details of Halvik port authority weekly' }).click();
    const dialog = page.getByRole('dialog', { name: 'Source details' });
    await dialog.waitFor();
    await app.screenshot('71-dark-source-details');
    await expectAccessible(page, 'source details dialog (dark)');
    // A date in the wrong form is refused at the field, with the contract's own message.
    await dialog.getByLabel('Published').fill('13/05/2025');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    expect(await dialog.locator('.field__error').first().textContent()).toContain('YYYY');
    await dialog.getByLabel('Published').fill('2025-05-14');
    await dialog.getByLabel('Reliability').selectOption('A');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.waitFor({ state: 'detached' });
    const source = (await app.library.invoke('sources.get', { sourceId: ids.report })).source;
    expect([source.publishedAt, source.reliability]).toEqual(['2025-05-14', 'A']);
  });

  it('reader with cited passages', async () => {
    await page.locator('.source-list__open').first().click();
    await page.locator('.reader__text mark').first().waitFor();
    expect(await page.locator('.reader__text mark').count()).toBe(2);
    await app.screenshot('72-dark-reader');
    await expectAccessible(page, 'reader (dark)');
  });

  it("opens a source's web address only through the external opener", async () => {
    await page.locator('.reader__header .external-link').click();
    // The app's main process turns window.open into "ask, then open in the system browser";
    // here the harness records the window and closes it. Nothing else was requested.
    await expect.poll(() => app.popups.length).toBe(1);
    await expect.poll(() => app.blockedRequests.map((r) => r.url)).toEqual(['https://port.example/weekly/19']);
    app.blockedRequests.length = 0;
    app.popups.length = 0;
  });

  it("runs the app menu's commands", async () => {
    await app.emit('menu.command', { command: 'new-brief' });
    const dialog = page.getByRole('dialog', { name: 'New brief' });
    await dialog.waitFor();
    // A library keeps to one marking scheme: a new brief starts in the scheme of the newest one.
    expect(await dialog.getByRole('radio', { name: 'Classification' }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await app.emit('menu.command', { command: 'find' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reader-find');
  });

  it('claim library', async () => {
    await page.getByRole('tab', { name: 'Claim library' }).click();
    await page.locator('.claim-result').first().waitFor();
    await app.screenshot('73-dark-claim-library');
    await expectAccessible(page, 'claim library (dark)');
  });

  it('card inspector', async () => {
    await page.locator(`.claim-result[data-claim-id="${ids.claim}"]`).getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('form', { name: /Claim card/ }).waitFor();
    await app.screenshot('74-dark-card-inspector');
    await expectAccessible(page, 'card inspector (dark)');
  });

  it('brief properties with a classification marking', async () => {
    await page.locator(`#pane-briefs [data-brief-id="${ids.briefOther}"]`).focus();
    await page.keyboard.press('F2');
    const dialog = page.getByRole('dialog', { name: 'Brief properties' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Level').inputValue()).toBe('CONFIDENTIAL');
    await dialog.getByLabel('Caveats').fill('rel to usa, gbr');
    expect(await dialog.locator('.marking-picker__preview').textContent()).toContain('CONFIDENTIAL//REL TO USA, GBR');
    await app.screenshot('75-dark-brief-properties');
    await expectAccessible(page, 'brief properties (dark)');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await app.library.invoke('briefs.get', { briefId: ids.briefOther })).marking).toBe(
      'CONFIDENTIAL//REL TO USA, GBR',
    );
  });

  it('moves a brief to the trash with the mouse, and brings it back', async () => {
    await page.locator(`#pane-briefs [data-brief-id="${ids.briefOther}"]`).hover();
    await app.screenshot('77-dark-brief-row-actions');
    await page.getByRole('button', { name: 'Move Energy outlook to the trash' }).click();
    await expect
      .poll(async () => (await app.library.invoke('briefs.get', { briefId: ids.briefOther })).deletedAt)
      .not.toBeNull();
    await page.locator('.trash summary').click();
    await page.getByRole('button', { name: 'Restore Energy outlook' }).click();
    await expect
      .poll(async () => (await app.library.invoke('briefs.get', { briefId: ids.briefOther })).deletedAt)
      .toBeNull();
  });

  it('remembers the pane widths and the open brief after a restart', async () => {
    const splitter = page.getByRole('separator', { name: 'Resize the brief list' });
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(Number(await splitter.getAttribute('aria-valuenow'))).toBe(before + 32);
    const width = await page.locator('#pane-briefs').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBe(before + 32);

    await app.reload();
    expect(
      Number(await page.getByRole('separator', { name: 'Resize the brief list' }).getAttribute('aria-valuenow')),
    ).toBe(before + 32);
    await page.locator(`#pane-briefs [data-brief-id="${ids.briefOpen}"][aria-current="page"]`).waitFor();
    await page.locator('#pane-editor .be-card').first().waitFor();
    await app.screenshot('76-dark-workspace');
    await expectAccessible(page, 'workspace with an open brief (dark)');
    expect(appErrors(app)).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });
});
