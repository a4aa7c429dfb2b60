// @vitest-environment jsdom
// The brief editor as an analyst uses it, rendered by React over a real library file: autosave
// and exact reopen, inserting cards (library button, /claim, shortcut, drag-and-drop) and inline
// citations, numbered citation markers that open the passage, honest fuzzy/orphaned marks,
// formatting, links, word count, title and marking.
import {
  $getRoot,
  $isElementNode,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  KEY_ENTER_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectReferences, type SerializedDocument } from '../../../shared/briefs/document';
import type { BriefEditorStatus } from '../../../renderer/editor/BriefEditor';
import { invoke } from '../../../renderer/bridge';
import { CLAIM_DRAG_MIME, requestInsertCitation, requestInsertClaim } from '../../../renderer/editor/editorCommands';
import { countWords } from '../../../renderer/editor/wordCount';
import { installLibrary, mountBriefEditor, seedClaims, settle, type MountedEditor, type TestLibrary } from './harness';

let library: TestLibrary;
let mounted: MountedEditor | null = null;
let claimIds: number[];

beforeEach(async () => {
  library = installLibrary();
  claimIds = await seedClaims(library, 3);
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
  library.close();
});

async function newBrief(template: 'standard' | 'empty' = 'standard'): Promise<number> {
  return (await library.invoke('briefs.create', { title: 'Weekly brief', template })).id;
}

async function open(
  briefId: number,
  extra: Partial<Parameters<typeof mountBriefEditor>[0]> = {},
): Promise<MountedEditor> {
  mounted = await mountBriefEditor(
    { briefId, onCitationClick: () => {}, autosaveDelayMs: 100, ...extra },
    { strict: true },
  );
  return mounted;
}

/** Puts the caret at the end of the n-th top-level block's text. */
async function caretInBlock(editor: LexicalEditor, n: number): Promise<void> {
  await act(async () =>
    editor.update(
      () => {
        const block = $getRoot().getChildAtIndex(n);
        if ($isElementNode(block)) block.selectEnd();
      },
      { discrete: true },
    ),
  );
}

async function type(editor: LexicalEditor, text: string): Promise<void> {
  for (const ch of text) {
    await act(async () => {
      editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, ch);
    });
  }
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await settle(10);
  if (!check()) throw new Error(`Timed out waiting for ${what}`);
}

const stored = async (briefId: number) =>
  (await library.invoke('briefs.get', { briefId })).document as unknown as SerializedDocument;
const editorJson = (editor: LexicalEditor) => editor.getEditorState().toJSON() as unknown as SerializedDocument;

/** Selects characters of the first text in the document (call inside an update). */
function selectText(from: number, to: number): void {
  const text = $getRoot().getAllTextNodes()[0]!;
  text.select(from, to);
}

function keydown(editor: LexicalEditor, init: KeyboardEventInit): void {
  editor.getRootElement()!.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
}

