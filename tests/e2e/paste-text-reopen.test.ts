// "Paste text" opened again after an import: it must already be empty when it is shown. It is
// focused the moment it opens, so a paste can land before the next frame; it used to be cleared
// only afterwards, and such a paste joined the last import's text or was wiped by the clearing
// (seen as a flaky bad-input run under load).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appErrors, pasteClipboard } from './support';
import { useApp } from './useApp';

describe('"Paste text" opened again', () => {
  const app = useApp();
  let page: Page;

  beforeAll(() => {
    page = app.page;
  });

  it('is empty the moment it is shown, and a paste straight away becomes the whole text', async () => {
    await page.getByRole('tab', { name: 'Sources' }).click();
    await page.getByRole('button', { name: 'Paste text…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste text as a source' });
    await dialog.getByLabel('Text').fill('First report: the ferry to Korsund resumed service.');
    await dialog.getByRole('button', { name: 'Import text' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // What the field and the title hold when the dialog is shown and focused, before any later render.
    await page.evaluate(() => {
      const show = HTMLDialogElement.prototype.showModal;
      HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
        show.call(this);
        const fields = [...this.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map(
          (field) => field.value,
        );
        (window as unknown as { __fieldsWhenShown: string[] }).__fieldsWhenShown = fields;
      };
    });
    await page.getByRole('button', { name: 'Paste text…' }).click();
    await dialog.waitFor();
    expect(await page.evaluate(() => (window as unknown as { __fieldsWhenShown: string[] }).__fieldsWhenShown)).toEqual(
      ['', ''],
    );

    const textarea = dialog.getByLabel('Text');
    await pasteClipboard(page, undefined, 'Second report: the rail ferry halted again.');
    expect(await textarea.inputValue()).toBe('Second report: the rail ferry halted again.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(appErrors(app)).toEqual([]);
  });
});
