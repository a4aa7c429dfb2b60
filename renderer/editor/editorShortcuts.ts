// The editor's keyboard shortcuts, one description each: used to match key events and to show
// the keys in button titles. Digits match the physical key (event.code) so they work on every
// keyboard layout; AltGr (Ctrl+Alt on some layouts) never triggers them.
import type { Shortcut } from '../ui/keyboard';

export interface EditorShortcut extends Shortcut {
  /** KeyboardEvent.code to match instead of the key (layout-independent digits). */
  code?: string;
}

export const EDITOR_SHORTCUTS = {
  bold: { key: 'b', mod: true },
  italic: { key: 'i', mod: true },
  underline: { key: 'u', mod: true },
  undo: { key: 'z', mod: true },
  redo: { key: 'z', mod: true, shift: true },
  paragraph: { key: '0', code: 'Digit0', mod: true, alt: true },
  heading1: { key: '1', code: 'Digit1', mod: true, alt: true },
  heading2: { key: '2', code: 'Digit2', mod: true, alt: true },
  heading3: { key: '3', code: 'Digit3', mod: true, alt: true },
  numberedList: { key: '7', code: 'Digit7', mod: true, shift: true },
  bulletedList: { key: '8', code: 'Digit8', mod: true, shift: true },
  quote: { key: '9', code: 'Digit9', mod: true, shift: true },
  link: { key: 'k', mod: true },
  insertClaim: { key: 'c', code: 'KeyC', mod: true, shift: true },
} as const satisfies Record<string, EditorShortcut>;

export type EditorShortcutName = keyof typeof EDITOR_SHORTCUTS;

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Whether a key event is exactly this shortcut. */
export function matchesEditorShortcut(event: KeyboardEvent, shortcut: EditorShortcut): boolean {
  if (event.getModifierState?.('AltGraph')) return false;
  const mod = IS_MAC ? event.metaKey : event.ctrlKey;
  const otherMod = IS_MAC ? event.ctrlKey : event.metaKey;
  const keyMatches = shortcut.code
    ? event.code === shortcut.code
    : event.key.toLowerCase() === shortcut.key.toLowerCase();
  return (
    keyMatches &&
    mod === Boolean(shortcut.mod) &&
    !otherMod &&
    event.shiftKey === Boolean(shortcut.shift) &&
    event.altKey === Boolean(shortcut.alt)
  );
}
