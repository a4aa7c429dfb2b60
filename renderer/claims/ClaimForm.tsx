// The form both claim-card editors share: Enter on a button or Ctrl/Cmd+S anywhere in it saves.
import type { KeyboardEvent, ReactNode } from 'react';
import { matchesShortcut, SHORTCUTS } from '../ui/keyboard';

interface ClaimFormProps {
  /** The id of the heading that names the form (its accessible name). */
  labelledBy: string;
  onSave(): void;
  /** False while there is nothing to save: the shortcut is then swallowed, not passed on. */
  canSave?: boolean;
  children: ReactNode;
}

export function ClaimForm({ labelledBy, onSave, canSave = true, children }: ClaimFormProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!matchesShortcut(event, SHORTCUTS.saveCard)) return;
    // Ctrl+S would otherwise reach the brief's save or the browser's "Save page".
    event.preventDefault();
    if (canSave) onSave();
  };
  return (
    <form
      className="claim-form"
      aria-labelledby={labelledBy}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      {children}
    </form>
  );
}
