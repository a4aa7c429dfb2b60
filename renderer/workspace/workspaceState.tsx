// What the workspace is showing: the open brief, the context panel's tab, where the source
// reader is, and which card the inspector edits. One reducer, so every way of getting
// somewhere (a click, a shortcut, a citation in the editor) goes through the same actions.
// It lives in workspace/, not app/, because the feature folders read and change it too, and
// they may not import app/ (see app/README.md).
import { createContext, useContext, useMemo, useReducer, type ReactNode } from 'react';
import { invoke } from '../bridge';
import { samePassage, type PassageSelection } from '../sources/readerSelection';

export type ContextTab = 'sources' | 'claims' | 'inspector';
export const CONTEXT_TABS: readonly ContextTab[] = ['sources', 'claims', 'inspector'];

/** Where the source reader is: a source, optionally an older version, optionally a citation to show. */
export interface ReaderTarget {
  sourceId: number;
  /** null: the current version. */
  versionId: number | null;
  /** The citation to scroll to and highlight, if the reader was opened for one. */
  focusCitationId: number | null;
  /** Changes on every request, so opening the same citation twice scrolls to it again. */
  request: number;
}

export type InspectorTarget =
  | { kind: 'claim'; claimId: number }
  /** A card not saved yet, with the passages it will cite. */
  | { kind: 'new'; citations: PassageSelection[]; request: number };

/** The brief dialog that is open, if any (new brief, or the properties of one). */
export type BriefDialogRequest = { kind: 'new' } | { kind: 'edit'; briefId: number } | null;

export interface WorkspaceState {
  openBriefId: number | null;
  briefDialog: BriefDialogRequest;
  tab: ContextTab;
  reader: ReaderTarget | null;
  inspector: InspectorTarget | null;
  /** True while the inspector has unsaved edits; another card then waits in `inspectorPending`. */
  inspectorDirty: boolean;
  inspectorPending: InspectorTarget | null;
}

type Action =
  | { type: 'openBrief'; briefId: number | null }
  | { type: 'briefDialog'; request: BriefDialogRequest }
  | { type: 'showTab'; tab: ContextTab }
  | { type: 'openReader'; target: Omit<ReaderTarget, 'request'> }
  | { type: 'closeReader' }
  | { type: 'inspect'; target: InspectorTarget | null; force?: boolean }
  | { type: 'addPassageToNewCard'; passage: PassageSelection }
  | { type: 'setInspectorDirty'; dirty: boolean }
  | { type: 'resolvePending'; open: boolean };

let requestCounter = 0;

function reduce(state: WorkspaceState, action: Action): WorkspaceState {
  switch (action.type) {
    case 'openBrief':
      return { ...state, openBriefId: action.briefId };
    case 'briefDialog':
      return { ...state, briefDialog: action.request };
    case 'showTab':
      return { ...state, tab: action.tab };
    case 'openReader':
      return { ...state, tab: 'sources', reader: { ...action.target, request: ++requestCounter } };
    case 'closeReader':
      return { ...state, reader: null };
    case 'inspect':
      if (state.inspectorDirty && !action.force) return { ...state, tab: 'inspector', inspectorPending: action.target };
      return { ...state, tab: 'inspector', inspector: action.target, inspectorDirty: false, inspectorPending: null };
    case 'addPassageToNewCard': {
      const current = state.inspector?.kind === 'new' ? state.inspector.citations : [];
      const duplicate = current.some((p) => samePassage(p, action.passage));
      const citations = duplicate ? current : [...current, action.passage];
      return {
        ...state,
        tab: 'inspector',
        inspector: {
          kind: 'new',
          citations,
          request: state.inspector?.kind === 'new' ? state.inspector.request : ++requestCounter,
        },
      };
    }
    case 'setInspectorDirty':
      return state.inspectorDirty === action.dirty ? state : { ...state, inspectorDirty: action.dirty };
    case 'resolvePending':
      if (!action.open || !state.inspectorPending) return { ...state, inspectorPending: null };
      return { ...state, inspector: state.inspectorPending, inspectorPending: null, inspectorDirty: false };
  }
}

