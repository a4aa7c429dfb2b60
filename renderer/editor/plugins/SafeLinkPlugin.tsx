// Links: Lexical's LinkPlugin restricted to http, https and mailto, plus a guard transform that
// unwraps any LinkNode whose URL is not allowed, however it got in (paste, JSON, old briefs).
// Links never navigate the app window; Ctrl/Cmd+click opens them through the allow-listed opener.
import { $isLinkNode, LinkNode } from '@lexical/link';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import { useEffect, type JSX } from 'react';
import { isAllowedLinkUrl } from '../linkUrl';
import { openExternal } from '../state/bridge';

/** Removes a link that is not http/https/mailto, keeping its text. */
export function $unwrapDisallowedLink(node: LinkNode): void {
  if (isAllowedLinkUrl(node.getURL())) return;
  for (const child of node.getChildren()) node.insertBefore(child);
  node.remove();
}

/** Registers the guard on an editor (also usable headless, in tests). */
export function registerLinkGuard(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(LinkNode, (node) => {
    if ($isLinkNode(node)) $unwrapDisallowedLink(node);
  });
}

function onRootClick(event: MouseEvent): void {
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor) return;
  event.preventDefault();
  if (event.ctrlKey || event.metaKey) openExternal(anchor.getAttribute('href') ?? '');
}

export function SafeLinkPlugin(): JSX.Element {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        registerLinkGuard(editor),
        editor.registerRootListener((root, previous) => {
          previous?.removeEventListener('click', onRootClick);
          root?.addEventListener('click', onRootClick);
        }),
      ),
    [editor],
  );
  return <LinkPlugin validateUrl={isAllowedLinkUrl} attributes={LINK_ATTRIBUTES} />;
}

const LINK_ATTRIBUTES = { rel: 'noopener noreferrer' };
