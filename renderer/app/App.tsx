// The root: notifications, the workspace state (re-opening the brief open last time), the layout.
import { useEffect, type ReactNode } from 'react';
import { ExportProvider } from '../export';
import { RestoreBackupHost } from '../library/RestoreBackupDialog';
import { ToastProvider } from '../ui/Toasts';
import { usePersistentState } from '../ui/usePersistentState';
import { Workspace } from './Workspace';
import { useWorkspace, useWorkspaceActions, WorkspaceProvider } from '../workspace/workspaceState';

const OPEN_BRIEF_KEY = 'briefing.openBrief.v1';
const isBriefId = (value: unknown): value is number | null =>
  value === null || (Number.isInteger(value) && (value as number) > 0);

export function App() {
  const [lastBriefId, rememberBrief] = usePersistentState<number | null>(OPEN_BRIEF_KEY, null, isBriefId);
  return (
    <ToastProvider>
      <WorkspaceProvider initialBriefId={lastBriefId}>
        <RememberOpenBrief remember={rememberBrief} />
        <WorkspaceExport>
          <Workspace />
        </WorkspaceExport>
        <RestoreBackupHost />
      </WorkspaceProvider>
    </ToastProvider>
  );
}

/** "Export PDF…" for the open brief; its dialog opens citations in the reader and cards in the inspector. */
function WorkspaceExport({ children }: { children: ReactNode }) {
  const { openBriefId } = useWorkspace();
  const actions = useWorkspaceActions();
  return (
    <ExportProvider briefId={openBriefId} openCitation={actions.openCitation} openClaim={actions.inspectClaim}>
      {children}
    </ExportProvider>
  );
}

function RememberOpenBrief({ remember }: { remember: (briefId: number | null) => void }) {
  const { openBriefId } = useWorkspace();
  useEffect(() => remember(openBriefId), [openBriefId, remember]);
  return null;
}
