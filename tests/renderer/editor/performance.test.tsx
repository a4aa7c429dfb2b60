// @vitest-environment jsdom
// DESIGN.md §6 performance rules, counted in a real editor rendered by React: typing
// far from any claim card renders no card, caret moves serialize nothing and save nothing,
// autosave serializes at most once per debounce window, and the word count waits for a pause. The counters are proven live by the
// control cases (a claim edit does render its card; an idle autosave does serialize once).
import {
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  type LexicalEditor,
  type TextNode,
} from 'lexical';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  claimCardNode,
  documentOf,
  paragraphNode,
  textNode,
  type SerializedNode,
} from '../../../shared/briefs/document';
import { invoke } from '../../../renderer/bridge';
import type { BriefEditorStatus } from '../../../renderer/editor/BriefEditor';
import { editorStats, resetEditorStats } from '../../../renderer/editor/editorStats';
import { WORD_COUNT_REPORT_DELAY_MS } from '../../../renderer/editor/plugins/WordCountPlugin';
import { installLibrary, mountBriefEditor, seedClaims, settle, type MountedEditor, type TestLibrary } from './harness';

const PARAGRAPHS = 120;
const CARD_EVERY = 12; // a card after paragraphs 12, 24, …: 10 cards
const DELAY = 300;

let library: TestLibrary;
let mounted: MountedEditor | null = null;
let briefId: number;
let claimIds: number[];

function paragraphText(i: number): string {
  return `Paragraph ${i} of the discussion, with enough words to look like analysis of the situation.`;
}

beforeEach(async () => {
  library = installLibrary();
  claimIds = await seedClaims(library, 10);
  const brief = await library.invoke('briefs.create', { title: 'Performance', template: 'empty' });
  briefId = brief.id;
  const inline = await library.invoke('citations.attach', {
    briefId,
    target: { sourceId: 1, quote: 'border crossing 3 was closed' },
    stance: 'supports',
  });
  const children: SerializedNode[] = [];
  for (let i = 0; i < PARAGRAPHS; i++) {
    children.push(
      paragraphNode(
        i === 60
          ? [textNode(paragraphText(i)), { type: 'citation', version: 1, citationId: inline.id }]
          : [textNode(paragraphText(i))],
      ),
    );
    if ((i + 1) % CARD_EVERY === 0) children.push(claimCardNode(claimIds[(i + 1) / CARD_EVERY - 1]!));
  }
  const saved = await library.invoke('briefs.save', { briefId, document: documentOf(children) });
  expect(saved.claimCount).toBe(10);
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
  library.close();
});

function textNodes(editor: LexicalEditor): TextNode[] {
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .flatMap((block) => ($isElementNode(block) ? block.getChildren().filter($isTextNode) : [])),
  );
}

async function openBrief(): Promise<MountedEditor> {
  mounted = await mountBriefEditor({ briefId, onCitationClick: () => {}, autosaveDelayMs: DELAY });
  for (let i = 0; i < 100 && mounted.container.querySelectorAll('.be-card__statement').length < 10; i++)
    await settle(10);
  expect(mounted.container.querySelectorAll('.be-card__statement')).toHaveLength(10);
  await settle(DELAY + 100);
  return mounted;
}

const saveCalls = () => library.calls.filter((c) => c.method === 'briefs.save').length;