export interface WorkspaceActions {
  openBrief: (briefId: number | null) => void;
  /** Opens the "New brief" dialog, or the properties of a brief; null closes it. */
  showBriefDialog: (request: BriefDialogRequest) => void;
  showTab: (tab: ContextTab) => void;
  openSource: (sourceId: number, versionId?: number | null) => void;
  closeReader: () => void;
  /** Opens the reader at a citation's passage (the editor calls this when a citation is clicked). */
  openCitation: (citationId: number) => Promise<void>;
  inspectClaim: (claimId: number) => void;
  /** Closes the inspector, dropping unsaved edits (the caller asked the user). */
  closeInspector: () => void;
  /** Starts a new card citing `passage` (or no passage). */
  newClaim: (passage: PassageSelection | null) => void;
  /** Adds a passage to the unsaved new card (starting one if none is open). */
  addPassageToNewCard: (passage: PassageSelection) => void;
  setInspectorDirty: (dirty: boolean) => void;
  /** Answers "open the waiting card and drop unsaved edits?" */
  resolvePending: (open: boolean) => void;
}

const StateContext = createContext<WorkspaceState | null>(null);
const ActionsContext = createContext<WorkspaceActions | null>(null);

export function WorkspaceProvider({
  initialBriefId,
  children,
}: {
  initialBriefId: number | null;
  children: ReactNode;
}) {
  const [state, dispatch] = useReducer(reduce, {
    openBriefId: initialBriefId,
    briefDialog: null,
    tab: 'sources',
    reader: null,
    inspector: null,
    inspectorDirty: false,
    inspectorPending: null,
  });

  const actions = useMemo<WorkspaceActions>(
    () => ({
      openBrief: (briefId) => dispatch({ type: 'openBrief', briefId }),
      showBriefDialog: (request) => dispatch({ type: 'briefDialog', request }),
      showTab: (tab) => dispatch({ type: 'showTab', tab }),
      openSource: (sourceId, versionId = null) =>
        dispatch({ type: 'openReader', target: { sourceId, versionId, focusCitationId: null } }),
      closeReader: () => dispatch({ type: 'closeReader' }),
      async openCitation(citationId) {
        const citation = await invoke('citations.get', { citationId });
        // Exact and fuzzy citations point into the current version; an orphan keeps the version it
        // was last found in, but the reader opens on the current text and explains the orphan.
        dispatch({
          type: 'openReader',
          target: { sourceId: citation.sourceId, versionId: null, focusCitationId: citation.id },
        });
      },
      inspectClaim: (claimId) => dispatch({ type: 'inspect', target: { kind: 'claim', claimId } }),
      closeInspector: () => dispatch({ type: 'inspect', target: null, force: true }),
      newClaim: (passage) =>
        dispatch({
          type: 'inspect',
          target: { kind: 'new', citations: passage ? [passage] : [], request: ++requestCounter },
        }),
      addPassageToNewCard: (passage) => dispatch({ type: 'addPassageToNewCard', passage }),
      setInspectorDirty: (dirty) => dispatch({ type: 'setInspectorDirty', dirty }),
      resolvePending: (open) => dispatch({ type: 'resolvePending', open }),
    }),
    [],
  );

  return (
    <ActionsContext.Provider value={actions}>
      <StateContext.Provider value={state}>{children}</StateContext.Provider>
    </ActionsContext.Provider>
  );
}

export function useWorkspace(): WorkspaceState {
  const state = useContext(StateContext);
  if (!state) throw new Error('useWorkspace must be used inside <WorkspaceProvider>.');
  return state;
}

/** The workspace's actions; stable for the life of the app, so passing them around re-renders nothing. */
export function useWorkspaceActions(): WorkspaceActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useWorkspaceActions must be used inside <WorkspaceProvider>.');
  return actions;
}
