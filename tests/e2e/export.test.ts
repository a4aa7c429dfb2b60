// "Export PDF…" in the app, end to end in Chromium on a real library: the open brief's pending
// edits are saved first, the pre-flight lists what the analyst must know (orphaned citations
// block until confirmed), the export asks where to save (the harness answers for the native
// save dialog) and writes a real PDF, read back with poppler. Cancel in the save dialog writes
// nothing and says nothing; a failed export says why and keeps the dialog; the whole dialog
// works from the keyboard, and Escape cannot interrupt a running export.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flat, pdfInfo, pdfText } from '../export/poppler';
import { appErrors, expectAccessible } from './support';
import { useApp } from './useApp';
import { recordSockets, type SocketRecorder } from '../helpers/recordSockets';

const VERSION_1 = [
  'Halvik port authority — weekly movements',
  '',
  'Three tankers were moored at the northern terminal on 12 May; loading arms were connected on two of them.',
  'A fourth tanker waited at anchor outside the breakwater for two days before it was called in.',
  'Customs declarations list crude oil as the cargo of all four vessels.',
].join('\n');
// The re-issued report: the first passage unchanged, the second edited, the third gone.
const VERSION_2 = [
  'Halvik port authority — weekly movements (revised)',
  '',
  'Three tankers were moored at the northern terminal on 12 May; loading arms were connected on two of them.',
  'A fourth tanker waited at anchor outside the breakwater for three days before it was called in.',
].join('\n');

const QUOTES = {
  exact: 'Three tankers were moored at the northern terminal on 12 May',
  fuzzy: 'A fourth tanker waited at anchor outside the breakwater for two days',
  orphan: 'crude oil as the cargo of all four vessels',
};
const STATEMENTS = {
  exact: 'Three tankers were moored at Halvik’s northern terminal on 12 May.',
  fuzzy: 'A fourth tanker waited at anchor for two days before berthing.',
  orphan: 'The tankers at Halvik are loading crude oil.',
  uncited: 'Port throughput at Halvik will likely rise in June.',
};
const SOURCE_TITLE = 'Halvik port authority weekly';
const BRIEF_TITLE = 'Halvik weekly';
/** Typed into the brief just before exporting: it must be saved and printed. */
const NOTE = 'Analyst note: berth schedule unchanged since Monday.';