describe('typing and caret moves in a brief with claim cards', () => {
  it('typing far from any card renders no card; autosave serializes once per debounce window, not per keystroke', async () => {
    const { editor } = await openBrief();
    const first = textNodes(editor)[0]!;
    await act(async () =>
      editor.update(() => first.select(first.getTextContentSize(), first.getTextContentSize()), { discrete: true }),
    );
    resetEditorStats();
    const savesBefore = saveCalls();

    const keystrokes = 60;
    const started = performance.now();
    for (let i = 0; i < keystrokes; i++) {
      await act(async () => {
        editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, i % 7 === 6 ? ' ' : 'x');
      });
    }
    const typingMs = performance.now() - started;
    if (process.env.REPORT_COUNTS)
      console.log('COUNTS typing', keystrokes, 'keys in', Math.round(typingMs), 'ms', JSON.stringify(editorStats));
    expect(editorStats.cardRenders).toBe(0);
    // At most one serialization per debounce window that passed while typing (0 on a fast machine).
    expect(editorStats.serializations).toBeLessThanOrEqual(Math.ceil(typingMs / DELAY));
    expect(editorStats.serializations).toBeLessThan(keystrokes / 4);

    await settle(DELAY + 200);
    if (process.env.REPORT_COUNTS) console.log('COUNTS after idle', JSON.stringify(editorStats));
    expect(editorStats.cardRenders).toBe(0);
    expect(editorStats.serializations).toBeGreaterThanOrEqual(1);
    expect(editorStats.serializations).toBeLessThanOrEqual(Math.ceil(typingMs / DELAY) + 1);
    expect(saveCalls() - savesBefore).toBe(editorStats.serializations);
    const stored = await library.invoke('briefs.get', { briefId });
    expect(JSON.stringify(stored.document)).toContain(`${paragraphText(0)}xxxxxx xxxxxx x`);
  });

  it('moving the caret serializes nothing, saves nothing and renders no card', async () => {
    const { editor } = await openBrief();
    const nodes = textNodes(editor);
    resetEditorStats();
    const savesBefore = saveCalls();
    // Caret moves across the whole brief, including the paragraphs right beside cards.
    for (let i = 0; i < 80; i++) {
      const node = nodes[(i * 7) % nodes.length]!;
      await act(async () =>
        editor.update(
          () => {
            const offset = (i * 13) % node.getTextContentSize();
            node.select(offset, offset);
          },
          { discrete: true },
        ),
      );
    }
    // Moves the browser reports (selectionchange), as arrow keys and clicks do.
    editor.getRootElement()!.focus();
    for (let i = 0; i < 20; i++) {
      const target = nodes[i * 5]!;
      const dom = editor.getElementByKey(target.getKey())!.firstChild!;
      await act(async () => {
        document.getSelection()!.setBaseAndExtent(dom, i, dom, i);
        document.dispatchEvent(new Event('selectionchange'));
      });
      await settle();
      const caret = editor.getEditorState().read(() => {
        const selection = $getSelection();
        return $isRangeSelection(selection) ? [selection.anchor.key, selection.anchor.offset] : null;
      });
      expect(caret).toEqual([target.getKey(), i]);
    }
    await settle(DELAY + 200);
    if (process.env.REPORT_COUNTS) console.log('COUNTS caret moves 100', JSON.stringify(editorStats));
    expect(editorStats.serializations).toBe(0);
    expect(saveCalls()).toBe(savesBefore);
    expect(editorStats.cardRenders).toBe(0);
  });

  it('the word count reaches the status line when typing pauses, not between keystrokes', async () => {
    // Every React commit while the body has focus walks the whole body (React saves the
    // selection), so nothing on screen may re-render between two keystrokes.
    const statuses: BriefEditorStatus[] = [];
    mounted = await mountBriefEditor({
      briefId,
      onCitationClick: () => {},
      autosaveDelayMs: 60_000,
      onStatus: (s) => statuses.push(s),
    });
    for (let i = 0; i < 100 && !(statuses.at(-1)?.wordCount ?? 0); i++) await settle(10);
    const before = statuses.at(-1)!.wordCount;
    expect(before).toBeGreaterThan(PARAGRAPHS * 10);
    const { editor } = mounted;
    const first = textNodes(editor)[0]!;
    await act(async () =>
      editor.update(() => first.select(first.getTextContentSize(), first.getTextContentSize()), { discrete: true }),
    );

    const reported = statuses.length;
    let pauses = 0;
    let last = performance.now();
    for (let i = 0; i < 12; i++) {
      await act(async () => {
        editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, i % 2 ? 'w' : ' ');
      });
      await settle(30);
      const now = performance.now();
      if (now - last >= WORD_COUNT_REPORT_DELAY_MS) pauses++; // a slow machine paused by itself
      last = now;
    }
    expect(statuses.length - reported).toBeLessThanOrEqual(pauses);
    await settle(WORD_COUNT_REPORT_DELAY_MS + 100);
    expect(statuses.at(-1)!.wordCount).toBe(before + 6);
  });

  it('control: editing a claim re-renders exactly the card that shows it, with the new text', async () => {
    const { container } = await openBrief();
    resetEditorStats();
    const claim = await library.invoke('claims.get', { claimId: claimIds[4]! });
    await act(async () => {
      // Through the renderer's bridge, as the card inspector saves: it announces the change.
      await invoke('claims.update', {
        claimId: claim.id,
        baseRevision: claim.revision,
        fields: { statement: 'Crossing 5 reopened on day 9.' },
      });
    });
    for (let i = 0; i < 50 && !container.textContent?.includes('Crossing 5 reopened'); i++) await settle(10);
    expect(container.textContent).toContain('Crossing 5 reopened on day 9.');
    expect(editorStats.cardRenders).toBeGreaterThanOrEqual(1);
    expect(editorStats.cardRenders).toBeLessThanOrEqual(2);
    expect(editorStats.serializations).toBe(0);
  });
});
