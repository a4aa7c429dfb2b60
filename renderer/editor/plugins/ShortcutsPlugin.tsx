// Keyboard shortcuts for the editor's block formats, link, and claim picker. Bold, italic,
// underline, undo and redo are Lexical's own (Ctrl/Cmd+B/I/U/Z, Shift+Z).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { EDITOR_SHORTCUTS, matchesEditorShortcut, type EditorShortcutName } from '../editorShortcuts';
import { setBlockType } from '../formatting';
import { OPEN_CLAIM_PICKER_COMMAND, OPEN_LINK_EDITOR_COMMAND } from '../uiCommands';

const ACTIONS: Partial<Record<EditorShortcutName, (editor: LexicalEditor) => void>> = {
  paragraph: (e) => setBlockType(e, 'paragraph'),
  heading1: (e) => setBlockType(e, 'h1'),
  heading2: (e) => setBlockType(e, 'h2'),
  heading3: (e) => setBlockType(e, 'h3'),
  numberedList: (e) => setBlockType(e, 'number'),
  bulletedList: (e) => setBlockType(e, 'bullet'),
  quote: (e) => setBlockType(e, 'quote'),
  link: (e) => e.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined),
  insertClaim: (e) => e.dispatchCommand(OPEN_CLAIM_PICKER_COMMAND, undefined),
};
const BOUND = Object.entries(ACTIONS) as [EditorShortcutName, (editor: LexicalEditor) => void][];

export function ShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!event.ctrlKey && !event.metaKey) return false; // plain typing: nothing to do
          for (const [name, run] of BOUND) {
            if (matchesEditorShortcut(event, EDITOR_SHORTCUTS[name])) {
              event.preventDefault();
              // Commands run inside an update; the actions start their own.
              queueMicrotask(() => run(editor));
              return true;
            }
          }
          return false;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  return null;
}