describe('autosave and reopening', () => {
  it('saves typed text after the debounce; reopening restores the document exactly', async () => {
    const briefId = await newBrief();
    const { editor } = await open(briefId);
    await caretInBlock(editor, 1); // the paragraph under BLUF
    await type(editor, 'Border closures will continue.');
    await until(() => library.calls.some((c) => c.method === 'briefs.save'), 'an autosave');
    await settle(50);
    const saved = await stored(briefId);
    expect(JSON.stringify(saved)).toContain('Border closures will continue.');
    expect(saved).toEqual(editorJson(editor));

    await mounted!.unmount();
    mounted = null;
    const reopened = await open(briefId);
    expect(editorJson(reopened.editor)).toEqual(saved);
  });

  it('closing the editor before the debounce still saves the last keystrokes', async () => {
    const briefId = await newBrief();
    const { editor } = await open(briefId, { autosaveDelayMs: 60_000 });
    await caretInBlock(editor, 1);
    await type(editor, 'Last words');
    expect(library.calls.filter((c) => c.method === 'briefs.save')).toHaveLength(0);
    await mounted!.unmount();
    mounted = null;
    await settle(50);
    expect(JSON.stringify(await stored(briefId))).toContain('Last words');
  });

  it('hiding the window (switching apps, closing) saves at once', async () => {
    const briefId = await newBrief();
    const { editor } = await open(briefId, { autosaveDelayMs: 60_000 });
    await caretInBlock(editor, 1);
    await type(editor, 'Before hiding');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      await act(async () => document.dispatchEvent(new Event('visibilitychange')));
      await settle(50);
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
    }
    expect(JSON.stringify(await stored(briefId))).toContain('Before hiding');
  });

  it('a save refused as stale (saved elsewhere) is reported, not overwritten', async () => {
    const briefId = await newBrief();
    const statuses: BriefEditorStatus[] = [];
    const { editor } = await open(briefId, { onStatus: (s) => statuses.push(s) });
    // Someone else saves the brief meanwhile (another window, the CLI).
    await library.invoke('briefs.append', { briefId, block: { text: 'Added elsewhere.' } });
    await caretInBlock(editor, 1);
    await type(editor, 'Mine');
    await until(() => statuses.some((s) => s.error !== null), 'a save error');
    expect(statuses.at(-1)!.error).toMatch(/saved elsewhere/);
    expect(JSON.stringify(await stored(briefId))).toContain('Added elsewhere.');
    expect(mounted!.container.querySelector('.be-status__save')!.textContent).toBe('Not saved');
  });

  it('reports word count and save state to the host', async () => {
    const briefId = await newBrief();
    const statuses: BriefEditorStatus[] = [];
    const { editor } = await open(briefId, { onStatus: (s) => statuses.push(s) });
    expect(statuses.at(-1)!.wordCount).toBe(5); // BLUF, Key judgments, Discussion, Outlook
    await caretInBlock(editor, 1);
    await type(editor, 'Three more words');
    await until(() => statuses.some((s) => s.saving), 'saving');
    await until(() => !statuses.at(-1)!.saving && statuses.at(-1)!.wordCount === 8, 'saved with 8 words');
    expect(statuses.at(-1)!.savedAt).not.toBeNull();
    expect(mounted!.container.querySelector('.be-status__words')!.textContent).toBe('8 words');
  });

  it('keeps the word count right through undo and redo', async () => {
    const briefId = await newBrief();
    const statuses: BriefEditorStatus[] = [];
    const { editor } = await open(briefId, { onStatus: (s) => statuses.push(s) });
    const words = () => editor.getEditorState().read(() => countWords($getRoot().getTextContent()));
    await caretInBlock(editor, 1);
    await type(editor, 'Three more words');
    await until(() => statuses.at(-1)!.wordCount === 8, '8 words');
    await act(async () => {
      editor.dispatchCommand(UNDO_COMMAND, undefined);
    });
    expect(words()).toBeLessThan(8);
    await until(() => statuses.at(-1)!.wordCount === words(), 'the count of the undone text');
    await act(async () => {
      editor.dispatchCommand(REDO_COMMAND, undefined);
    });
    await until(() => statuses.at(-1)!.wordCount === 8, '8 words again after redo');
  });
});

