// Moving a claim card from the library — or a passage from the reader — into the open brief:
// by button or shortcut (requestInsertClaim / requestInsertCitation) and by drag and drop
// (CLAIM_DRAG_MIME). They belong to the editor (renderer/editor/editorCommands.ts); this is the
// one place the rest of the workspace reaches into it.
import type { DragEvent } from 'react';
import { CLAIM_DRAG_MIME, requestInsertCitation, requestInsertClaim } from '../editor/editorCommands';

/** Inserts the card into the focused (or last focused) brief editor. */
export function insertClaimIntoBrief(claimId: number): void {
  requestInsertClaim(claimId);
}

/** Starts dragging a card: the editor accepts CLAIM_DRAG_MIME; other drop targets get the statement as text. */
export function startClaimDrag(event: DragEvent, claim: { id: number; statement: string }): void {
  event.dataTransfer.setData(CLAIM_DRAG_MIME, String(claim.id));
  event.dataTransfer.setData('text/plain', claim.statement);
  event.dataTransfer.effectAllowed = 'copy';
}

/** Inserts an inline citation marker (an existing citation of the brief) at the brief editor's caret. */
export function insertCitationIntoBrief(citationId: number): void {
  requestInsertCitation(citationId);
}
