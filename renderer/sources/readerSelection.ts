// The passage currently selected in the source reader — by mouse, by keyboard, or by "find" —
// kept outside React state so that selecting text re-renders only the few things showing it.
// It stays after the selection moves elsewhere (say, into the card form), so "add this passage
// to the card" still works after switching tabs; selecting other text replaces it.
import { useSyncExternalStore } from 'react';

/** A passage of one source version: offsets in UTF-16 code units of its normalized text. */
export interface PassageSelection {
  sourceId: number;
  versionId: number;
  sourceTitle: string;
  start: number;
  end: number;
  exact: string;
}

/** Where a passage lies: a source, the version its offsets count in, and the offsets. */
type PassagePlace = Pick<PassageSelection, 'sourceId' | 'versionId' | 'start' | 'end'>;

/**
 * What the library needs to cite a passage: its offsets and the version they count in. If the
 * source has changed since the selection, the library carries the passage over or refuses it.
 */
export function passageTarget({ sourceId, versionId, start, end }: PassagePlace): PassagePlace {
  return { sourceId, versionId, start, end };
}

/** Whether a citation or passage lies at the same offsets of the same version as `passage`. */
export function samePassage(
  other: { sourceId: number; versionId: number; start: number | null; end: number | null },
  passage: PassagePlace,
): boolean {
  return (
    other.sourceId === passage.sourceId &&
    other.versionId === passage.versionId &&
    other.start === passage.start &&
    other.end === passage.end
  );
}

let current: PassageSelection | null = null;
const listeners = new Set<() => void>();

export function getReaderSelection(): PassageSelection | null {
  return current;
}

export function setReaderSelection(next: PassageSelection | null): void {
  if (current === next) return;
  if (
    current &&
    next &&
    current.sourceId === next.sourceId &&
    current.versionId === next.versionId &&
    current.start === next.start &&
    current.end === next.end
  )
    return;
  current = next;
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The selected passage, re-rendering the caller when it changes. */
export function useReaderSelection(): PassageSelection | null {
  return useSyncExternalStore(subscribe, getReaderSelection);
}
