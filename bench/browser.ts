// Benchmarks that need the real renderer in Chromium, through the test harness: typing latency
// in a long brief with many cards, card renders and serializations on the typing path, opening
// a brief, cold start with a large library, and opening a long source in the reader.
//
// How "keystroke to next paint" is measured. Per keydown, from the event's timestamp: the
// keystroke's handling (until the text it changed is seen in the DOM: after the editor's update,
// reconciliation, selection update and update listeners) plus the main-thread rendering of the
// next frame (from its animation-frame callback to a MessageChannel message posted there, which
// runs once style, layout, paint and commit are done). Only the idle wait between the two is left
// out. Headless Chromium starts frames on a 60 Hz vsync, so plain keydown-to-frame-end (what this
// bench measured first) holds 0–16.7 ms of waiting whatever the page does: measured that way an
// empty contenteditable gives p50 ≈ 15, p95 ≈ 16 ms and an empty <textarea> p95 ≈ 16–19 ms, so a
// p95 ≤ 16 ms target is out of reach for any page. Frame-rate switches do not help here: with
// --disable-frame-rate-limit --disable-gpu-vsync (Chromium 156, software compositing) a rAF loop
// speeds up, yet about half the keystrokes still wait ~16 ms for their frame (empty <textarea>
// p95 ≈ 17 ms). Nor does the Event Timing API (durations rounded to 8 ms, vsync wait and
// presentation included, no threshold under 16 ms). A task run between the handling and the frame
// would count as idle; Chromium renders the frame after an input before other tasks (a message
// posted from keydown arrives after it), and the editor runs no React commit while typing
// (tests/renderer/editor/performance.test.tsx). Measured this way an empty contenteditable in the
// same browser, the floor printed on every run next to the vsync-inclusive p95s, gives p50 ≈ 2.6,
// p95 ≈ 4–6 ms on an idle machine.
//
// "Open a brief" runs from the click event's timestamp (not from before Playwright's
// actionability checks) to the end of the first frame rendered once the new editable body is in
// the DOM, all timed inside the page, so no round trip to the test process is counted.
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { createLibrary } from '../electron/services/createLibrary';
import { claimCardNode, documentOf, paragraphNode, textNode, type SerializedNode } from '../shared/briefs/document';
import { launchApp } from '../tests/e2e/harness';
import { makeVocabulary, percentile, prose, seededRandom, sentence, zipfPicker } from './fixtures';

const SEED = 7;
const PARAGRAPHS = 1000;
const CARDS = 300;
const CITATIONS_PER_CARD = 5;
const KEYSTROKES = 300;
const CARET_MOVES = 100;
const TYPED_TEXT = 'the quick brown fox jumps over the lazy dog '.repeat(10).slice(0, KEYSTROKES);

/** Seeds the editor fixture: one brief of 1,000 paragraphs with 300 cards (1,500 citations), and the same paragraphs alone. */
async function seedBriefs(dbPath: string): Promise<{ withCards: string; plain: string }> {
  const random = seededRandom(SEED);
  const pick = zipfPicker(makeVocabulary(5000, random), random);
  const lib = createLibrary({ dbPath });
  try {
    const sourceText = prose(CARDS * CITATIONS_PER_CARD * 25, pick, random);
    const sentences = sourceText.split(/(?<=\.)\s+/).filter((s) => s.length > 30);
    const { sourceId } = await lib.invoke('sources.import', {
      content: { text: sourceText },
      metadata: { title: 'Benchmark source', reliability: 'B' },
    });
    const paragraphs: SerializedNode[] = Array.from({ length: PARAGRAPHS }, () =>
      paragraphNode([textNode(sentence(pick, random, 20, 60))]),
    );
    const withCards: SerializedNode[] = [];
    const every = Math.floor(PARAGRAPHS / CARDS);
    for (let i = 0, card = 0; i < PARAGRAPHS; i++) {
      withCards.push(paragraphs[i]!);
      if (i % every === every - 1 && card < CARDS) {
        const citations = Array.from({ length: CITATIONS_PER_CARD }, (_, k) => ({
          target: { sourceId, quote: sentences[(card * CITATIONS_PER_CARD + k) % sentences.length]! },
        }));
        const claim = await lib.invoke('claims.create', {
          statement: sentence(pick, random),
          likelihood: 'likely',
          confidence: 'moderate',
          credibility: 2,
          citations,
        });
        withCards.push(claimCardNode(claim.id));
        card++;
      }
    }
    const cardsBrief = await lib.invoke('briefs.create', { title: 'Bench: cards', template: 'empty' });
    await lib.invoke('briefs.save', { briefId: cardsBrief.id, document: documentOf(withCards) });
    const plainBrief = await lib.invoke('briefs.create', { title: 'Bench: plain', template: 'empty' });
    await lib.invoke('briefs.save', { briefId: plainBrief.id, document: documentOf(paragraphs) });
    return { withCards: 'Bench: cards', plain: 'Bench: plain' };
  } finally {
    lib.close();
  }
}

