// Word count, kept incrementally: one count per top-level block, recounted only for the blocks an
// update touched (the paragraph being typed in), never from the whole document's text. The total
// reaches the status line on a short debounce, off the typing path.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getRoot, type LexicalNode, type NodeKey } from 'lexical';
import { useEffect } from 'react';
import type { StatusStore } from '../state/statusStore';
import { countWords } from '../wordCount';

const REPORT_DELAY_MS = 250;

/** Per-block word counts with a running total. */
export class BlockWordCounts {
  private readonly counts = new Map<NodeKey, number>();
  total = 0;

  private set(key: NodeKey, n: number): void {
    this.total += n - (this.counts.get(key) ?? 0);
    this.counts.set(key, n);
  }

  /** Counts every block (used once, when the brief opens). Call inside a read. */
  $recountAll(): void {
    this.counts.clear();
    this.total = 0;
    for (const block of $getRoot().getChildren()) this.set(block.getKey(), countWords(block.getTextContent()));
  }

  /**
   * Applies one update. `rootChanged` when blocks were added, removed or reordered: the block list
   * is walked (keys only) to drop removed blocks. Only touched blocks have their text read.
   * Call inside a read of the new state.
   */
  $apply(dirtyKeys: Iterable<NodeKey>, rootChanged: boolean): void {
    const root = $getRoot();
    const touched = new Set<NodeKey>();
    for (const key of dirtyKeys) {
      if (key === 'root') continue;
      const node: LexicalNode | null = $getNodeByKey(key);
      if (node === null || !node.isAttached()) continue;
      const top = node.getParent() === root ? node : node.getTopLevelElement();
      if (top) touched.add(top.getKey());
    }
    if (rootChanged || root.getChildrenSize() !== this.counts.size) {
      const present = new Set<NodeKey>();
      for (let child = root.getFirstChild(); child !== null; child = child.getNextSibling()) {
        const key = child.getKey();
        present.add(key);
        if (!this.counts.has(key)) touched.add(key);
      }
      for (const key of [...this.counts.keys()]) {
        if (!present.has(key)) {
          this.total -= this.counts.get(key)!;
          this.counts.delete(key);
        }
      }
    }
    for (const key of touched) {
      const node = $getNodeByKey(key);
      if (node) this.set(key, countWords(node.getTextContent()));
    }
  }
}

export function WordCountPlugin({ status }: { status: StatusStore }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const counts = new BlockWordCounts();
    editor.getEditorState().read(() => counts.$recountAll());
    status.update({ wordCount: counts.total });
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      editorState.read(() => counts.$apply([...dirtyLeaves, ...dirtyElements.keys()], dirtyElements.get('root') === true));
      if (timer === null) {
        timer = setTimeout(() => {
          timer = null;
          status.update({ wordCount: counts.total });
        }, REPORT_DELAY_MS);
      }
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor, status]);
  return null;
}
