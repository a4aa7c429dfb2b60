// What the claim and citation caches share: one entry per id that stays the same object until
// that id changes (useSyncExternalStore then re-renders nothing else), listeners per id so a change
// wakes only the views of that id, and a queue of ids to load. When the queue is flushed and how
// its ids are fetched differ between the caches, so those are left to each.

export type CacheEntry<Ready extends { state: 'ready' }> =
  { state: 'loading' } | Ready | { state: 'missing' } | { state: 'error'; message: string };

const LOADING = { state: 'loading' } as const;
export const MISSING = { state: 'missing' } as const;

export abstract class KeyedCache<Ready extends { state: 'ready' }, T> {
  protected readonly entries = new Map<number, CacheEntry<Ready>>();
  protected readonly listeners = new Map<number, Set<() => void>>();
  private readonly queue = new Set<number>();
  /** Ids being fetched (marked by `load`); asking for them again meanwhile is a no-op. */
  protected readonly inFlight = new Set<number>();
  private scheduled = false;

  /** The value a ready entry holds. */
  protected abstract valueOf(entry: Ready): T;
  /** Runs the flush of queued ids later; everything requested until then goes in one flush. */
  protected abstract schedule(flush: () => void): void;
  /** Fetches the queued ids and stores what came back. */
  protected abstract load(ids: number[]): Promise<void>;

  /** The current entry for an id; the same object until that id changes. */
  getEntry(id: number): CacheEntry<Ready> {
    return this.entries.get(id) ?? LOADING;
  }

  /** The loaded value, or null while loading / when missing. */
  peek(id: number): T | null {
    const entry = this.entries.get(id);
    return entry?.state === 'ready' ? this.valueOf(entry) : null;
  }

  /** Listens to one id; the first listener of an unknown id triggers its load. */
  subscribe(id: number, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    if (!this.entries.has(id)) this.request(id);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  /** Forgets everything (tests). */
  clear(): void {
    this.entries.clear();
    this.queue.clear();
  }

  protected request(id: number): void {
    this.queue.add(id);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      const ids = [...this.queue].filter((id) => !this.inFlight.has(id));
      this.queue.clear();
      void this.load(ids);
    });
  }

  protected set(id: number, entry: CacheEntry<Ready>): void {
    this.entries.set(id, entry);
    const set = this.listeners.get(id);
    if (set) for (const listener of [...set]) listener();
  }
}
