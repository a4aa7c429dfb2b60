// Closing the open brief before something makes it uneditable (moving it to the trash): the
// editor saves pending edits when it closes, and that save must land before the brief is
// trashed, or the last seconds of typing would be refused and lost.
import { whenSaved } from '../editor/state/briefSaver';
import type { WorkspaceActions } from '../workspace/workspaceState';

/** Closes the editor on `briefId` (if open) and resolves once its last save was answered. */
export async function closeBriefAndSave(
  actions: WorkspaceActions,
  briefId: number,
  openBriefId: number | null,
): Promise<void> {
  if (openBriefId !== briefId) return;
  actions.openBrief(null);
  // Let React unmount the editor (its cleanup flushes the save), then wait for that save.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await whenSaved(briefId);
}