describe('Export PDF… in the app', () => {
  const app = useApp();
  let sockets: SocketRecorder;
  let page: Page;
  let briefId = 0;
  const ids = { source: 0, exact: 0, fuzzy: 0, orphan: 0, uncited: 0 };

  const dialog = () => page.getByRole('dialog', { name: 'Export PDF' });
  const exportButton = () => dialog().getByRole('button', { name: 'Export PDF…' });
  const confirmBox = () => dialog().getByRole('checkbox', { name: /Export anyway/ });
  const count = (label: string) =>
    dialog()
      .locator('.preflight__count', { has: page.locator(`dt:text-is("${label}")`) })
      .locator('dd');
  const exportedFiles = () => readdirSync(app.exportDir).filter((name) => name.endsWith('.pdf'));
  const storedDocument = async () => JSON.stringify((await app.library.invoke('briefs.get', { briefId })).document);
  const errorToasts = () => page.locator('.toasts [role="alert"] .toast');

  beforeAll(async () => {
    sockets = recordSockets();
    page = app.page;
    const lib = app.library;
    ids.source = (
      await lib.invoke('sources.import', {
        content: { text: VERSION_1, fileName: 'halvik-weekly.txt' },
        metadata: {
          title: SOURCE_TITLE,
          publisher: 'Halvik Port Authority',
          publishedAt: '2025-05-13',
          reliability: 'B',
        },
      })
    ).sourceId;
    const cite = (quote: string) => [{ target: { sourceId: ids.source, quote }, stance: 'supports' as const }];
    ids.exact = (
      await lib.invoke('claims.create', {
        statement: STATEMENTS.exact,
        kind: 'fact',
        confidence: 'high',
        credibility: 2,
        citations: cite(QUOTES.exact),
      })
    ).id;
    ids.fuzzy = (
      await lib.invoke('claims.create', {
        statement: STATEMENTS.fuzzy,
        kind: 'fact',
        confidence: 'moderate',
        credibility: 3,
        citations: cite(QUOTES.fuzzy),
      })
    ).id;
    ids.orphan = (
      await lib.invoke('claims.create', {
        statement: STATEMENTS.orphan,
        kind: 'judgment',
        likelihood: 'likely',
        confidence: 'moderate',
        credibility: 3,
        citations: cite(QUOTES.orphan),
      })
    ).id;
    ids.uncited = (
      await lib.invoke('claims.create', {
        statement: STATEMENTS.uncited,
        kind: 'judgment',
        likelihood: 'likely',
        confidence: 'low',
      })
    ).id;
    briefId = (await lib.invoke('briefs.create', { title: BRIEF_TITLE, marking: 'TLP:AMBER' })).id;
    for (const claimId of [ids.exact, ids.fuzzy, ids.orphan, ids.uncited])
      await lib.invoke('briefs.append', { briefId, block: { claimId } });
    await app.emit('library.changed');
  });
  afterAll(() => {
    sockets?.stop();
  });

  it('says to open a brief first when none is open', async () => {
    await page.getByText('No brief open').waitFor();
    await page.keyboard.press('Control+Shift+E');
    const toast = page.locator('.toast', { hasText: 'Open a brief to export it' });
    await toast.waitFor();
    expect(await dialog().count()).toBe(0);
    await toast.getByRole('button', { name: 'Dismiss notification' }).click();
  });

  it('saves the edit typed a moment ago, shows a clean pre-flight, and exports the brief to the chosen file', async () => {
    await page.locator('#pane-briefs').getByText(BRIEF_TITLE).click();
    await page.waitForSelector('.be-content[contenteditable="true"]');
    await page.locator('#pane-editor .be-card').nth(3).waitFor();
    // Typed and exported at once, well inside the autosave's debounce.
    await page.locator('.be-content p').first().click();
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Control+Shift+E');

    await dialog().locator('.preflight').waitFor();
    expect(await storedDocument()).toContain(NOTE);
    expect(await count('citations').textContent()).toBe('3');
    expect(await count('orphaned').textContent()).toBe('0');
    expect(await count('approximate').textContent()).toBe('0');
    expect(await count('uncited claim').textContent()).toBe('1');
    await dialog().getByText('All 3 citations found exactly.').waitFor();
    expect(await dialog().getByRole('region', { name: 'Claims without a citation (1)' }).textContent()).toContain(
      STATEMENTS.uncited,
    );
    expect(await confirmBox().count()).toBe(0);
    expect(await exportButton().isEnabled()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export PDF…');

    await exportButton().click();
    const done = dialog().locator('.export-dialog__done');
    await done.waitFor({ timeout: 30_000 });
    const file = join(app.exportDir, `${BRIEF_TITLE}.pdf`);
    expect(app.exportPrompts).toEqual([`${BRIEF_TITLE}.pdf`]);
    expect(exportedFiles()).toEqual([`${BRIEF_TITLE}.pdf`]);
    const pages = Number(pdfInfo(file).Pages);
    expect(flat((await done.textContent()) ?? '')).toContain(
      `Exported ${pages} page${pages === 1 ? '' : 's'} to ${file}`,
    );

    const text = flat(pdfText(file));
    for (const statement of Object.values(STATEMENTS)) expect(text).toContain(statement);
    expect(text).toContain(NOTE);
    expect(text).toContain(QUOTES.exact);
    expect(text).not.toContain('ORPHANED');
    await app.screenshot('export-done');

    // "Show in folder" shows exactly the file written, in the system's file manager.
    await dialog().getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => app.revealedFiles).toEqual([file]);
    // The page cannot point the file manager at a file it did not export.
    const elsewhere = await page.evaluate(() =>
      window.briefing!.invoke('briefs.showExportedPdf', { exportedFile: '/etc/passwd' }).then(
        () => 'shown',
        (error: { code?: string }) => String(error.code),
      ),
    );
    expect(elsewhere).toBe('NOT_FOUND');
    expect(app.revealedFiles).toEqual([file]);
    // Nor choose where a PDF goes: a page-sent path is refused by the page schema, and nothing is written there.
    const chosenByPage = join(app.exportDir, 'chosen-by-the-page.pdf');
    const byPath = await page.evaluate(
      ([briefId, outFile]) =>
        window.briefing!.invoke('briefs.exportPdf', { briefId, outFile } as never).then(
          () => 'exported',
          (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
        ),
      [briefId, chosenByPage] as const,
    );
    expect(byPath).toBe(
      'INVALID_INPUT: outFile: The app’s window cannot choose a file on disk; Briefing Composer asks where to save with its own dialog.',
    );
    expect(existsSync(chosenByPage)).toBe(false);
    await dialog().getByRole('button', { name: 'Done' }).click();
    await dialog().waitFor({ state: 'detached' });
    // Focus is back where the analyst was typing.
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.be-content')))).toBe(true);
  });

  it('lists the orphaned citation with its quote after the source changes, and blocks Export until confirmed', async () => {
    const reimport = await app.library.invoke('sources.import', {
      content: { text: VERSION_2, fileName: 'halvik-weekly.txt' },
      sourceId: ids.source,
    });
    expect(reimport.reanchor).toEqual({ exact: 1, fuzzy: 1, orphaned: 1 });
    await app.emit('library.changed');

    // From the app menu this time.
    await app.emit('menu.command', { command: 'export-pdf' });
    await dialog().locator('.preflight').waitFor();
    expect(await count('orphaned').textContent()).toBe('1');
    expect(await count('approximate').textContent()).toBe('1');

    const orphans = dialog().getByRole('region', { name: 'Orphaned citations (1)' });
    const orphan = orphans.getByRole('button');
    expect(await orphan.locator('.preflight__quote').textContent()).toBe(QUOTES.orphan);
    expect(await orphan.locator('.preflight__source').textContent()).toBe(SOURCE_TITLE);
    const fuzzy = dialog().getByRole('region', { name: 'Found approximately (1)' }).getByRole('button');
    // An approximate citation now quotes the passage where it was found again.
    expect(await fuzzy.locator('.preflight__quote').textContent()).toBe(QUOTES.fuzzy.replace('two days', 'three days'));
    expect(await fuzzy.locator('.badge--fuzzy').textContent()).toMatch(/^\d{2,3} % match$/);
    expect(
      await dialog()
        .getByText(/found exactly/)
        .count(),
    ).toBe(0);

    expect(await exportButton().isDisabled()).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
    await app.screenshot('export-preflight');
    await expectAccessible(page, 'export pre-flight with an orphaned citation');

    await confirmBox().check();
    expect(await exportButton().isEnabled()).toBe(true);
    await confirmBox().uncheck();
    expect(await exportButton().isDisabled()).toBe(true);
  });

  it('opens a listed citation in the reader and a listed claim in the inspector', async () => {
    await dialog().getByRole('region', { name: 'Orphaned citations (1)' }).getByRole('button').click();
    await dialog().waitFor({ state: 'detached' });
    const banner = page.locator('.banner--danger', { hasText: 'no longer in the current version' });
    await banner.waitFor();
    expect(await banner.locator('blockquote').textContent()).toBe(QUOTES.orphan);

    await page
      .locator('#pane-editor')
      .getByRole('button', { name: /Export PDF/ })
      .click();
    await dialog().getByRole('region', { name: 'Claims without a citation (1)' }).getByRole('button').click();
    await dialog().waitFor({ state: 'detached' });
    const form = page.getByRole('form', { name: /Claim card/ });
    await form.waitFor();
    expect(await form.getByLabel('Statement').inputValue()).toBe(STATEMENTS.uncited);
  });

  it('writes nothing and shows no error when the save dialog is cancelled', async () => {
    app.setExportChoice(null);
    const before = exportedFiles();
    const prompts = app.exportPrompts.length;
    await page
      .locator('#pane-editor')
      .getByRole('button', { name: /Export PDF/ })
      .click();
    await confirmBox().check();
    await exportButton().click();
    await dialog().waitFor({ state: 'detached' });
    expect(app.exportPrompts.length).toBe(prompts + 1);
    expect(exportedFiles()).toEqual(before);
    expect(await errorToasts().count()).toBe(0);
  });

  it('says why an export failed, in the dialog, and keeps everything as it was', async () => {
    mkdirSync(join(app.exportDir, 'taken.pdf'));
    app.setExportChoice('taken.pdf');
    await page
      .locator('#pane-editor')
      .getByRole('button', { name: /Export PDF/ })
      .click();
    await confirmBox().check();
    await exportButton().click();
    const alert = dialog().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('is a folder');
    // Nothing lost: the report, the confirmation and the Export button are all still there.
    expect(await confirmBox().isChecked()).toBe(true);
    expect(await exportButton().isEnabled()).toBe(true);
    expect(await dialog().getByRole('region', { name: 'Orphaned citations (1)' }).count()).toBe(1);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  it('works from the keyboard alone, and Escape does not interrupt a running export', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __mouse: number };
      w.__mouse = 0;
      for (const type of ['mousedown', 'click', 'pointerdown'] as const)
        window.addEventListener(type, (e) => e.isTrusted && e.detail > 0 && (w.__mouse += 1), true);
    });
    // The save dialog stays "open" until the test lets it answer.
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    app.setExportChoice(async () => {
      await answered;
      return 'keyboard.pdf';
    });

    await page.locator('.be-content').focus();
    await page.keyboard.press('Control+Shift+E');
    await dialog().locator('.preflight').waitFor();
    // Focus starts on the confirmation, since orphans block.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('checkbox');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export PDF…');
    await page.keyboard.press('Enter');

    // Exporting: busy, every control disabled, and Escape leaves the dialog open.
    await dialog().locator('.export-dialog[aria-busy="true"]').waitFor();
    await dialog().getByRole('status').filter({ hasText: 'Exporting…' }).waitFor();
    for (const button of await dialog().getByRole('button').all()) expect(await button.isDisabled()).toBe(true);
    expect(await confirmBox().isDisabled()).toBe(true);
    await app.screenshot('export-progress');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    expect(await dialog().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.querySelector<HTMLDialogElement>('dialog[open]') !== null)).toBe(true);

    answer();
    const done = dialog().locator('.export-dialog__done');
    await done.waitFor({ timeout: 30_000 });
    const file = join(app.exportDir, 'keyboard.pdf');
    expect(existsSync(file)).toBe(true);
    expect(flat((await done.textContent()) ?? '')).toContain(`to ${file}`);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Done');
    const text = flat(pdfText(file));
    expect(text).toContain(STATEMENTS.orphan);
    expect(text).toContain(QUOTES.orphan);
    expect(text).toContain('ORPHANED');

    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { __mouse: number }).__mouse)).toBe(0);
    app.setExportChoice(undefined);
  });

  it('stayed quiet: no console errors, no network', () => {
    expect(sockets.attempts).toEqual([]); // nor did the library and the PDF printer
    expect(appErrors(app)).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });
});
