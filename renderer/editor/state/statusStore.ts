// The editor's status (saving, last save, word count, error) as a tiny observable value, so the
// toolbar's indicators and the host's onStatus callback update without re-rendering the editor.
export interface EditorStatus {
  saving: boolean;
  savedAt: string | null;
  wordCount: number;
  error: string | null;
  /** Changes not yet saved (the save is waiting for its debounce). */
  dirty: boolean;
}

export class StatusStore {
  private value: EditorStatus;
  private readonly listeners = new Set<() => void>();

  constructor(initial: Partial<EditorStatus> = {}) {
    this.value = { saving: false, savedAt: null, wordCount: 0, error: null, dirty: false, ...initial };
  }

  get = (): EditorStatus => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Merges a change; listeners hear only real changes. */
  update(patch: Partial<EditorStatus>): void {
    let changed = false;
    for (const key of Object.keys(patch) as (keyof EditorStatus)[]) {
      if (patch[key] !== undefined && patch[key] !== this.value[key]) changed = true;
    }
    if (!changed) return;
    this.value = { ...this.value, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
}
