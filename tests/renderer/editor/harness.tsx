// Test helpers: a real library on a temporary SQLite file behind `window.briefing` (the shape the
// preload and the e2e harness give the renderer), and a BriefEditor rendered by React into jsdom.
// Files importing this must run in jsdom (`// @vitest-environment jsdom`).
import type { LexicalEditor } from 'lexical';
import { act, StrictMode, type ComponentProps } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { BriefingBridge, Method } from '../../../shared/api/contract';
import { BriefEditor } from '../../../renderer/editor/BriefEditor';
import { insertTarget } from '../../../renderer/editor/editorRegistry';
import { citationStore } from '../../../renderer/editor/state/citationStore';
import { claimStore } from '../../../renderer/editor/state/claimStore';
import { openTempLibrary } from '../../helpers/tempLibrary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no layout: Lexical and the typeahead ask ranges for rectangles.
const rect = { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) } as DOMRect;
if (typeof Range !== 'undefined') {
  Range.prototype.getBoundingClientRect ??= () => rect;
  Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
}
if (typeof Element !== 'undefined') Element.prototype.scrollIntoView ??= () => {};
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

export interface TestLibrary {
  lib: ReturnType<typeof openTempLibrary>;
  /** Every method the renderer called, in order. */
  calls: { method: Method; input: unknown }[];
  invoke: ReturnType<typeof openTempLibrary>['invoke'];
  close: () => void;
}

/** A real library on a temporary file, installed as `window.briefing`. */
export function installLibrary(): TestLibrary {
  const lib = openTempLibrary();
  const calls: TestLibrary['calls'] = [];
  const bridge: BriefingBridge = {
    invoke: ((method: Method, input: unknown) => {
      calls.push({ method, input });
      return lib.invoke(method, input as never);
    }) as BriefingBridge['invoke'],
    on: () => () => {},
  };
  window.briefing = bridge;
  claimStore.clear();
  citationStore.clear();
  return {
    lib,
    calls,
    invoke: lib.invoke,
    close() {
      delete window.briefing;
      lib.close();
    },
  };
}

/** Lets pending promises, timers of 0 ms and React work settle. */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

export interface MountedEditor {
  container: HTMLElement;
  editor: LexicalEditor;
  root: Root;
  unmount: () => Promise<void>;
}

/** Renders <BriefEditor> and waits until its document is loaded and its cards have their claims. */
export async function mountBriefEditor(
  props: ComponentProps<typeof BriefEditor>,
  options: { strict?: boolean } = {},
): Promise<MountedEditor> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => {
    // StrictMode as in the app's development build: effects mount, unmount and mount again.
    root.render(
      options.strict ? (
        <StrictMode>
          <BriefEditor {...props} />
        </StrictMode>
      ) : (
        <BriefEditor {...props} />
      ),
    );
  });
  for (let i = 0; i < 50 && !container.querySelector('[contenteditable="true"]'); i++) await settle(5);
  await settle(20);
  const editor = insertTarget();
  if (!editor) throw new Error('The brief editor did not mount.');
  return {
    container,
    editor,
    root,
    async unmount() {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

/** Imports a source and creates `n` claims citing passages of it; returns the claim ids. */
export async function seedClaims(library: TestLibrary, n: number): Promise<number[]> {
  const sentences = Array.from(
    { length: n },
    (_, i) => `Passage number ${i + 1} says the border crossing ${i + 1} was closed on day ${i + 1}.`,
  );
  const source = await library.invoke('sources.import', {
    content: { text: sentences.join('\n\n') },
    metadata: { title: 'Border report', reliability: 'B' },
  });
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const claim = await library.invoke('claims.create', {
      statement: `Crossing ${i + 1} was closed.`,
      kind: 'fact',
      likelihood: 'likely',
      confidence: 'moderate',
      credibility: 2,
      status: 'verified',
      tags: [],
      citations: [
        { target: { sourceId: source.sourceId, quote: `border crossing ${i + 1} was closed` }, stance: 'supports' },
      ],
    });
    ids.push(claim.id);
  }
  return ids;
}
