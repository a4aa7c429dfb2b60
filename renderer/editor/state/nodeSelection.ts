// Which decorator nodes are selected (a NodeSelection), tracked once per editor instead of one
// update listener per card: a card subscribes to its own key and re-renders only when its own
// selected state flips.
export class NodeSelectionTracker {
  private selected: ReadonlySet<string> = new Set();
  private readonly listeners = new Map<string, Set<() => void>>();

  isSelected(key: string): boolean {
    return this.selected.has(key);
  }

  hasAny(): boolean {
    return this.selected.size > 0;
  }

  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  /** Replaces the selected keys and notifies only the keys whose state changed. */
  set(next: ReadonlySet<string>): void {
    const previous = this.selected;
    if (previous.size === 0 && next.size === 0) return;
    this.selected = next;
    const changed = new Set<string>();
    for (const key of previous) if (!next.has(key)) changed.add(key);
    for (const key of next) if (!previous.has(key)) changed.add(key);
    for (const key of changed) for (const listener of [...(this.listeners.get(key) ?? [])]) listener();
  }
}
