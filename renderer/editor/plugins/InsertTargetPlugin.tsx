// Makes this editor a target for requestInsertClaim / requestInsertCitation and remembers when
// the user last worked in it.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_LOW, FOCUS_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { noteEditorFocused, registerInsertTarget } from '../editorRegistry';

export function InsertTargetPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        registerInsertTarget(editor),
        editor.registerCommand(
          FOCUS_COMMAND,
          () => {
            noteEditorFocused(editor);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  return null;
}
