// Shortcuts that work anywhere in the window, and the same commands arriving from the app menu
// (the `menu.command` event, payload `{ command }`, electron/main/menuCommands.ts). In the app
// the menu's accelerators take New/Import/Find/Export first; in the browser harness these keys do.
import { useEffect } from 'react';
import { getBridge } from '../bridge';
import { EXPORT_PDF_SHORTCUT, useExportPdf } from '../export';
import { getReaderSelection } from '../sources/readerSelection';
import { matchesShortcut, SHORTCUTS, type Shortcut } from '../ui/keyboard';
import { useToasts, type Toasts } from '../ui/Toasts';
import { openRestoreBackup } from '../library/restoreBackupRequest';
import { FOCUS_TARGETS } from '../workspace/focusTargets';
import { useWorkspaceActions, type WorkspaceActions } from '../workspace/workspaceState';

type Command =
  | 'new-brief'
  | 'import-source'
  | 'find'
  | 'export-pdf'
  | 'restore-backup'
  | 'claim-from-selection'
  | 'show-sources'
  | 'show-claims'
  | 'show-card';
const MENU_COMMANDS: readonly Command[] = ['new-brief', 'import-source', 'find', 'export-pdf', 'restore-backup'];

const BINDINGS: readonly [Shortcut, Command][] = [
  [SHORTCUTS.createClaimFromSelection, 'claim-from-selection'],
  [SHORTCUTS.newBrief, 'new-brief'],
  [SHORTCUTS.importSource, 'import-source'],
  [SHORTCUTS.find, 'find'],
  [EXPORT_PDF_SHORTCUT, 'export-pdf'],
  [SHORTCUTS.showSources, 'show-sources'],
  [SHORTCUTS.showClaimLibrary, 'show-claims'],
  [SHORTCUTS.showCardInspector, 'show-card'],
];

export function useGlobalShortcuts(): void {
  const actions = useWorkspaceActions();
  const toasts = useToasts();
  const exportPdf = useExportPdf();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      for (const [shortcut, command] of BINDINGS) {
        if (matchesShortcut(event, shortcut)) {
          event.preventDefault();
          runCommand(command, actions, toasts, exportPdf);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = getBridge().on('menu.command', (payload) => {
      const command = (payload as { command?: unknown } | null)?.command;
      if ((MENU_COMMANDS as readonly unknown[]).includes(command))
        runCommand(command as Command, actions, toasts, exportPdf);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, [actions, toasts, exportPdf]);
}

/**
 * Focuses an element: at once if it is showing (so the next key pressed lands in it, however
 * fast the typist), else once React has shown it (after a tab switch).
 */
function focusSoon(id: string, then?: (element: HTMLElement) => void): void {
  const attempt = () => {
    const element = document.getElementById(id);
    if (!element?.checkVisibility()) return false;
    element.focus();
    then?.(element);
    return true;
  };
  if (!attempt()) requestAnimationFrame(() => void attempt());
}

function runCommand(command: Command, actions: WorkspaceActions, toasts: Toasts, exportPdf: () => void): void {
  switch (command) {
    case 'new-brief':
      return actions.showBriefDialog({ kind: 'new' });
    case 'import-source':
      actions.showTab('sources');
      // Opens the file picker where the browser allows it (a key press is a user gesture; a menu click relayed over IPC is not), else leaves focus on the button.
      return focusSoon(FOCUS_TARGETS.importButton, (button) => button.click());
    case 'find': {
      // Find in the open source when the reader is showing, else search the claim library.
      if (document.getElementById(FOCUS_TARGETS.readerFind)?.checkVisibility())
        return focusSoon(FOCUS_TARGETS.readerFind, (e) => (e as HTMLInputElement).select());
      actions.showTab('claims');
      return focusSoon(FOCUS_TARGETS.claimSearch);
    }
    case 'export-pdf':
      return exportPdf();
    case 'restore-backup':
      return openRestoreBackup();
    case 'claim-from-selection': {
      const passage = getReaderSelection();
      if (passage) return actions.newClaim(passage);
      return toasts.info(
        'Select a passage first',
        'Select the words in a source that the card rests on, then create the card.',
      );
    }
    // Switching a tab by keyboard also moves focus to it, so Tab goes on into that panel.
    case 'show-sources':
      actions.showTab('sources');
      return focusSoon('tab-sources');
    case 'show-claims':
      actions.showTab('claims');
      return focusSoon('tab-claims');
    case 'show-card':
      actions.showTab('inspector');
      return focusSoon('tab-inspector');
  }
}
