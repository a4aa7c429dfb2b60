// Before an export, what the analyst sees must be what the library holds: the open brief's
// pending autosave is sent now (not after its debounce) and answered before the export reads it.
import { saveNow } from '../editor/state/briefSaver';

/**
 * Saves the open brief's unsaved edits and resolves once every save of `briefId` has been
 * answered (a failed save resolves too; the editor reports it, see `saveProblem`). A title
 * typed just before is saved by its own field on blur, as the export dialog takes focus.
 */
export function flushBrief(briefId: number): Promise<void> {
  return saveNow(briefId);
}

// ── the editor's save problems ──────────────────────────────────────────────────────────

const saveProblems = new Map<number, string>();

/** Called with the editor's status (BriefEditor onStatus): remembers whether its last save failed. */
export function noteEditorStatus(briefId: number, status: { error: string | null }): void {
  if (status.error) saveProblems.set(briefId, status.error);
  else saveProblems.delete(briefId);
}

/** Why the open brief's latest edits are not in the library, or null when they are. */
export function saveProblem(briefId: number): string | null {
  return saveProblems.get(briefId) ?? null;
}