describe('claim cards', () => {
  it('requestInsertClaim puts a live card at the caret: statement, estimate, grading B2, numbered citation', async () => {
    const briefId = await newBrief();
    const onCitationClick = vi.fn();
    const { editor, container } = await open(briefId, { onCitationClick });
    await caretInBlock(editor, 3); // Key judgments paragraph
    await act(async () => requestInsertClaim(claimIds[0]!));
    await until(() => container.querySelector('.be-card__statement') !== null, 'the card');
    const card = container.querySelector('.be-card')!;
    expect(card.querySelector('.be-card__statement')!.textContent).toBe('Crossing 1 was closed.');
    expect(card.querySelector('.be-card__grading')!.textContent).toBe('B2');
    expect(card.querySelector('.be-card__estimate')!.textContent).toContain('likely (55–80 %)');
    expect(card.querySelector('.be-card__estimate')!.textContent).toContain('moderate confidence');
    expect(card.querySelector('.be-badge')!.textContent).toBe('Verified');
    const marker = card.querySelector<HTMLButtonElement>('.be-cite')!;
    await until(() => marker.textContent === '1', 'citation number 1');
    await act(async () => marker.click());
    const claim = await library.invoke('claims.get', { claimId: claimIds[0]! });
    expect(onCitationClick).toHaveBeenCalledWith(claim.citations[0]!.id);
    expect(editorJson(editor).root.children.map((c) => c.type)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'claim-card',
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
    ]);
    await until(() => library.calls.some((c) => c.method === 'briefs.save'), 'an autosave');
    await settle(50);
    expect(collectReferences(await stored(briefId)).claimIds).toEqual([claimIds[0]]);
  });

  it('/claim + search text opens the picker; Enter inserts the chosen card and removes the command', async () => {
    const briefId = await newBrief();
    const { editor, container } = await open(briefId);
    await caretInBlock(editor, 1);
    await type(editor, '/claim crossing 2');
    // Results follow the query as it is typed; wait for the answer to the whole query.
    await until(() => document.querySelectorAll('.be-typeahead__item').length === 1, 'the claim menu for “crossing 2”');
    expect(document.querySelector('.be-typeahead__title')!.textContent).toBe('Insert claim card — “crossing 2”');
    expect(document.querySelector('.be-typeahead__item')!.textContent).toContain('Crossing 2 was closed.');
    expect(document.querySelector('.be-typeahead__item')!.getAttribute('aria-selected')).toBe('true');
    await act(async () => {
      editor.dispatchCommand(KEY_ENTER_COMMAND, new KeyboardEvent('keydown', { key: 'Enter' }));
    });
    await until(() => container.querySelector('.be-card__statement') !== null, 'the inserted card');
    expect(container.querySelector('.be-card__statement')!.textContent).toBe('Crossing 2 was closed.');
    const json = JSON.stringify(editorJson(editor));
    expect(json).not.toContain('/claim');
    expect(collectReferences(editorJson(editor)).claimIds).toEqual([claimIds[1]]);
    expect(document.querySelector('.be-typeahead')).toBeNull();
  });

  it('Ctrl+Shift+C opens the same picker; Escape closes it and removes what it typed', async () => {
    const briefId = await newBrief();
    const { editor } = await open(briefId);
    await caretInBlock(editor, 1);
    await type(editor, 'Text');
    await act(async () => keydown(editor, { key: 'C', code: 'KeyC', ctrlKey: true, shiftKey: true }));
    await until(() => document.querySelector('.be-typeahead') !== null, 'the claim picker');
    expect(editor.getEditorState().read(() => $getRoot().getChildAtIndex(1)!.getTextContent())).toBe('Text /claim ');
    await act(async () => keydown(editor, { key: 'Escape', code: 'Escape' }));
    await until(() => document.querySelector('.be-typeahead') === null, 'the picker to close');
    await settle(20);
    expect(editor.getEditorState().read(() => $getRoot().getChildAtIndex(1)!.getTextContent())).toBe('Text');
  });

  it('dropping a claim from the library inserts its card where it is dropped', async () => {
    const briefId = await newBrief();
    const { editor, container } = await open(briefId);
    const discussion = editor.getElementByKey(
      editor.getEditorState().read(() => $getRoot().getChildAtIndex(4)!.getKey()),
    )!;
    const data: Record<string, string> = {
      [CLAIM_DRAG_MIME]: String(claimIds[2]),
      'text/plain': 'Crossing 3 was closed.',
    };
    const transfer = { types: Object.keys(data), getData: (t: string) => data[t] ?? '', dropEffect: 'none' };
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    Object.defineProperty(over, 'dataTransfer', { value: transfer });
    await act(async () => discussion.dispatchEvent(over));
    expect(over.defaultPrevented).toBe(true);
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: transfer });
    await act(async () => discussion.dispatchEvent(drop));
    await until(() => container.querySelector('.be-card__statement') !== null, 'the dropped card');
    expect(
      editorJson(editor)
        .root.children.map((c) => c.type)
        .slice(4, 7),
    ).toEqual(['heading', 'claim-card', 'paragraph']);
    expect(collectReferences(editorJson(editor)).claimIds).toEqual([claimIds[2]]);
  });

  it('a card whose claim was deleted says so instead of breaking the brief', async () => {
    const briefId = await newBrief('empty');
    await library.invoke('briefs.append', { briefId, block: { claimId: claimIds[0]! } });
    const doc = await stored(briefId);
    doc.root.children[1]!.claimId = 9999;
    await library.invoke('briefs.save', { briefId, document: doc });
    const { container } = await open(briefId);
    await until(() => container.querySelector('.be-card--broken') !== null, 'the missing-claim card');
    expect(container.querySelector('.be-card--broken')!.textContent).toBe('Claim 9999 is no longer in the library.');
  });
});

