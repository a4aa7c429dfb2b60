// Bulleted and numbered lists: Lexical's list commands and transforms, registered once.
// @lexical/react's ListPlugin (0.52) registers them twice, in its own effect and again through
// useList, and each registration of the list's TextNode transform marks every text node of the
// document dirty: opening a long brief re-rendered the whole document twice instead of once.
import { registerList } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

export function ListsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerList(editor), [editor]);
  return null;
}