/**
 * Opens a brief by its title in the brief list; milliseconds from the click to the end of the
 * first frame rendered with the new editable body in the DOM.
 */
async function openBrief(page: Page, title: string): Promise<number> {
  const item = page.locator('[aria-label="Briefs"] >> text=' + JSON.stringify(title)).first();
  await item.waitFor();
  return timeClickToFrame(page, item, '.be-content[contenteditable="true"]');
}

/**
 * Clicks `item` and times, in the page, from the click event's timestamp to the end of the first
 * frame rendered once `selector` matches an element that was not there before the click.
 */
async function timeClickToFrame(page: Page, item: Locator, selector: string): Promise<number> {
  await page.evaluate((selector) => {
    const w = window as unknown as { __clickToFrame: Promise<number> };
    const previous = document.querySelector(selector);
    w.__clickToFrame = new Promise<number>((resolve, reject) => {
      setTimeout(() => reject(new Error(`${selector} did not appear within 60 s of the click.`)), 60_000);
      let clickedAt = -1;
      document.addEventListener('click', (event) => (clickedAt = event.timeStamp), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        const shown = document.querySelector(selector);
        if (clickedAt < 0 || shown === null || shown === previous) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - clickedAt);
          channel.port2.postMessage(0);
        });
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['contenteditable'],
      });
    });
  }, selector);
  await item.click();
  return page.evaluate(() => (window as unknown as { __clickToFrame: Promise<number> }).__clickToFrame);
}

interface TypingSample {
  /** Per keystroke: its handling plus the rendering of the next frame (see the top of this file). */
  times: number[];
  /** Per keystroke: keydown to the end of the next frame, the wait for the vsync included. */
  raw: number[];
}

/** Times every keydown of the page from now on (installed once per page). */
async function installKeystrokeProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __typing?: TypingSample };
    const installed = w.__typing !== undefined;
    w.__typing = { times: [], raw: [] };
    if (installed) return;
    let current: { handled: number | null } = { handled: null };
    // After the microtasks already queued behind the mutation (a React render the update asked for).
    new MutationObserver(() => {
      const keystroke = current;
      queueMicrotask(() => (keystroke.handled ??= performance.now()));
    }).observe(document, { subtree: true, childList: true, characterData: true });
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        const keystroke: { handled: number | null } = { handled: null };
        current = keystroke;
        requestAnimationFrame(() => {
          const frameStart = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const end = performance.now();
            // Handled after the frame began, or nothing observed: there was no idle wait to leave out.
            const idle = Math.max(0, frameStart - (keystroke.handled ?? frameStart));
            w.__typing!.times.push(end - start - idle);
            w.__typing!.raw.push(end - start);
          };
          channel.port2.postMessage(0);
        });
      },
      { capture: true },
    );
  });
}

/** Types the text one key at a time, letting each keystroke paint before the next. */
async function typeSlowly(page: Page, text: string): Promise<TypingSample> {
  for (const ch of text) {
    await page.keyboard.type(ch);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  return page.evaluate(() => (window as unknown as { __typing: TypingSample }).__typing);
}

/** The floor of the method: the same keystrokes into an empty contenteditable in the same browser. */
async function measureFloor(browser: Browser): Promise<TypingSample> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.setContent(
      '<div contenteditable="true" aria-label="Floor" style="width: 40rem; min-height: 20rem"></div>',
    );
    await page.focus('[contenteditable]');
    await installKeystrokeProbe(page);
    return await typeSlowly(page, TYPED_TEXT);
  } finally {
    await context.close();
  }
}

/** Keystroke-to-next-paint times for typing in the middle of the brief, far from any card. */
async function measureTyping(
  page: Page,
): Promise<{ p95: number; rawP95: number; cardRenders: number; caretSerializations: number }> {
  // The caret at the end of the middle paragraph that has no card next to it.
  await page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll('.be-content > p')];
    const target = paragraphs[Math.floor(paragraphs.length / 2)]!;
    target.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.selectNodeContents(target);
    range.collapse(false);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await page.locator('.be-content').focus();
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const w = window as unknown as { __briefingEditorStats: Record<string, number> };
    for (const key of Object.keys(w.__briefingEditorStats)) w.__briefingEditorStats[key] = 0;
  });
  await installKeystrokeProbe(page);
  const typed = await typeSlowly(page, TYPED_TEXT);
  const cardRenders = await page.evaluate(
    () =>
      (window as unknown as { __briefingEditorStats: Record<string, number> }).__briefingEditorStats.cardRenders ?? 0,
  );
  // Let autosave finish, then count serializations while only the caret moves.
  await page.waitForTimeout(2500);
  await page.evaluate(
    () =>
      ((window as unknown as { __briefingEditorStats: Record<string, number> }).__briefingEditorStats.serializations =
        0),
  );
  for (let i = 0; i < CARET_MOVES; i++) await page.keyboard.press(i % 2 ? 'ArrowRight' : 'ArrowLeft');
  await page.waitForTimeout(2500);
  const caretSerializations = await page.evaluate(
    () =>
      (window as unknown as { __briefingEditorStats: Record<string, number> }).__briefingEditorStats.serializations ??
      0,
  );
  return {
    p95: percentile(typed.times, 95),
    rawP95: percentile(typed.raw, 95),
    cardRenders: cardRenders / KEYSTROKES,
    caretSerializations: caretSerializations / CARET_MOVES,
  };
}

