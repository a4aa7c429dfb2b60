// Plain typed characters are inserted by Lexical itself (CONTROLLED_TEXT_INSERTION_COMMAND)
// instead of by the browser's native editing command. Chromium's native text insertion walks the
// editable structure around the caret, and its cost grows with the number of non-editable islands
// (claim cards, citation markers) in the document; Lexical's insertion touches one text node.
// Composition (IME, dead keys), autocorrect and everything but a plain insertText stay native.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { CONTROLLED_TEXT_INSERTION_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';

function onBeforeInput(editor: LexicalEditor, event: InputEvent): void {
  if (event.inputType !== 'insertText' || event.isComposing || editor.isComposing() || !editor.isEditable()) return;
  const data = event.data;
  if (data === null || data === '' || data.includes('\n')) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, data);
}

export function ControlledTypingPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerRootListener((root, previous) => {
        const listener = (event: Event) => onBeforeInput(editor, event as InputEvent);
        if (previous) {
          const old = (previous as { __beControlledTyping?: EventListener }).__beControlledTyping;
          if (old) previous.removeEventListener('beforeinput', old, true);
        }
        if (root) {
          (root as { __beControlledTyping?: EventListener }).__beControlledTyping = listener;
          root.addEventListener('beforeinput', listener, true);
        }
      }),
    [editor],
  );
  return null;
}
