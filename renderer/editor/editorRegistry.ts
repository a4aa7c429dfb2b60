// Which brief editor receives an insertion requested from outside it (the library's "Insert"
// button, the reader's "Cite"): the focused editor, else the one focused last, else the newest.
import type { LexicalEditor } from 'lexical';

const mounted: LexicalEditor[] = [];
let lastFocused: LexicalEditor | null = null;

/** Adds an editable editor to the candidates; returns its removal. */
export function registerInsertTarget(editor: LexicalEditor): () => void {
  mounted.push(editor);
  return () => {
    const i = mounted.indexOf(editor);
    if (i >= 0) mounted.splice(i, 1);
    if (lastFocused === editor) lastFocused = null;
  };
}

/** Records that the user worked in this editor. */
export function noteEditorFocused(editor: LexicalEditor): void {
  lastFocused = editor;
}

/** The editor an insertion goes to, or null when no brief is open. */
export function insertTarget(): LexicalEditor | null {
  const active = typeof document !== 'undefined' ? document.activeElement : null;
  if (active) {
    for (const editor of mounted) {
      const root = editor.getRootElement();
      if (root && root.contains(active) && editor.isEditable()) return editor;
    }
  }
  if (lastFocused && mounted.includes(lastFocused) && lastFocused.isEditable()) return lastFocused;
  for (let i = mounted.length - 1; i >= 0; i--) if (mounted[i]!.isEditable()) return mounted[i]!;
  return null;
}