/**
 * Opens a source of about `megabytes` MB of text (paragraph lines) in the reader: from the click
 * event's timestamp to the end of the first frame with the reader's lines in the DOM, timed in
 * the page like opening a brief. The text reaches the page through the harness, as in the app.
 */
async function measureReaderOpen(
  dir: string,
  megabytes: number,
): Promise<{ ms: number; lines: number; megabytes: number }> {
  const app = await launchApp({ dbPath: join(dir, `reader-${megabytes}.db`) });
  try {
    const random = seededRandom(SEED + 2);
    const pick = zipfPicker(makeVocabulary(5000, random), random);
    // About 7 characters per generated word, spaces included.
    const text = prose(Math.round((megabytes * 1024 * 1024) / 7), pick, random);
    const title = `Long source ${megabytes} MB`;
    await app.library.invoke('sources.import', { content: { text, format: 'text' }, metadata: { title } });
    await app.emit('library.changed');
    const item = app.page.getByRole('button', { name: title }).first();
    await item.waitFor();
    const ms = await timeClickToFrame(app.page, item, '.reader__line');
    return { ms, lines: text.split('\n').length, megabytes: text.length / 1024 / 1024 };
  } finally {
    await app.close();
  }
}

async function measureColdStart(dbPath: string): Promise<number> {
  const app = await launchApp({ dbPath });
  try {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      await app.page.reload();
      await app.page.waitForSelector('.workspace', { timeout: 60_000 });
      samples.push(
        await app.page.evaluate(
          () =>
            new Promise<number>((resolve) =>
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)),
            ),
        ),
      );
    }
    return percentile(samples, 50);
  } finally {
    await app.close();
  }
}

export async function benchBrowser(
  dir: string,
  which: { editor: boolean; start: boolean; reader: boolean },
): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  if (which.editor) {
    console.log('editor …');
    const dbPath = join(dir, 'editor.db');
    const titles = await seedBriefs(dbPath);
    const app = await launchApp({ dbPath });
    try {
      results.open_brief_ms = await openBrief(app.page, titles.withCards);
      const cards = await measureTyping(app.page);
      await openBrief(app.page, titles.plain);
      const plain = await measureTyping(app.page);
      const floor = await measureFloor(app.browser);
      results.typing_p95_ms = cards.p95;
      results.typing_ratio_vs_plain = cards.p95 / plain.p95;
      results.card_renders_per_keystroke = cards.cardRenders;
      results.serializations_per_caret_move = cards.caretSerializations;
      console.log(
        `  typing p95: cards ${cards.p95.toFixed(1)} ms, plain ${plain.p95.toFixed(1)} ms, empty contenteditable (floor) ${percentile(floor.times, 95).toFixed(1)} ms;` +
          ` keydown to frame end with the vsync wait: cards ${cards.rawP95.toFixed(1)}, plain ${plain.rawP95.toFixed(1)}, floor ${percentile(floor.raw, 95).toFixed(1)} ms`,
      );
    } finally {
      await app.close();
    }
  }
  if (which.start) {
    console.log('cold start …');
    const bigPath = join(dir, 'cold-10k.db');
    const lib = createLibrary({ dbPath: bigPath });
    const random = seededRandom(SEED + 1);
    const pick = zipfPicker(makeVocabulary(5000, random), random);
    lib.context.db.transaction(() => {
      for (let i = 0; i < 10_000; i++)
        lib.context.claims.insert(
          {
            statement: sentence(pick, random),
            kind: 'fact',
            likelihood: null,
            confidence: null,
            credibility: null,
            status: 'draft',
            tags: [`tag${i % 40}`],
          },
          new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        );
    })();
    lib.close();
    const big = await measureColdStart(bigPath);
    const empty = await measureColdStart(join(dir, 'cold-empty.db'));
    results.cold_start_ms = big;
    results.cold_start_ratio_vs_empty = big / empty;
  }
  if (which.reader) {
    // Last, so its large libraries do not disturb the timings above. Printed only:
    // bench/results.json holds exactly the measures with a target (TARGETS in bench/run.ts).
    console.log('reader …');
    for (const megabytes of [1.5, 5]) {
      const opened = await measureReaderOpen(dir, megabytes);
      console.log(
        `  open a ${opened.megabytes.toFixed(1)} MB source (${opened.lines.toLocaleString('en')} lines) in the reader: ${opened.ms.toFixed(0)} ms`,
      );
    }
  }
  return results;
}
