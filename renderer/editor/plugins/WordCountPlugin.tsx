// Word count, kept incrementally: one count per top-level block, recounted only for the blocks an
// update touched (the paragraph being typed in), never from the whole document's text. The first
// full count waits for idle time after the brief opens, and the total reaches the status line
// once typing pauses: every React commit while the body has focus walks the whole body (React
// saves the selection), so the status line must not re-render between keystrokes.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getRoot, HISTORIC_TAG, type LexicalNode, type NodeKey } from 'lexical';
import { useEffect } from 'react';
import type { StatusStore } from '../state/statusStore';
import { countWords } from '../wordCount';

/** How long typing must pause before the word count reaches the status line. */
export const WORD_COUNT_REPORT_DELAY_MS = 250;

/** Per-block word counts with a running total. */
export class BlockWordCounts {
  private readonly counts = new Map<NodeKey, number>();
  total = 0;

  private set(key: NodeKey, n: number): void {
    this.total += n - (this.counts.get(key) ?? 0);
    this.counts.set(key, n);
  }

  /** Counts every block (when the brief opens, and after undo or redo). Call inside a read. */
  $recountAll(): void {
    this.counts.clear();
    this.total = 0;
    for (const block of $getRoot().getChildren()) this.set(block.getKey(), countWords(block.getTextContent()));
  }

  /**
   * Applies one update from its dirty node keys (Lexical marks the root dirty on every keystroke,
   * so that says nothing): touched blocks are recounted, blocks that left the document dropped.
   * The block list is walked (keys only) just when the number of blocks disagrees. Call inside a
   * read of the new state.
   */
  $apply(dirtyKeys: Iterable<NodeKey>): void {
    const root = $getRoot();
    const touched = new Set<NodeKey>();
    for (const key of dirtyKeys) {
      if (key === 'root') continue;
      const node: LexicalNode | null = $getNodeByKey(key);
      if (node === null || !node.isAttached()) {
        this.drop(key);
        continue;
      }
      const top = node.getParent() === root ? node : node.getTopLevelElement();
      if (top) touched.add(top.getKey());
    }
    for (const key of touched) {
      const node = $getNodeByKey(key);
      if (node) this.set(key, countWords(node.getTextContent()));
    }
    if (root.getChildrenSize() !== this.counts.size) {
      const present = new Set<NodeKey>();
      for (let child = root.getFirstChild(); child !== null; child = child.getNextSibling()) {
        const key = child.getKey();
        present.add(key);
        if (!this.counts.has(key)) this.set(key, countWords(child.getTextContent()));
      }
      for (const key of [...this.counts.keys()]) if (!present.has(key)) this.drop(key);
    }
  }

  private drop(key: NodeKey): void {
    const n = this.counts.get(key);
    if (n === undefined) return;
    this.total -= n;
    this.counts.delete(key);
  }
}

/** Runs `task` when the page is idle (or after `timeout` ms at the latest); returns the cancel. */
function whenIdle(task: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 0);
  return () => clearTimeout(handle);
}

export function WordCountPlugin({ status }: { status: StatusStore }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const counts = new BlockWordCounts();
    let counted = false;
    // The first count reads the latest state, so updates before it have nothing to add.
    const cancelFirstCount = whenIdle(() => {
      editor.getEditorState().read(() => counts.$recountAll());
      counted = true;
      status.update({ wordCount: counts.total });
    }, 1000);
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Undo and redo swap in a whole earlier state, whose changes no dirty set lists: count again.
    let stale = false;
    const stop = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
      if (!counted) return;
      if (tags.has(HISTORIC_TAG)) stale = true;
      else if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      else if (!stale) editorState.read(() => counts.$apply([...dirtyLeaves, ...dirtyElements.keys()]));
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        if (stale) editor.getEditorState().read(() => counts.$recountAll());
        stale = false;
        status.update({ wordCount: counts.total });
      }, WORD_COUNT_REPORT_DELAY_MS);
    });
    return () => {
      stop();
      cancelFirstCount();
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor, status]);
  return null;
}
