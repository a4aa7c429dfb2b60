// Pasted and dropped content from outside the editor is sanitized before Lexical imports it
// so nothing in it runs: HTML through DOMPurify, Lexical JSON by walking its nodes; files and URI lists
// are not passed on. Drags that started in this same editor keep Lexical's own handling.
import { $insertDataTransferForRichText } from '@lexical/clipboard';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  COMMAND_PRIORITY_HIGH,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  type LexicalEditor,
  PASTE_COMMAND,
  PASTE_TAG,
} from 'lexical';
import { useEffect } from 'react';
import { sanitizedDataTransfer } from '../sanitizeClipboard';

/** The data of a paste or drop event, whichever kind of event carried it. */
function transferOf(event: unknown): DataTransfer | null {
  const e = event as { clipboardData?: DataTransfer | null; dataTransfer?: DataTransfer | null } | null;
  return e?.clipboardData ?? e?.dataTransfer ?? null;
}

/** Inserts the sanitized content at the selection; false if there was nothing to insert. */
export function $insertSanitized(editor: LexicalEditor, data: DataTransfer): boolean {
  const selection = $getSelection();
  if (selection === null) return false;
  $insertDataTransferForRichText(sanitizedDataTransfer(data), selection, editor);
  return true;
}

export function SafePastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = transferOf(event);
            if (data === null) return false;
            event.preventDefault();
            editor.update(() => void $insertSanitized(editor, data), { tag: PASTE_TAG });
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        // Drops from other apps arrive as beforeinput "insertFromDrop" with a DataTransfer.
        editor.registerCommand(
          CONTROLLED_TEXT_INSERTION_COMMAND,
          (payload) => {
            if (typeof payload === 'string') return false;
            const data = transferOf(payload);
            if (data === null) return false;
            return $insertSanitized(editor, data);
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
  return null;
}
