// Whether "Restore from Backup…" is on screen. Asked for by the app menu (through the global
// shortcuts' command list) and shown by <RestoreBackupHost>, which may live anywhere in the tree.
import { useSyncExternalStore } from 'react';

let showing = false;
const listeners = new Set<() => void>();

function set(next: boolean): void {
  if (showing === next) return;
  showing = next;
  for (const listener of [...listeners]) listener();
}

export const openRestoreBackup = (): void => set(true);
export const closeRestoreBackup = (): void => set(false);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRestoreBackupShowing(): boolean {
  return useSyncExternalStore(subscribe, () => showing);
}
