// The right pane: Sources (list and reader), the Claim library, and the Card inspector, as
// WAI-ARIA tabs (arrow keys move between tabs). All three stay mounted, so switching keeps the
// reader's place and the library's search.
import { useRef, type KeyboardEvent } from 'react';
import { ClaimInspector } from '../claims/ClaimInspector';
import { ClaimLibrary } from '../claims/ClaimLibrary';
import { SourcesPanel } from '../sources/SourcesPanel';
import { formatShortcut, SHORTCUTS, type Shortcut } from '../ui/keyboard';
import { CONTEXT_TABS, useWorkspace, useWorkspaceActions, type ContextTab } from '../workspace/workspaceState';

const TABS: Record<ContextTab, { label: string; shortcut: Shortcut }> = {
  sources: { label: 'Sources', shortcut: SHORTCUTS.showSources },
  claims: { label: 'Claim library', shortcut: SHORTCUTS.showClaimLibrary },
  inspector: { label: 'Card', shortcut: SHORTCUTS.showCardInspector },
};

export function ContextPanel() {
  const { tab, inspectorDirty } = useWorkspace();
  const actions = useWorkspaceActions();
  const tabRefs = useRef<Partial<Record<ContextTab, HTMLButtonElement | null>>>({});

  const onKeyDown = (event: KeyboardEvent) => {
    const index = CONTEXT_TABS.indexOf(tab);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: CONTEXT_TABS.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = CONTEXT_TABS[(target + CONTEXT_TABS.length) % CONTEXT_TABS.length]!;
    actions.showTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="context-panel">
      <div role="tablist" aria-label="Context" className="tabs" onKeyDown={onKeyDown}>
        {CONTEXT_TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              tabRefs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className="tabs__tab"
            title={`${TABS[id].label} (${formatShortcut(TABS[id].shortcut)})`}
            onClick={() => actions.showTab(id)}
          >
            {TABS[id].label}
            {id === 'inspector' && inspectorDirty && (
              <span className="tabs__dot" aria-label="(unsaved changes)">
                •
              </span>
            )}
          </button>
        ))}
      </div>
      {CONTEXT_TABS.map((id) => (
        <div
          key={id}
          role="tabpanel"
          id={`tabpanel-${id}`}
          aria-labelledby={`tab-${id}`}
          hidden={tab !== id}
          className="tabs__panel"
        >
          {id === 'sources' ? <SourcesPanel /> : id === 'claims' ? <ClaimLibrary /> : <ClaimInspector />}
        </div>
      ))}
    </div>
  );
}
