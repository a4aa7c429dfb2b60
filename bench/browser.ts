// Benchmarks that need the real renderer in Chromium, through the test harness: typing latency
// in a long brief with many cards, card renders and serializations on the typing path, opening
// a brief, and cold start with a large library.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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

/** Seeds the editor fixture: one brief of 1,000 paragraphs with 300 cards (1,500 citations), and the same paragraphs alone. */
async function seedBriefs(dbPath: string): Promise<{ withCards: string; plain: string }> {
  const random = seededRandom(SEED);
  const pick = zipfPicker(makeVocabulary(5000, random), random);
  const lib = createLibrary({ dbPath });
  try {
    const sourceText = prose(CARDS * CITATIONS_PER_CARD * 25, pick, random);
    const sentences = sourceText.split(/(?<=\.)\s+/).filter((s) => s.length > 30);
    const { sourceId } = await lib.invoke('sources.import', { content: { text: sourceText }, metadata: { title: 'Benchmark source', reliability: 'B' } });
    const paragraphs: SerializedNode[] = Array.from({ length: PARAGRAPHS }, () => paragraphNode([textNode(sentence(pick, random, 20, 60))]));
    const withCards: SerializedNode[] = [];
    const every = Math.floor(PARAGRAPHS / CARDS);
    for (let i = 0, card = 0; i < PARAGRAPHS; i++) {
      withCards.push(paragraphs[i]!);
      if (i % every === every - 1 && card < CARDS) {
        const citations = Array.from({ length: CITATIONS_PER_CARD }, (_, k) => ({ target: { sourceId, quote: sentences[(card * CITATIONS_PER_CARD + k) % sentences.length]! } }));
        const claim = await lib.invoke('claims.create', { statement: sentence(pick, random), likelihood: 'likely', confidence: 'moderate', credibility: 2, citations });
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

/** Opens a brief by its title in the brief list; milliseconds from the click to the first paint of an editable body. */
async function openBrief(page: Page, title: string): Promise<number> {
  const item = page.locator('[aria-label="Briefs"] >> text=' + JSON.stringify(title)).first();
  const started = await page.evaluate(() => performance.now());
  await item.click();
  await page.waitForSelector('.be-content[contenteditable="true"]', { timeout: 60_000 });
  return page.evaluate(
    (t0) => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))),
    started,
  );
}

/** Keystroke-to-next-paint times for typing in the middle of the brief, far from any card. */
async function measureTyping(page: Page): Promise<{ p95: number; cardRenders: number; caretSerializations: number }> {
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
    const w = window as unknown as { __typingTimes: number[]; __briefingEditorStats: Record<string, number> };
    w.__typingTimes = [];
    for (const key of Object.keys(w.__briefingEditorStats)) w.__briefingEditorStats[key] = 0;
    document.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__typingTimes.push(performance.now() - t0);
          channel.port2.postMessage(0);
        });
      },
      { capture: true },
    );
  });
  const text = 'the quick brown fox jumps over the lazy dog '.repeat(10).slice(0, KEYSTROKES);
  for (const ch of text) {
    await page.keyboard.type(ch);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  const typed = await page.evaluate(() => {
    const w = window as unknown as { __typingTimes: number[]; __briefingEditorStats: Record<string, number> };
    return { times: w.__typingTimes, cardRenders: w.__briefingEditorStats.cardRenders ?? 0 };
  });
  // Let autosave finish, then count serializations while only the caret moves.
  await page.waitForTimeout(2500);
  await page.evaluate(() => ((window as unknown as { __briefingEditorStats: Record<string, number> }).__briefingEditorStats.serializations = 0));
  for (let i = 0; i < CARET_MOVES; i++) await page.keyboard.press(i % 2 ? 'ArrowRight' : 'ArrowLeft');
  await page.waitForTimeout(2500);
  const caretSerializations = await page.evaluate(() => (window as unknown as { __briefingEditorStats: Record<string, number> }).__briefingEditorStats.serializations ?? 0);
  return { p95: percentile(typed.times, 95), cardRenders: typed.cardRenders / KEYSTROKES, caretSerializations: caretSerializations / CARET_MOVES };
}

async function measureColdStart(dbPath: string): Promise<number> {
  const app = await launchApp({ dbPath });
  try {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      await app.page.reload();
      await app.page.waitForSelector('.workspace', { timeout: 60_000 });
      samples.push(await app.page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)))));
    }
    return percentile(samples, 50);
  } finally {
    await app.close();
  }
}

export async function benchBrowser(dir: string, which: { editor: boolean; start: boolean }): Promise<Record<string, number>> {
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
      results.typing_p95_ms = cards.p95;
      results.typing_ratio_vs_plain = cards.p95 / plain.p95;
      results.card_renders_per_keystroke = cards.cardRenders;
      results.serializations_per_caret_move = cards.caretSerializations;
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
      for (let i = 0; i < 10_000; i++) lib.context.claims.insert({ statement: sentence(pick, random), kind: 'fact', likelihood: null, confidence: null, credibility: null, status: 'draft', tags: [`tag${i % 40}`] }, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString());
    })();
    lib.close();
    const big = await measureColdStart(bigPath);
    const empty = await measureColdStart(join(dir, 'cold-empty.db'));
    results.cold_start_ms = big;
    results.cold_start_ratio_vs_empty = big / empty;
  }
  return results;
}
