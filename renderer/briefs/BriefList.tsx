// The left pane: every brief, newest first, and the trash. Arrow keys move between briefs,
// Enter opens one, F2 edits its title and marking, Delete moves it to the trash (undoable;
// the trash keeps it until restored).
import { useRef, useState, type KeyboardEvent } from 'react';
import type { BriefSummary } from '../../shared/api/briefs';
import { invoke } from '../bridge';
import { useWorkspace, useWorkspaceActions } from '../workspace/workspaceState';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNote } from '../ui/ErrorNote';
import { formatUpdated, plural } from '../ui/formatDate';
import { Kbd } from '../ui/Kbd';
import { ariaShortcut, formatShortcut, matchesShortcut, SHORTCUTS } from '../ui/keyboard';
import { useToasts } from '../ui/Toasts';
import { TrashIcon } from '../ui/icons';
import { MarkingBadge } from '../ui/tradecraft';
import { closeBriefAndSave } from './closeBrief';
import { useBriefs } from './useBriefs';

export function BriefList() {
  const briefs = useBriefs();
  const { openBriefId } = useWorkspace();
  const actions = useWorkspaceActions();
  const toasts = useToasts();
  const listRef = useRef<HTMLUListElement>(null);
  const [activeId, setActiveId] = useState<number | null>(null);

  const all = briefs.data ?? [];
  const active = all.filter((b) => !b.deletedAt).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  const trash = all.filter((b) => b.deletedAt).sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
  const tabbableId = active.some((b) => b.id === activeId)
    ? activeId
    : (active.find((b) => b.id === openBriefId) ?? active[0])?.id;

  const restore = async (brief: BriefSummary) => {
    try {
      await invoke('briefs.restore', { briefId: brief.id });
      toasts.success('Brief restored', `“${brief.title}” is back in your briefs.`);
    } catch (error) {
      toasts.error(error, 'Could not restore the brief');
    }
  };

  const moveToTrash = async (brief: BriefSummary) => {
    try {
      await closeBriefAndSave(actions, brief.id, openBriefId);
      await invoke('briefs.delete', { briefId: brief.id });
      toasts.success('Moved to the trash', `“${brief.title}” can be restored from the trash.`, {
        label: 'Undo',
        run: () => void restore(brief),
      });
    } catch (error) {
      toasts.error(error, 'Could not move the brief to the trash');
    }
  };

  const focusAt = (index: number) => {
    const brief = active[Math.max(0, Math.min(active.length - 1, index))];
    if (!brief) return;
    setActiveId(brief.id);
    listRef.current?.querySelector<HTMLElement>(`[data-brief-id="${brief.id}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, brief: BriefSummary, index: number) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusAt(index + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusAt(event.key === 'Home' ? 0 : active.length - 1);
    } else if (matchesShortcut(event, SHORTCUTS.renameBrief)) {
      event.preventDefault();
      // The open brief's title and marking are edited in the editor's own header; a dialog
      // beside it would race its autosave. Other briefs get the properties dialog.
      const titleField =
        brief.id === openBriefId
          ? document.querySelector<HTMLInputElement>('#pane-editor input[aria-label="Brief title"]')
          : null;
      if (titleField) titleField.focus();
      else actions.showBriefDialog({ kind: 'edit', briefId: brief.id });
    } else if (matchesShortcut(event, SHORTCUTS.trashBrief)) {
      event.preventDefault();
      focusAt(index + 1 < active.length ? index + 1 : index - 1);
      void moveToTrash(brief);
    }
  };

  return (
    <div className="brief-list">
      <div className="pane-header">
        <h2 className="pane-title">Briefs</h2>
        <button
          type="button"
          className="button button--small button--primary"
          aria-keyshortcuts={ariaShortcut(SHORTCUTS.newBrief)}
          title={`New brief (${formatShortcut(SHORTCUTS.newBrief)})`}
          onClick={() => actions.showBriefDialog({ kind: 'new' })}
        >
          + New brief
        </button>
      </div>

      <div className="pane-body">
        {briefs.error && !briefs.data && <ErrorNote error={briefs.error} onRetry={briefs.reload} />}
        {briefs.data && active.length === 0 && (
          <EmptyState title="No briefs yet">
            <p>
              Create one to start writing. New briefs start from the BLUF / Key judgments / Discussion / Outlook
              outline.
            </p>
          </EmptyState>
        )}
        {active.length > 0 && (
          <ul ref={listRef} className="brief-list__items" aria-label="Briefs">
            {active.map((brief, index) => (
              <li key={brief.id} className="brief-list__row">
                <button
                  type="button"
                  className={`brief-item${brief.id === openBriefId ? ' is-open' : ''}`}
                  data-brief-id={brief.id}
                  tabIndex={brief.id === tabbableId ? 0 : -1}
                  aria-current={brief.id === openBriefId ? 'page' : undefined}
                  aria-keyshortcuts={`${ariaShortcut(SHORTCUTS.renameBrief)} ${ariaShortcut(SHORTCUTS.trashBrief)}`}
                  onFocus={() => setActiveId(brief.id)}
                  onClick={() => actions.openBrief(brief.id)}
                  onKeyDown={(e) => onKeyDown(e, brief, index)}
                >
                  <span className="brief-item__title" dir="auto">
                    {brief.title}
                  </span>
                  <span className="brief-item__meta">
                    <MarkingBadge marking={brief.marking} />
                    <span className="brief-item__stats">{`${plural(brief.claimCount, 'card')} · ${formatUpdated(brief.updatedAt)}`}</span>
                  </span>
                </button>
                {/* For the mouse; the keyboard has F2 and Delete on the item itself. */}
                <span className="brief-item__actions">
                  {brief.id !== openBriefId && (
                    <button
                      type="button"
                      className="icon-button"
                      tabIndex={-1}
                      aria-label={`Properties of ${brief.title}`}
                      title="Title and marking"
                      onClick={() => actions.showBriefDialog({ kind: 'edit', briefId: brief.id })}
                    >
                      ✎
                    </button>
                  )}
                  <button
                    type="button"
                    className="icon-button"
                    tabIndex={-1}
                    aria-label={`Move ${brief.title} to the trash`}
                    title="Move to the trash"
                    onClick={() => void moveToTrash(brief)}
                  >
                    <TrashIcon />
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
        {active.length > 0 && (
          <p className="hint brief-list__hint">
            <Kbd shortcut={SHORTCUTS.renameBrief} /> properties · <Kbd shortcut={SHORTCUTS.trashBrief} /> move to trash
          </p>
        )}
      </div>

      {trash.length > 0 && (
        <details className="trash">
          <summary>Trash ({trash.length})</summary>
          <ul className="trash__items" aria-label="Briefs in the trash">
            {trash.map((brief) => (
              <li key={brief.id} className="trash__item">
                <span className="trash__title" dir="auto">
                  {brief.title}
                </span>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Restore ${brief.title}`}
                  onClick={() => void restore(brief)}
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
