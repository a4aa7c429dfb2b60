// What the e2e specs share: the app on a fresh library file (which specs get through useApp.ts),
// selecting text in the source reader the way a user does, reading back what the reader
// highlights, and the axe check.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchApp, type LaunchedApp, type LaunchOptions } from './harness';

/** Messages Chromium logs about the harness origin itself, not about the app (http:// is not a "trustworthy" origin; a meta CSP cannot carry frame-ancestors). */
const HARNESS_NOISE = [
  /Cross-Origin-Opener-Policy header has been ignored/,
  /'frame-ancestors' is ignored when delivered via a <meta> element/,
];

export interface StartedApp extends LaunchedApp {
  /** The temp folder made for this app, removed by `stop`. */
  dir: string;
  /** The library file, in `dir`. */
  dbPath: string;
  /** Closes the app and removes `dir`. */
  stop: () => Promise<void>;
}

/** Launches the app on a new library file in its own temp folder; `stop` closes it and removes the folder. */
export async function startApp(options: Omit<LaunchOptions, 'dbPath'> = {}): Promise<StartedApp> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-e2e-'));
  const dbPath = join(dir, 'library.db');
  let app: LaunchedApp;
  try {
    app = await launchApp({ dbPath, ...options });
  } catch (error) {
    // Nothing will ever stop an app that did not launch: its folder goes now.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...app,
    dir,
    dbPath,
    async stop() {
      try {
        await app.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Console and page errors other than the harness' own origin noise; a CSP violation would be here. */
export function appErrors(app: LaunchedApp): string[] {
  return app.errors.filter((message) => !HARNESS_NOISE.some((noise) => noise.test(message)));
}

export const reader = (page: Page): Locator => page.locator('.reader__text');

/**
 * Selects `quote` in the reader as a user would: with the mouse, pressing on the first
 * character and releasing on the last. (`occurrence` picks among repeated quotes.)
 */
export async function selectWithMouse(page: Page, quote: string, occurrence = 0): Promise<void> {
  // Find where the quote is on screen, then forget that selection and drag over it.
  await selectRange(page, quote, occurrence);
  const box = await page.evaluate(() => {
    const selection = window.getSelection()!;
    const range = selection.getRangeAt(0);
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    selection.removeAllRanges();
    const first = rects[0]!;
    const last = rects[rects.length - 1]!;
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  });
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/**
 * Sets the DOM selection to exactly `quote` in the reader (as a keyboard or touch selection
 * would end up). For right-to-left text, where pointer positions do not map simply onto
 * logical order, this is the precise way to select.
 */
export async function selectRange(page: Page, quote: string, occurrence = 0): Promise<void> {
  await page.evaluate(
    ([q, nth]) => {
      const root = document.querySelector('.reader__text')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const all = nodes.map((n) => n.data).join('');
      let at = -1;
      for (let i = 0; i <= nth; i += 1) at = all.indexOf(q, at + 1);
      if (at < 0) throw new Error(`"${q}" is not in the reader`);
      const range = document.createRange();
      let offset = 0;
      for (const node of nodes) {
        const end = offset + node.data.length;
        if (at >= offset && at < end) range.setStart(node, at - offset);
        if (at + q.length > offset && at + q.length <= end) {
          range.setEnd(node, at + q.length - offset);
          break;
        }
        offset = end;
      }
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [quote, occurrence] as const,
  );
}

/** The text of every highlighted segment of one citation, joined in reading order. */
export async function highlightedText(page: Page, citationId: number): Promise<string> {
  return page.evaluate((id) => {
    const marks = [...document.querySelectorAll(`.reader__text mark[data-citations~="${id}"]`)];
    // Segments of one passage on several lines are joined by the line breaks between them.
    let text = '';
    let lastLine: Element | null = null;
    for (const mark of marks) {
      const line = mark.closest('.reader__line');
      if (lastLine && line !== lastLine) text += '\n';
      text += mark.textContent;
      lastLine = line;
    }
    return text;
  }, citationId);
}

/** Fails with the list of serious and critical axe violations on the page as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Judge the final layout: with fonts still loading, what overflows (and so scrolls) can differ.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Legacy mode runs axe inside the page: the default opens a helper page, which the harness
  // closes as it closes every window the app did not ask for.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n    ')}`,
  );
  expect(report, `axe on "${screen}"`).toEqual([]);
}

/** Imports a text file through the Sources tab's file picker and waits for its reader. */
export async function importFile(page: Page, name: string, content: string, mimeType = 'text/plain'): Promise<void> {
  await page.getByRole('tab', { name: 'Sources' }).click();
  await page
    .locator('.sources-panel input[type=file]')
    .setInputFiles({ name, mimeType, buffer: Buffer.from(content, 'utf8') });
  await page.locator('.reader__text').waitFor();
}

/** Everything in the page that could run, load or navigate and is not the app's own (empty when nothing hostile got in). */
export async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}>`;
    for (const script of document.querySelectorAll('script')) {
      // The app's only script is its bundle, a module from its own assets.
      if (!(script.type === 'module' && /\/assets\/[^/]+\.js$/.test(script.src)))
        found.push(`script ${script.src || script.textContent?.slice(0, 40)}`);
    }
    for (const el of document.querySelectorAll(
      'iframe, frame, frameset, object, embed, base, meta[http-equiv="refresh" i], svg script, math, style, link:not([rel="stylesheet"]), link[rel="stylesheet"]:not([href*="/assets/"])',
    )) {
      found.push(describe(el));
    }
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${describe(el)} ${attr.name}`);
        if (
          /^(href|src|action|formaction|xlink:href|srcdoc|data)$/i.test(attr.name) &&
          /^\s*(javascript|vbscript|data):/i.test(attr.value)
        )
          found.push(`${describe(el)} ${attr.name}=${attr.value.slice(0, 40)}`);
      }
    }
    return found;
  });
}

/**
 * Puts `plain` (and `html`, if given) on the clipboard through a real copy, then pastes with
 * Ctrl+V into the focused element. For a text too large to send to the page, `plain` may name a
 * `window` property that already holds it.
 */
export async function pasteClipboard(
  page: Page,
  html: string | undefined,
  plain: string | { fromWindow: string },
): Promise<void> {
  await page.evaluate(
    ([h, p]) => {
      const text = typeof p === 'string' ? p : String((window as unknown as Record<string, unknown>)[p.fromWindow]);
      document.addEventListener(
        'copy',
        (event) => {
          if (h !== null) event.clipboardData!.setData('text/html', h);
          event.clipboardData!.setData('text/plain', text);
          event.preventDefault();
        },
        { once: true, capture: true },
      );
    },
    [html ?? null, plain] as const,
  );
  await page.keyboard.press('Control+C');
  await page.keyboard.press('Control+V');
}
