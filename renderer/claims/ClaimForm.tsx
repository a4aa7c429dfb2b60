// The form both claim-card editors share: Enter on a button or Ctrl/Cmd+S anywhere in it saves.
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ClaimFields } from '../../shared/api/claims';
import { matchesShortcut, SHORTCUTS } from '../ui/keyboard';
import { checkDraft, type ClaimDraft, type DraftErrors } from './claimDraft';

interface ClaimFormProps {
  /** The id of the heading that names the form (its accessible name). */
  labelledBy: string;
  onSave: () => void;
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

/**
 * The field errors and saving flag both editors show. `saveChecked` runs `write` only for a draft
 * that passes the contract's checks, so a store call never sees fields the form has not vetted;
 * `write` handles its own failures.
 */
export function useCheckedSave() {
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saving, setSaving] = useState(false);
  const saveChecked = async (draft: ClaimDraft, write: (fields: ClaimFields) => Promise<void>) => {
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await write(checked.fields);
    } finally {
      setSaving(false);
    }
  };
  return { errors, saving, saveChecked };
}
