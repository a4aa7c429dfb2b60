// The editor's interface for the rest of the workspace: insert a claim card or an inline
// citation into the brief being edited, and the drag data types the editor accepts.
import { insertTarget } from './editorRegistry';
import { INSERT_CITATION_COMMAND } from './plugins/CitationPlugin';
import { INSERT_CLAIM_CARD_COMMAND } from './plugins/ClaimCardPlugin';
import { OPEN_CLAIM_PICKER_COMMAND } from './uiCommands';

export { CITATION_DRAG_MIME, CLAIM_DRAG_MIME } from './dragMime';

/** True when a brief editor is open to receive an insertion (for enabling "Insert" buttons). */
export function hasInsertTarget(): boolean {
  return insertTarget() !== null;
}

/** Inserts a claim card into the focused (or last focused) brief editor, at its caret. */
export function requestInsertClaim(claimId: number): void {
  const editor = insertTarget();
  if (!editor) {
    console.warn(`requestInsertClaim(${claimId}): no brief is open.`);
    return;
  }
  editor.dispatchCommand(INSERT_CLAIM_CARD_COMMAND, claimId);
}

/** Inserts an inline citation marker into the focused (or last focused) brief editor, at its caret. */
export function requestInsertCitation(citationId: number): void {
  const editor = insertTarget();
  if (!editor) {
    console.warn(`requestInsertCitation(${citationId}): no brief is open.`);
    return;
  }
  editor.dispatchCommand(INSERT_CITATION_COMMAND, citationId);
}

/** Opens the claim picker (the `/claim` menu) at the caret of the focused or last focused brief (e.g. from an app menu). */
export function requestOpenClaimPicker(): void {
  const editor = insertTarget();
  if (!editor) return;
  editor.focus(() => editor.dispatchCommand(OPEN_CLAIM_PICKER_COMMAND, undefined));
}
