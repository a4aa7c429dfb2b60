// The Card tab: the card being created or edited, or a pointer to how to get one. When another
// card is asked for while this one has unsaved edits, it asks before dropping them.
import { useWorkspace, useWorkspaceActions } from '../workspace/workspaceState';
import { EmptyState } from '../ui/EmptyState';
import { EditClaimCard } from './EditClaimCard';
import { NewClaimCard } from './NewClaimCard';

export function ClaimInspector() {
  const { inspector, inspectorPending } = useWorkspace();
  const actions = useWorkspaceActions();

  return (
    <div className="inspector">
      {inspectorPending && (
        <div className="banner banner--warning" role="alert">
          <p>This card has unsaved changes. Save them first, or discard them to open the other card.</p>
          <div className="banner__actions">
            <button type="button" className="button button--small" onClick={() => actions.resolvePending(false)}>
              Keep editing
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => actions.resolvePending(true)}
            >
              Discard changes
            </button>
          </div>
        </div>
      )}
      {inspector === null ? (
        <EmptyState
          title="No claim card open"
          action={
            <>
              <button type="button" className="button" onClick={() => actions.showTab('claims')}>
                Browse the claim library
              </button>
              <button type="button" className="button" onClick={() => actions.newClaim(null)}>
                New card without a citation
              </button>
            </>
          }
        >
          <p>
            Select a passage in a source and choose “Create claim card”, or pick a card in the claim library to edit it.
          </p>
        </EmptyState>
      ) : inspector.kind === 'new' ? (
        <NewClaimCard key={inspector.request} passages={inspector.citations} />
      ) : (
        <EditClaimCard key={inspector.claimId} claimId={inspector.claimId} />
      )}
    </div>
  );
}
