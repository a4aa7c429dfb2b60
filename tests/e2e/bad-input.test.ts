// The bad-input corpus (tests/fixtures/bad-input/corpus.ts) through every way the window takes
// a document: the file picker, a drop of real File objects onto the Sources tab, a paste into
// "Paste text", and a paste into a brief. For each entry, what the user sees: an imported
// source's reader shows exactly its clean text; a refused file shows an error notification
// naming the file and what is wrong; nothing executable ever reaches the page; and the app
// still works afterwards.
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClearRefusal, expectCleanImport } from '../fixtures/bad-input/checks';
import {
  BAD_INPUTS,
  buildBytes,
  isLarge,
  PASTEABLE_INPUTS,
  type BadInput,
  type Expectation,
} from '../fixtures/bad-input/corpus';
import { materializeCorpus, type MaterializedCorpus } from '../fixtures/bad-input/materialize';
import { appErrors, injectedElements, pasteClipboard, type StartedApp as App } from './support';
import { useApp } from './useApp';

let corpus: MaterializedCorpus;
beforeAll(() => {
  corpus = materializeCorpus();
});
afterAll(() => corpus?.remove());

/** How long an entry may take: the large ones are read, sent and extracted, or refused, on a busy 2-core machine. */
const timeoutFor = (entry: BadInput) => (isLarge(entry) ? 90_000 : 20_000);

interface Notification {
  kind: 'error' | 'imported' | 'duplicate';
  title: string;
  message: string;
}

/** The app of the enclosing describe, recording the error codes it logs with each error notification. */
function useBadInputApp(): App & { codes: Map<string, string> } {
  return useApp({
    async setup(app) {
      // Toasts.error logs "[CODE] context: message" for bug reports: the code of each refusal.
      const codes = new Map<string, string>();
      app.page.on('console', (message: ConsoleMessage) => {
        const match = /^\[([A-Z_]+)\] (.*?): /s.exec(message.text());
        if (message.type() === 'warning' && match) codes.set(match[2]!, match[1]!);
      });
      // The recipe that makes large entries' bytes, for drops built in the page (a test-only global).
      await app.page.evaluate(`window.__badInputBytes = ${buildBytes.toString()}`);
      return { codes };
    },
  });
}

/** Closes every notification, so the next entry's is the only one. */
async function dismissNotifications(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const button of document.querySelectorAll<HTMLButtonElement>('.toast__close')) button.click();
  });
  await page.locator('.toast').first().waitFor({ state: 'detached' });
}

/** Waits for the notification that ends the import of `name` ("the pasted text" for a paste). */
async function notificationFor(page: Page, name: string, timeout: number): Promise<Notification> {
  const handle = await page.waitForFunction(
    (n) => {
      for (const toast of document.querySelectorAll('.toast')) {
        const title = toast.querySelector('.toast__title')?.textContent ?? '';
        const message = toast.querySelector('.toast__message')?.textContent ?? '';
        if (title === `Could not import ${n}`) return { kind: 'error', title, message };
        if (title === `Imported “${n}”` || title === `Imported ${n}`) return { kind: 'imported', title, message };
        if (title === 'Already in the library') return { kind: 'duplicate', title, message };
      }
      return null;
    },
    name,
    { timeout, polling: 100 },
  );
  return (await handle.jsonValue()) as Notification;
}

/** The text the reader shows, line by line, once it shows the source with this id. */
async function readerText(app: App, sourceId: number, timeout: number) {
  const { source, version, text } = await app.library.invoke('sources.get', { sourceId });
  await app.page.locator(`.reader__text[data-length="${text.length}"]`).waitFor({ timeout });
  await expect
    .poll(() => app.page.locator('.reader__title').textContent(), { message: 'the reader shows the new source' })
    .toBe(source.title);
  const shown = await app.page
    .locator('.reader__line')
    .evaluateAll((lines) => lines.map((l) => l.textContent).join('\n'));
  // The reader adds nothing and interprets nothing: character for character the stored text.
  expect(shown.length, 'the reader shows the stored text').toBe(text.length);
  expect(shown === text, 'the reader shows the stored text').toBe(true);
  return { shown, title: source.title, format: version.format };
}

