// Untrusted content never runs: every payload of the hostile-HTML corpus
// (tests/fixtures/hostile/payloads.ts) imported as an HTML file and read in the reader, pasted
// into the "Paste text" dialog, and pasted into a brief. After each, nothing executed (no
// dialog, no request leaving the app), nothing executable was injected into the page (no
// script, no event-handler attribute, no frame, no javascript:/data: URL), and the page logged
// no CSP violation.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_PAYLOADS } from '../fixtures/hostile/payloads';
import { appErrors, expectAccessible, injectedElements, pasteClipboard } from './support';
import { useApp } from './useApp';

describe('hostile content', () => {
  const app = useApp();
  let page: Page;

  beforeAll(() => {
    page = app.page;
  });

  it('has a corpus to test with', () => {
    expect(HOSTILE_PAYLOADS.length).toBeGreaterThan(20);
  });

  it('imports every hostile HTML file as plain text, and reading it runs nothing', async () => {
    expect(appErrors(app)).toEqual([]);
    const files = HOSTILE_PAYLOADS.map((payload, i) => ({
      name: `hostile-${String(i).padStart(2, '0')}.html`,
      mimeType: 'text/html',
      buffer: Buffer.from(payload.html, 'utf8'),
    }));
    await page.locator('.sources-panel input[type=file]').setInputFiles(files);
    // Every file becomes a source, or (identical extracted text) is reported as a duplicate of one.
    await page.locator('.import-progress__item').first().waitFor();
    await expect
      .poll(
        () =>
          page
            .locator(
              '.import-progress__item--queued, .import-progress__item--reading, .import-progress__item--importing',
            )
            .count(),
        { timeout: 30_000 },
      )
      .toBe(0);
    expect((await app.library.invoke('sources.list', {})).length).toBeGreaterThan(HOSTILE_PAYLOADS.length / 2);
    await page.getByRole('tab', { name: 'Sources' }).click();

    const sources = await app.library.invoke('sources.list', {});
    const back = page.getByRole('button', { name: '← All sources' });
    for (const source of sources) {
      const { text } = await app.library.invoke('sources.get', { sourceId: source.id });
      if (await back.isVisible()) await back.click();
      await page.locator('.source-list__open', { hasText: source.title }).first().click();
      await page.locator('.reader__title', { hasText: source.title }).waitFor();
      // The reader adds nothing and interprets nothing: it shows the stored text, character for character.
      const shown = await page
        .locator('.reader__line')
        .evaluateAll((lines) => lines.map((l) => l.textContent).join('\n'));
      expect(shown, source.title).toBe(text);
      expect(await injectedElements(page), source.title).toEqual([]);
    }
    await app.screenshot('30-hostile-source-in-reader');
    expect(app.dialogs).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });

  it('takes only plain text from a paste into "Paste text", and shows markup as characters', async () => {
    await page.getByRole('tab', { name: 'Sources' }).click();
    await page.getByRole('button', { name: 'Paste text…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste text as a source' });
    const textarea = dialog.getByLabel('Text');
    for (const payload of HOSTILE_PAYLOADS) {
      await textarea.fill('');
      await textarea.focus();
      // The worst case: the HTML flavour is the payload, and the plain flavour is its markup.
      await pasteClipboard(page, payload.html, `${payload.name}: ${payload.html.slice(0, 300)}`);
      expect(await textarea.inputValue(), payload.name).toBe(`${payload.name}: ${payload.html.slice(0, 300)}`);
      expect(await injectedElements(page), payload.name).toEqual([]);
    }
    await dialog.getByLabel('Title').fill('Pasted markup');
    await dialog.getByRole('button', { name: 'Import text' }).click();
    await page.locator('.reader__title', { hasText: 'Pasted markup' }).waitFor();
    expect(await page.locator('.reader__text').textContent()).toContain('<');
    expect(await injectedElements(page)).toEqual([]);
    expect(app.dialogs).toEqual([]);
  });

  it('pastes every payload into a brief without running or injecting anything', async () => {
    const brief = await app.library.invoke('briefs.create', { title: 'Paste target', template: 'empty' });
    await app.emit('library.changed');
    await page.locator(`#pane-briefs [data-brief-id="${brief.id}"]`).click();
    const body = page.locator('#pane-editor [contenteditable="true"]');
    await body.waitFor();
    // Importing and reading hostile documents, and pasting into a text field, logged nothing at all.
    const errorsBefore = appErrors(app);
    expect(errorsBefore).toEqual([]);
    for (const payload of HOSTILE_PAYLOADS) {
      await body.click();
      await page.keyboard.press('Control+End');
      await pasteClipboard(page, payload.html, payload.visible.join(' '));
      expect(await injectedElements(page), payload.name).toEqual([]);
    }
    expect(await body.textContent()).toContain(HOSTILE_PAYLOADS[0]!.visible[0]);
    await app.screenshot('31-hostile-paste-in-brief');
    await expectAccessible(page, 'brief after hostile paste');
    expect(app.dialogs).toEqual([]);
    expect(app.popups).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
    // Parsing pasted HTML (DOMPurify, Lexical) uses DOMParser, and Chromium reports every inline
    // handler and style attribute of a parsed document against the page's CSP — as blocked,
    // though nothing in an inert document could run. Those reports are the only new messages.
    for (const message of appErrors(app)) {
      expect(message).toMatch(
        /^console: (Executing inline event handler|Applying inline style) violates the following Content Security Policy directive .* The action has been blocked\.$/,
      );
    }
  });

  // Whether hidden text (the corpus marks it PWNED) and bidi controls stay out of the brief is
  // asserted payload by payload in bad-input.test.ts ("bad input pasted > into a brief").

  it('never turns a source URL with another scheme into a link', async () => {
    const { sourceId } = await app.library.invoke('sources.import', {
      content: { text: 'A source whose URL field is hostile.' },
      metadata: { title: 'Hostile URL', url: 'javascript:alert(document.domain)' },
    });
    await app.emit('library.changed');
    await page.getByRole('tab', { name: 'Sources' }).click();
    if (await page.getByRole('button', { name: '← All sources' }).isVisible())
      await page.getByRole('button', { name: '← All sources' }).click();
    await page.locator('.source-list__open', { hasText: 'Hostile URL' }).click();
    const shown = page.locator('.reader__header .external-link');
    expect(await shown.textContent()).toBe('javascript:alert(document.domain)');
    expect(await shown.evaluate((el) => [el.tagName, el.classList.contains('external-link--blocked')])).toEqual([
      'SPAN',
      true,
    ]);
    expect(await injectedElements(page)).toEqual([]);
    expect(sourceId).toBeGreaterThan(0);
  });

  it('reports a file it cannot import, without swallowing the reason', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8,
      6, 0, 0, 0,
    ]);
    await page
      .locator('.sources-panel input[type=file]')
      .setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: png });
    const alert = page.locator('[role="alert"] .toast--error');
    await alert.first().waitFor();
    expect(await alert.first().textContent()).toContain('Could not import photo.txt');
    await app.screenshot('32-import-error-toast');
  });

  it('loaded nothing but the app itself', () => {
    const foreign = app.requests.filter(
      (r) => !/^http:\/\/briefing\.app\.invalid\/(index\.html|assets\/[^/]+)$/.test(r.url),
    );
    expect(foreign).toEqual([]);
  });
});