describe('citations', () => {
  it('inline citations are numbered in order of appearance together with the cards’ citations', async () => {
    const briefId = await newBrief();
    const onCitationClick = vi.fn();
    const { editor, container } = await open(briefId, { onCitationClick });
    const inline = await library.invoke('citations.attach', {
      briefId,
      target: { sourceId: 1, quote: 'border crossing 2 was closed' },
      stance: 'supports',
    });
    await caretInBlock(editor, 3);
    await act(async () => requestInsertClaim(claimIds[0]!));
    await caretInBlock(editor, 1); // BLUF paragraph, before the card
    await type(editor, 'Crossings are closing');
    await act(async () => requestInsertCitation(inline.id));
    await until(
      () =>
        container.querySelectorAll('.be-cite').length === 2 &&
        container.querySelector('.be-inline-cite .be-cite')!.textContent === '1',
      'numbers',
    );
    const inlineMarker = container.querySelector<HTMLButtonElement>('.be-inline-cite .be-cite')!;
    const cardMarker = container.querySelector<HTMLButtonElement>('.be-card .be-cite')!;
    expect(inlineMarker.textContent).toBe('1');
    expect(cardMarker.textContent).toBe('2');
    await act(async () => inlineMarker.click());
    expect(onCitationClick).toHaveBeenLastCalledWith(inline.id);
    expect(editorJson(editor).root.children[1]!.children!.map((c) => c.type)).toEqual(['text', 'citation']);
    expect(collectReferences(editorJson(editor)).citationIds).toEqual([inline.id]);
    expect(editor.getEditorState().read(() => $getRoot().getChildAtIndex(1)!.getTextContent())).toBe(
      'Crossings are closing',
    );
  });

  it('fuzzy and orphaned citations are visibly marked, the orphan with its stored quote', async () => {
    const briefId = await newBrief('empty');
    await library.invoke('briefs.append', { briefId, block: { claimId: claimIds[0]! } });
    await library.invoke('briefs.append', { briefId, block: { claimId: claimIds[1]! } });
    // A new version of the source: passage 1 is gone, passage 2 has a typo now.
    const original = (await library.invoke('sources.get', { sourceId: 1 })).text;
    const edited = original
      .replace('Passage number 1 says the border crossing 1 was closed on day 1.', 'Nothing about that any more.')
      .replace('border crossing 2 was closed', 'border crossing 2 was clozed');
    const result = await library.invoke('sources.import', { sourceId: 1, content: { text: edited } });
    expect(result.reanchor).toMatchObject({ orphaned: 1, fuzzy: 1 });
    const { container } = await open(briefId);
    await until(() => container.querySelectorAll('.be-card__statement').length === 2, 'both cards');
    const [first, second] = [...container.querySelectorAll('.be-card')];
    expect(first!.querySelector('.be-cite--orphaned')).not.toBeNull();
    expect(first!.querySelector('.be-flag--orphaned')!.textContent).toContain('border crossing 1 was closed');
    expect(second!.querySelector('.be-cite--fuzzy')).not.toBeNull();
    expect(second!.querySelector('.be-flag--fuzzy')!.textContent).toMatch(/^≈ \d+ % match$/);
    expect(second!.querySelector('.be-flag--orphaned')).toBeNull();
  });
});