/**
 * Starts recording the phases ("Waiting…", "Reading…", "Importing…", …) the import progress list
 * shows for each file name, so a test can tell afterwards whether progress was shown, however
 * briefly.
 */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __phases?: Record<string, string[]>; __phaseObserver?: MutationObserver };
    w.__phaseObserver?.disconnect();
    const phases: Record<string, string[]> = {};
    w.__phases = phases;
    const note = () => {
      for (const item of document.querySelectorAll('.import-progress__item')) {
        const name = item.querySelector('.import-progress__name')?.textContent ?? '';
        const phase = item.querySelector('.import-progress__phase')?.textContent ?? '';
        const seen = (phases[name] ??= []);
        if (seen[seen.length - 1] !== phase) seen.push(phase);
      }
    };
    w.__phaseObserver = new MutationObserver(note);
    w.__phaseObserver.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class'],
    });
  });
}

/** The phases the progress list showed for `name` since recordProgress. */
async function progressShown(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => (window as unknown as { __phases: Record<string, string[]> }).__phases[n] ?? [], name);
}

/** Checks what one import ended in: the notification, the library and the reader agree with the expectation. */
async function expectOutcome(
  app: App & { codes: Map<string, string> },
  entry: BadInput,
  expected: Expectation,
  notification: Notification,
  sourcesBefore: ReadonlyArray<{ id: number }>,
  subject: { fileName: string } | 'the text',
  pasted?: string,
): Promise<void> {
  const sourcesAfter = await app.library.invoke('sources.list', {});
  const context = subject === 'the text' ? 'Could not import the pasted text' : `Could not import ${subject.fileName}`;
  if (expected.outcome === 'refuse') {
    expect(
      notification.kind,
      `${entry.name}: expected a refusal, got "${notification.title}: ${notification.message}"`,
    ).toBe('error');
    // The code is logged with the message, for bug reports: the one place the window names it.
    await expect.poll(() => app.codes.get(context), { message: 'the error code is logged' }).toBeDefined();
    expectClearRefusal(entry.name, expected, { code: app.codes.get(context), message: notification.message }, subject);
    expect(sourcesAfter, 'a refusal adds no source').toHaveLength(sourcesBefore.length);
    return;
  }
  expect(
    notification.kind,
    `${entry.name}: expected an import, got "${notification.title}: ${notification.message}"`,
  ).toBe('imported');
  expect(sourcesAfter, 'one new source').toHaveLength(sourcesBefore.length + 1);
  const created = sourcesAfter.find((s) => !sourcesBefore.some((b) => b.id === s.id))!;
  const shown = await readerText(app, created.id, timeoutFor(entry));
  expectCleanImport(
    entry.name,
    expected,
    {
      text: shown.shown,
      title: shown.title,
      format: shown.format,
      warnings: notification.message ? [notification.message] : [],
    },
    pasted,
  );
  expect(await injectedElements(app.page), `${entry.name}: injected into the page`).toEqual([]);
}

