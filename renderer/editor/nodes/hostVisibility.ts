// Whether the browser has shown a decorator's host element yet. Card hosts have
// `content-visibility: auto` (editor.css): far from the viewport the browser skips their layout
// and paint, and reports each change with `contentvisibilityautostatechange`. A card renders its
// full body only once its host has been shown, so a long brief holds a few dozen card bodies in
// the DOM instead of hundreds: less to build when it opens, and less for every React commit to
// walk while the body has focus (React measures the selection of the focused contenteditable by
// walking all of it). The listener is attached where the host is created (createDOM), before the
// browser's first report, which comes with the next rendered frame, so none is missed. Where the
// event does not exist (jsdom, older engines) every host counts as shown.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { NodeKey } from 'lexical';
import { useCallback, useSyncExternalStore } from 'react';

const SUPPORTED = typeof HTMLElement !== 'undefined' && 'oncontentvisibilityautostatechange' in HTMLElement.prototype;

interface HostState {
  shown: boolean;
  readonly listeners: Set<() => void>;
}

const hosts = new WeakMap<HTMLElement, HostState>();

/** Starts following whether the browser has shown this host; call when the host element is created. */
export function watchHostVisibility(host: HTMLElement): void {
  if (!SUPPORTED || hosts.has(host)) return;
  const state: HostState = { shown: false, listeners: new Set() };
  hosts.set(host, state);
  const onChange = (event: Event) => {
    if ((event as ContentVisibilityAutoStateChangeEvent).skipped) return;
    // Shown once is enough: a card keeps its body when it scrolls away again.
    host.removeEventListener('contentvisibilityautostatechange', onChange);
    state.shown = true;
    for (const listener of [...state.listeners]) listener();
  };
  host.addEventListener('contentvisibilityautostatechange', onChange);
}

/** True once the browser has shown the host of this decorator node (near the viewport, selected, found…); stays true. */
export function useHostShown(nodeKey: NodeKey): boolean {
  const [editor] = useLexicalComposerContext();
  const host = editor.getElementByKey(nodeKey);
  const state = host ? hosts.get(host) : undefined;
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!state) return () => {};
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
    [state],
  );
  const get = useCallback(() => state?.shown ?? true, [state]);
  return useSyncExternalStore(subscribe, get, get);
}