describe('formatting, links and shortcuts', () => {
  it('toolbar and shortcuts set headings, lists, quote and bold', async () => {
    const briefId = await newBrief('empty');
    const { editor, container } = await open(briefId);
    await caretInBlock(editor, 0);
    await type(editor, 'Heading text');
    const button = (label: string) => container.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
    await act(async () => button('Heading 1').click());
    expect(editorJson(editor).root.children[0]).toMatchObject({ type: 'heading', tag: 'h1' });
    await act(async () => keydown(editor, { key: '2', code: 'Digit2', ctrlKey: true, altKey: true }));
    await settle();
    expect(editorJson(editor).root.children[0]).toMatchObject({ type: 'heading', tag: 'h2' });
    await act(async () => keydown(editor, { key: '*', code: 'Digit8', ctrlKey: true, shiftKey: true }));
    await settle();
    expect(editorJson(editor).root.children[0]).toMatchObject({ type: 'list', listType: 'bullet' });
    await act(async () => button('Numbered list').click());
    expect(editorJson(editor).root.children[0]).toMatchObject({ type: 'list', listType: 'number' });
    await act(async () => button('Block quote').click());
    expect(editorJson(editor).root.children[0]).toMatchObject({ type: 'quote' });
    expect(button('Block quote').getAttribute('aria-pressed')).toBe('true');
    await act(async () => editor.update(() => selectText(0, 4), { discrete: true }));
    await act(async () => button('Bold').click());
    expect(JSON.stringify(editorJson(editor))).toContain('"format":1');
  });

  it('the link editor refuses javascript: with a message and accepts https', async () => {
    const briefId = await newBrief('empty');
    const { editor, container } = await open(briefId);
    await caretInBlock(editor, 0);
    await type(editor, 'see the report');
    await act(async () => editor.update(() => selectText(8, 14), { discrete: true }));
    await act(async () => keydown(editor, { key: 'k', code: 'KeyK', ctrlKey: true }));
    await until(() => container.querySelector('input[aria-label="Link address"]') !== null, 'the link editor');
    const input = container.querySelector<HTMLInputElement>('input[aria-label="Link address"]')!;
    const setValue = async (value: string) => {
      await act(async () => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    };
    await setValue('javascript:alert(1)');
    await act(async () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(container.querySelector('[role="alert"]')!.textContent).toMatch(/not allowed/);
    expect(JSON.stringify(editorJson(editor))).not.toContain('javascript:');
    await setValue('https://example.org/report');
    await act(async () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    const json = JSON.stringify(editorJson(editor));
    expect(json).toContain('"url":"https://example.org/report"');
    expect(container.querySelector('.be-content a')!.getAttribute('href')).toBe('https://example.org/report');
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('see the report');
  });
});

describe('typing', () => {
  it('plain typed characters are inserted by Lexical (browser insertion prevented); composition is left to the browser', async () => {
    const briefId = await newBrief('empty');
    const { editor } = await open(briefId);
    await caretInBlock(editor, 0);
    const beforeinput = (init: InputEventInit) => {
      const event = new InputEvent('beforeinput', { bubbles: true, cancelable: true, ...init });
      editor.getRootElement()!.dispatchEvent(event);
      return event;
    };
    let typed!: InputEvent;
    await act(async () => {
      typed = beforeinput({ inputType: 'insertText', data: 'Hi' });
    });
    expect(typed.defaultPrevented).toBe(true);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('Hi');
    let composing!: InputEvent;
    await act(async () => {
      composing = beforeinput({ inputType: 'insertText', data: 'é', isComposing: true });
    });
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('Hi');
    expect(composing.defaultPrevented).toBe(false);
  });
});

describe('title and marking', () => {
  it('title and marking are saved with briefs.update from the closed vocabularies', async () => {
    const briefId = await newBrief();
    const { container } = await open(briefId);
    const scheme = container.querySelector<HTMLSelectElement>('select[aria-label="Marking scheme"]')!;
    await act(async () => {
      scheme.value = 'tlp';
      scheme.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle(20);
    expect((await library.invoke('briefs.get', { briefId })).marking).toBe('TLP:AMBER');
    const tlp = container.querySelector<HTMLSelectElement>('select[aria-label="TLP label"]')!;
    await act(async () => {
      tlp.value = 'TLP:RED';
      tlp.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle(20);
    expect((await library.invoke('briefs.get', { briefId })).marking).toBe('TLP:RED');
    expect(container.querySelector('.be-marking-banner')!.textContent).toBe('TLP:RED');
    await act(async () => {
      scheme.value = 'classification';
      scheme.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const caveats = container.querySelector<HTMLInputElement>('input[aria-label="Caveats, separated by //"]')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(caveats, 'noforn');
      caveats.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => caveats.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await settle(20);
    expect((await library.invoke('briefs.get', { briefId })).marking).toBe('UNCLASSIFIED//NOFORN');

    const title = container.querySelector<HTMLInputElement>('input[aria-label="Brief title"]')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(
        title,
        'Border situation, week 12',
      );
      title.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => title.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await settle(20);
    expect((await library.invoke('briefs.get', { briefId })).title).toBe('Border situation, week 12');

    // Renamed and re-marked elsewhere in the app (the brief list's rename): the header follows.
    await act(async () => {
      title.blur();
      await invoke('briefs.update', { briefId, title: 'Renamed from the list', marking: 'TLP:GREEN' });
    });
    await until(() => title.value === 'Renamed from the list', 'the new title');
    expect(container.querySelector('.be-marking-banner')!.textContent).toBe('TLP:GREEN');
  });
});