/** After a whole corpus: the list, the reader, the editor and the search still answer; nothing ran, nothing left the app. */
async function expectStillWorking(app: App): Promise<void> {
  const { page } = app;
  const imported = (await app.library.invoke('sources.list', {})).length;
  expect(await injectedElements(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Sources' }).click();
  if (await page.getByRole('button', { name: '← All sources' }).isVisible())
    await page.getByRole('button', { name: '← All sources' }).click();
  await expect.poll(() => page.locator('.source-list__item').count()).toBe(imported);
  const brief = await app.library.invoke('briefs.create', { title: `Still working ${Date.now()}`, template: 'empty' });
  await app.emit('library.changed');
  await page.locator(`#pane-briefs [data-brief-id="${brief.id}"]`).click();
  const body = page.locator('#pane-editor [contenteditable="true"]');
  await body.click();
  await page.keyboard.type('The editor still answers.');
  await expect.poll(() => body.textContent()).toContain('The editor still answers.');
  await app.library.invoke('claims.create', { statement: 'A claim card made after all the bad input.' });
  await app.emit('library.changed');
  await page.getByRole('tab', { name: 'Claim library' }).click();
  await page.getByRole('searchbox', { name: 'Search claim cards' }).fill('after bad input');
  await page.locator('.claim-result', { hasText: 'A claim card made after all the bad input.' }).waitFor();
  expect(app.dialogs, 'alert/confirm/prompt dialogs').toEqual([]);
  expect(app.popups, 'windows opened').toEqual([]);
  expect(app.blockedRequests, 'requests leaving the app').toEqual([]);
}

/** The entries as File objects are made in the page: small ones from their bytes, large ones from their recipe. */
function fileSpec(entry: BadInput) {
  return isLarge(entry)
    ? { name: entry.fileName, type: entry.mimeType, recipe: entry.bytes }
    : { name: entry.fileName, type: entry.mimeType, base64: corpus.bytes(entry).toString('base64') };
}

/** Drops the files onto the Sources tab as the OS does: dragenter, dragover (which the app must accept), drop. */
async function dropFiles(page: Page, files: ReturnType<typeof fileSpec>[]): Promise<boolean> {
  return page.evaluate((specs) => {
    const build = (window as unknown as { __badInputBytes: (recipe: unknown) => Uint8Array }).__badInputBytes;
    const transfer = new DataTransfer();
    for (const spec of specs) {
      const bytes = 'recipe' in spec ? build(spec.recipe) : Uint8Array.from(atob(spec.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes as Uint8Array<ArrayBuffer>], spec.name, { type: spec.type }));
    }
    const target = document.querySelector('.sources-panel .panel-body')!;
    const fire = (type: string) => {
      const event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    fire('dragenter');
    const accepted = fire('dragover');
    fire('drop');
    return accepted;
  }, files);
}

for (const way of ['file picker', 'drag and drop'] as const) {
  describe(`bad input through the ${way}`, () => {
    const app = useBadInputApp();
    beforeAll(async () => {
      await app.page.getByRole('tab', { name: 'Sources' }).click();
    });

    it.each(BAD_INPUTS.map((entry) => [entry.name, entry] as const))(
      '%s',
      { timeout: 120_000 },
      async (_name, entry) => {
        const { page } = app;
        await dismissNotifications(page);
        app.codes.clear();
        const before = await app.library.invoke('sources.list', {});
        await recordProgress(page);
        if (way === 'file picker') {
          const input = page.locator('.sources-panel input[type=file]');
          // Playwright sends buffers of at most 50 MB; large files go by path, as a real file would.
          await input.setInputFiles(
            isLarge(entry)
              ? corpus.path(entry)
              : { name: entry.fileName, mimeType: entry.mimeType, buffer: corpus.bytes(entry) },
          );
        } else {
          expect(await dropFiles(page, [fileSpec(entry)]), 'the Sources tab accepts a drag of files').toBe(true);
        }
        const notification = await notificationFor(page, entry.fileName, timeoutFor(entry));
        await expectOutcome(app, entry, entry.file, notification, before, { fileName: entry.fileName });
        const progress = await progressShown(page, entry.fileName);
        // A large file shows its progress while it is read and imported…
        if (isLarge(entry) && entry.file.outcome === 'import')
          expect(progress, 'progress shown').toContain('Importing…');
        // …and one over the limit is refused from its size, before anything is read.
        if (entry.file.outcome === 'refuse' && entry.file.code === 'TOO_LARGE')
          expect(progress, 'refused before reading').not.toContain('Reading…');
      },
    );

    it('still works afterwards, and nothing ran or left the app', async () => {
      await expectStillWorking(app);
      expect(appErrors(app)).toEqual([]);
    });
  });
}

/** Puts the entry's text in the page (built there when large) and pastes it into the focused element. */
async function pasteEntry(page: Page, entry: BadInput, into: 'text field' | 'brief'): Promise<string> {
  const plain = into === 'brief' ? entry.paste!.inBrief?.plain : undefined;
  const text = plain ?? corpus.pasteText(entry);
  // The HTML flavour is on the clipboard for both: a text field must take only the plain text.
  const html = entry.paste!.html;
  if (plain !== undefined || !isLarge(entry)) {
    await pasteClipboard(page, html, text);
    return text;
  }
  await page.evaluate((recipe) => {
    const w = window as unknown as { __badInputBytes: (recipe: unknown) => Uint8Array; __pasteText: string };
    w.__pasteText = new TextDecoder().decode(w.__badInputBytes(recipe));
  }, entry.bytes);
  await pasteClipboard(page, html, { fromWindow: '__pasteText' });
  return text;
}

/** Pastes the entry into "Paste text" and imports it: the text arrives whole, and imports cleanly or is refused clearly. */
async function pasteAsSource(app: App & { codes: Map<string, string> }, entry: BadInput): Promise<void> {
  const { page } = app;
  await dismissNotifications(page);
  app.codes.clear();
  await page.getByRole('tab', { name: 'Sources' }).click();
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste text as a source' });
  const textarea = dialog.getByLabel('Text');
  await textarea.focus();
  const before = await app.library.invoke('sources.list', {});
  const text = await pasteEntry(page, entry, 'text field');
  // A text field keeps the characters, with its line breaks as \n (a large text is compared in the page, where it was made).
  const arrived = await textarea.evaluate(
    (el: HTMLTextAreaElement, expected) =>
      el.value === (expected ?? (window as unknown as { __pasteText: string }).__pasteText).replace(/\r\n?/g, '\n'),
    isLarge(entry) ? null : text,
  );
  expect(arrived, 'the pasted text is in the field').toBe(true);
  expect(await injectedElements(page), `${entry.name}: injected into the page`).toEqual([]);
  const importButton = dialog.getByRole('button', { name: 'Import text' });
  const expected = entry.paste!.asSource;
  if (text.trim() === '') {
    // Blank text cannot be imported: the dialog does not offer it.
    expect(expected.outcome).toBe('refuse');
    expect(await importButton.isDisabled(), 'Import is disabled for blank text').toBe(true);
    expect(await app.library.invoke('sources.list', {})).toHaveLength(before.length);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    return;
  }
  await importButton.click();
  const notification = await notificationFor(page, 'the pasted text', timeoutFor(entry));
  await expectOutcome(app, entry, expected, notification, before, 'the text', text);
  if (expected.outcome === 'refuse') {
    // The dialog stays open with the text, so the user can fix it; then cancels.
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  } else {
    await dialog.waitFor({ state: 'hidden' });
  }
}

describe('bad input pasted', () => {
  const app = useBadInputApp();

  it.each(PASTEABLE_INPUTS.filter((e) => !isLarge(e)).map((entry) => [entry.name, entry] as const))(
    'into "Paste text": %s',
    async (_name, entry) => {
      await pasteAsSource(app, entry);
    },
  );

  describe('into a brief', () => {
    let body: ReturnType<Page['locator']>;
    beforeAll(async () => {
      const brief = await app.library.invoke('briefs.create', { title: 'Paste target', template: 'empty' });
      await app.emit('library.changed');
      await app.page.locator(`#pane-briefs [data-brief-id="${brief.id}"]`).click();
      body = app.page.locator('#pane-editor [contenteditable="true"]');
      await body.waitFor();
    });

    it.each(PASTEABLE_INPUTS.filter((e) => e.paste!.inBrief).map((entry) => [entry.name, entry] as const))(
      '%s',
      { timeout: 60_000 },
      async (_name, entry) => {
        const { page } = app;
        const expected = entry.paste!.inBrief!;
        await body.click();
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
        await expect.poll(() => body.textContent()).toBe('');
        await pasteEntry(page, entry, 'brief');
        const shown = (await body.textContent()) ?? '';
        for (const visible of expected.visible) expect(shown, `${entry.name}: lost "${visible}"`).toContain(visible);
        for (const absent of expected.absent ?? [])
          expect(shown.toLowerCase(), `${entry.name}: kept "${absent}"`).not.toContain(absent.toLowerCase());
        if (expected.absentChars) {
          const found = [
            ...shown.matchAll(new RegExp(expected.absentChars.source, `${expected.absentChars.flags}g`)),
          ].map((m) => `U+${m[0].codePointAt(0)!.toString(16).toUpperCase()}`);
          expect(found, `${entry.name}: disguising characters in the brief`).toEqual([]);
        }
        expect(await injectedElements(page), `${entry.name}: injected into the page`).toEqual([]);
      },
    );
  });

  it('still works afterwards, and nothing ran or left the app', async () => {
    await expectStillWorking(app);
    // Pasting HTML into the brief parses it (DOMPurify, Lexical), and Chromium reports every
    // inline handler and style of a parsed, inert document against the page's CSP, as blocked.
    for (const message of appErrors(app)) {
      expect(message).toMatch(
        /^console: (Executing inline event handler|Applying inline style) violates the following Content Security Policy directive .* The action has been blocked\.$/,
      );
    }
  });
});

// A paste of document size must not freeze the window. Laying out megabytes in a text field does
// (a 256 KB line took 67 s), so "Paste text" holds such a paste aside and says how much it holds,
// and refuses one over the limit at once, naming it. Each runs in a fresh window.
describe.each(PASTEABLE_INPUTS.filter(isLarge).map((entry) => [entry.name, entry] as const))(
  'a large paste into "Paste text": %s',
  (_name, entry) => {
    const app = useBadInputApp();

    it(
      'is held aside and imports, or is refused naming the limit, without freezing the window',
      { timeout: 90_000 },
      async () => {
        const { page } = app;
        await page.getByRole('tab', { name: 'Sources' }).click();
        await page.getByRole('button', { name: 'Paste text…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Paste text as a source' });
        await dialog.getByLabel('Text').focus();
        const before = await app.library.invoke('sources.list', {});
        await pasteEntry(page, entry, 'text field');
        const expected = entry.paste!.asSource;
        if (expected.outcome === 'refuse') {
          await expect
            .poll(() => dialog.getByRole('alert').textContent(), { timeout: 30_000 })
            .toMatch(/The pasted text is 50(\.\d)? MB; the most a source may have is 25 MB/);
          expect(await dialog.getByRole('button', { name: 'Import text' }).isDisabled()).toBe(true);
          await dialog.getByRole('button', { name: 'Cancel' }).click();
          expect(await app.library.invoke('sources.list', {})).toHaveLength(before.length);
          return;
        }
        await expect
          .poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 })
          .toMatch(/Pasted 5(\.\d)? MB of text \(1 line\)/);
        // The window answers while it holds the text.
        expect(await page.evaluate(() => 1 + 1)).toBe(2);
        await dialog.getByRole('button', { name: 'Import text' }).click();
        await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
        const after = await app.library.invoke('sources.list', {});
        expect(after).toHaveLength(before.length + 1);
        const added = after.find((source) => !before.some((b) => b.id === source.id))!;
        const stored = await app.library.invoke('sources.get', { sourceId: added.id });
        for (const visible of expected.visible) expect(stored.text).toContain(visible);
        expect(stored.text).not.toContain('\n');
      },
    );
  },
);
