// Keys pressed on a button inside a card or citation marker belong to that button, not to the
// editor: without this, Enter on a citation button would also split the paragraph around it.
// A native listener is needed because Lexical listens on the editor root, below React's root.
import { useCallback, useRef } from 'react';

const ISOLATED_EVENTS = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input'] as const;

function stop(event: Event): void {
  event.stopPropagation();
}

/** A ref callback that keeps keyboard events inside the element from reaching the editor. */
export function useKeyboardIsolation<T extends HTMLElement>(): (element: T | null) => void {
  const current = useRef<T | null>(null);
  return useCallback((element: T | null) => {
    if (current.current) for (const type of ISOLATED_EVENTS) current.current.removeEventListener(type, stop);
    current.current = element;
    if (element) for (const type of ISOLATED_EVENTS) element.addEventListener(type, stop);
  }, []);
}
