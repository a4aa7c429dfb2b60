// Keyboard shortcuts: one description per shortcut, used both to match key events and to show
// the shortcut in the UI, so what a button says is always what the keys do.
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

export interface Shortcut {
  /** KeyboardEvent.key, compared case-insensitively (e.g. 'k', 'Enter', 'F2'). */
  key: string;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Whether a key event is exactly this shortcut (no extra modifiers). */
export function matchesShortcut(event: KeyboardEvent | ReactKeyboardEvent, shortcut: Shortcut): boolean {
  const mod = IS_MAC ? event.metaKey : event.ctrlKey;
  const otherMod = IS_MAC ? event.ctrlKey : event.metaKey;
  return (
    event.key.toLowerCase() === shortcut.key.toLowerCase() &&
    mod === Boolean(shortcut.mod) &&
    !otherMod &&
    event.shiftKey === Boolean(shortcut.shift) &&
    event.altKey === Boolean(shortcut.alt)
  );
}

/** The shortcut as people read it on this platform: "Ctrl+Shift+K" or "⌘⇧K". */
export function formatShortcut(shortcut: Shortcut): string {
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
  if (IS_MAC)
    return `${shortcut.alt ? '⌥' : ''}${shortcut.shift ? '⇧' : ''}${shortcut.mod ? '⌘' : ''}${key === 'Enter' ? '↩' : key}`;
  return [shortcut.mod && 'Ctrl', shortcut.alt && 'Alt', shortcut.shift && 'Shift', key].filter(Boolean).join('+');
}

/** The value for aria-keyshortcuts (WAI-ARIA spelling: "Control+Shift+K"). */
export function ariaShortcut(shortcut: Shortcut): string {
  return [
    shortcut.mod && (IS_MAC ? 'Meta' : 'Control'),
    shortcut.alt && 'Alt',
    shortcut.shift && 'Shift',
    shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key,
  ]
    .filter(Boolean)
    .join('+');
}

/** Every app-wide shortcut, in one place so none collide. */
export const SHORTCUTS = {
  createClaimFromSelection: { key: 'k', mod: true, shift: true },
  insertClaimIntoBrief: { key: 'Enter', mod: true },
  /** Same keys as the app menu's Find (electron/main/menuTemplate.ts). */
  find: { key: 'f', mod: true },
  showSources: { key: '1', alt: true },
  showClaimLibrary: { key: '2', alt: true },
  showCardInspector: { key: '3', alt: true },
  /** Same keys as the app menu's New Brief and Import Source. */
  newBrief: { key: 'n', mod: true },
  importSource: { key: 'o', mod: true },
  renameBrief: { key: 'F2' },
  trashBrief: { key: 'Delete' },
  saveCard: { key: 's', mod: true },
} as const satisfies Record<string, Shortcut>;
