// The middle pane: the open brief in the editor (renderer/editor, the Lexical side of the app,
// which also shows and edits the brief's title and marking), or a way to open one. Citations
// clicked in the editor open the reader at their passage; cards opened there go to the inspector.
import { useEffect } from 'react';
import { BriefEditor } from '../editor/BriefEditor';
import { invoke, toAppError } from '../bridge';
import { useBriefs } from '../briefs/useBriefs';
import { ExportPdfButton, noteEditorStatus } from '../export';
import { EmptyState } from '../ui/EmptyState';
import { Kbd } from '../ui/Kbd';
import { SHORTCUTS } from '../ui/keyboard';
import { useToasts } from '../ui/Toasts';
import { useWorkspace, useWorkspaceActions } from '../workspace/workspaceState';

export function EditorArea() {
  const { openBriefId } = useWorkspace();
  const actions = useWorkspaceActions();
  const toasts = useToasts();
  const briefs = useBriefs();
  const brief = briefs.data?.find((b) => b.id === openBriefId && !b.deletedAt);

  // A remembered brief that no longer exists (or went to the trash) is simply closed. The list
  // may just be older than a brief created a moment ago, so ask the library before closing.
  const missing = openBriefId !== null && briefs.data !== undefined && !brief;
  useEffect(() => {
    if (!missing || openBriefId === null) return;
    let current = true;
    invoke('briefs.get', { briefId: openBriefId }).then(
      (found) => current && found.deletedAt && actions.openBrief(null),
      (error: unknown) => current && toAppError(error).code === 'NOT_FOUND' && actions.openBrief(null),
    );
    return () => {
      current = false;
    };
  }, [missing, openBriefId, actions]);

  if (!brief) {
    return (
      <EmptyState
        title={briefs.data && briefs.data.some((b) => !b.deletedAt) ? 'No brief open' : 'Start your first brief'}
        action={
          <button
            type="button"
            className="button button--primary"
            onClick={() => actions.showBriefDialog({ kind: 'new' })}
          >
            New brief <Kbd shortcut={SHORTCUTS.newBrief} />
          </button>
        }
      >
        <p>
          Pick a brief on the left, or create one. Claim cards from the library on the right go into the brief you open
          here.
        </p>
      </EmptyState>
    );
  }

  return (
    <div className="editor-area">
      <div className="pane-header editor-area__header">
        <span className="pane-title">Brief</span>
        <ExportPdfButton />
      </div>
      <BriefEditor
        key={brief.id}
        briefId={brief.id}
        onStatus={(status) => noteEditorStatus(brief.id, status)}
        onCitationClick={(citationId: number) =>
          void actions
            .openCitation(citationId)
            .catch((error: unknown) => toasts.error(error, 'Could not open the cited passage'))
        }
        onClaimOpen={(claimId: number) => actions.inspectClaim(claimId)}
      />
    </div>
  );
}
