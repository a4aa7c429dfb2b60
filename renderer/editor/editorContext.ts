// What the live cards and citation markers of one editor need from it, passed down by React
// context (portals keep it). The object is created once per editor session and never changes, so
// no card re-renders because the host re-rendered; callbacks read the latest props through refs.
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import type { CitationNumbering } from './state/citationNumbering';
import type { NodeSelectionTracker } from './state/nodeSelection';

export interface BriefEditorServices {
  readonly briefId: number;
  readonly numbering: CitationNumbering;
  readonly selection: NodeSelectionTracker;
  /** Opens the source reader at a citation's passage (the host's onCitationClick). */
  openCitation: (citationId: number) => void;
  /** Opens a claim in the card inspector (the host's onClaimOpen), if the host offers it. */
  openClaim: (claimId: number) => void;
  canOpenClaim: () => boolean;
}

export const BriefEditorContext = createContext<BriefEditorServices | null>(null);

export function useBriefEditorServices(): BriefEditorServices | null {
  return useContext(BriefEditorContext);
}

const noSubscription = () => () => {};

/** True while the node with this key is in a NodeSelection; re-renders only when that flips. */
export function useNodeSelected(services: BriefEditorServices | null, nodeKey: string): boolean {
  const tracker = services?.selection ?? null;
  const subscribe = useCallback(
    (cb: () => void) => (tracker ? tracker.subscribe(nodeKey, cb) : () => {}),
    [tracker, nodeKey],
  );
  const get = useCallback(() => (tracker ? tracker.isSelected(nodeKey) : false), [tracker, nodeKey]);
  return useSyncExternalStore(subscribe, get, get);
}

/** The numbers of these citations in the brief (0 while unknown); re-renders only when they change. */
export function useCitationNumbers(services: BriefEditorServices | null, citationIds: readonly number[]): number[] {
  const numbering = services?.numbering ?? null;
  const key = citationIds.join(',');
  const get = useCallback(
    () =>
      numbering
        ? key
            .split(',')
            .filter(Boolean)
            .map((id) => numbering.numberOf(Number(id)) ?? 0)
            .join(',')
        : '',
    [numbering, key],
  );
  const snapshot = useSyncExternalStore(numbering ? numbering.subscribe : noSubscription, get, get);
  return useMemo(() => (snapshot === '' ? [] : snapshot.split(',').map(Number)), [snapshot]);
}
