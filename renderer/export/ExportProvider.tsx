// Where "Export PDF…" starts, whichever way it is asked for (the editor pane's button, the app
// menu, Ctrl/Cmd+Shift+E): one function from context, and the one export dialog it opens.
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useToasts } from '../ui/Toasts';
import { ExportDialog } from './ExportDialog';

export interface ExportProviderProps {
  /** The brief open in the editor, or null. */
  briefId: number | null;
  /** Opens the reader at a citation's passage (the workspace's openCitation). */
  openCitation: (citationId: number) => Promise<void>;
  /** Opens a claim card in the inspector. */
  openClaim: (claimId: number) => void;
  children: ReactNode;
}

const ExportContext = createContext<(() => void) | null>(null);
let requests = 0;

export function ExportProvider({ briefId, openCitation, openClaim, children }: ExportProviderProps) {
  const toasts = useToasts();
  const [open, setOpen] = useState<{ briefId: number; request: number } | null>(null);
  const current = useRef({ briefId, open });
  current.current = { briefId, open };

  const startExport = useCallback(() => {
    const { briefId: id, open: showing } = current.current;
    if (id === null) {
      toasts.info('Open a brief to export it', 'Pick a brief in the list on the left, then choose Export PDF… again.');
      return;
    }
    if (showing) return; // already on screen (the menu and the keys may both ask)
    // Another dialog is open (New brief, source details): finish that first.
    if (document.querySelector('dialog[open]')) return;
    const next = { briefId: id, request: ++requests };
    current.current.open = next; // a second request in the same tick (menu and keys) finds it open
    setOpen(next);
  }, [toasts]);

  const close = useCallback(() => setOpen(null), []);

  return (
    <ExportContext.Provider value={startExport}>
      {children}
      {open && (
        <ExportDialog
          key={open.request}
          briefId={open.briefId}
          onClose={close}
          onOpenCitation={(citationId) =>
            void openCitation(citationId).catch((error: unknown) =>
              toasts.error(error, 'Could not open the cited passage'),
            )
          }
          onOpenClaim={openClaim}
        />
      )}
    </ExportContext.Provider>
  );
}

/** Starts "Export PDF…" for the open brief (or says to open one first). Stable for the life of the app. */
export function useExportPdf(): () => void {
  const start = useContext(ExportContext);
  if (!start) throw new Error('useExportPdf must be used inside <ExportProvider>.');
  return start;
}
