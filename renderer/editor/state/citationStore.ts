// A cache of citation facts (anchor status, quote, source) shared by every citation marker in
// every open editor. Claim loads prime it with their citations; inline citations that no claim
// carries are fetched with `citations.get`, a few at a time.
import { useCallback, useSyncExternalStore } from 'react';
import type { Citation } from '../../../shared/api/claims';
import { describeError, invoke } from './bridge';

/** What a citation marker needs to show itself. */
export interface CitationInfo {
  id: number;
  claimId: number | null;
  sourceId: number;
  sourceTitle: string | null;
  anchorStatus: 'exact' | 'fuzzy' | 'orphaned';
  /** 1 for exact, the match score for fuzzy, null for orphaned. */
  score: number | null;
  /** The stored quote (TextQuoteSelector exact). */
  quote: string;
  stance: string | null;
}

export type CitationEntry =
  | { state: 'loading' }
  | { state: 'ready'; citation: CitationInfo }
  | { state: 'missing' }
  | { state: 'error'; message: string };

const LOADING: CitationEntry = { state: 'loading' };
const MISSING: CitationEntry = { state: 'missing' };
const CONCURRENCY = 8;

export function citationInfoOf(c: Citation): CitationInfo {
  return {
    id: c.id,
    claimId: c.claimId,
    sourceId: c.sourceId,
    sourceTitle: c.sourceTitle,
    anchorStatus: c.anchorStatus,
    score: c.score,
    quote: c.exact,
    stance: c.stance,
  };
}

function sameInfo(a: CitationInfo, b: CitationInfo): boolean {
  return (
    a.anchorStatus === b.anchorStatus &&
    a.score === b.score &&
    a.quote === b.quote &&
    a.sourceTitle === b.sourceTitle &&
    a.stance === b.stance &&
    a.claimId === b.claimId &&
    a.sourceId === b.sourceId
  );
}

export class CitationStore {
  private readonly entries = new Map<number, CitationEntry>();
  private readonly listeners = new Map<number, Set<() => void>>();
  private readonly queue = new Set<number>();
  private readonly inFlight = new Set<number>();
  /** Ids explicitly refreshed: fetched even when already known. */
  private readonly forced = new Set<number>();
  private scheduled = false;

  constructor(private readonly fetchOne: (id: number) => Promise<Citation>) {}

  /** The current entry for a citation id; a stable object until the citation changes. */
  getEntry(id: number): CitationEntry {
    return this.entries.get(id) ?? LOADING;
  }

  peek(id: number): CitationInfo | null {
    const entry = this.entries.get(id);
    return entry?.state === 'ready' ? entry.citation : null;
  }

  /** Listens to one citation; the first listener triggers its load. */
  subscribe(id: number, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    if (!this.entries.has(id)) this.request(id);
    return () => {
      set!.delete(listener);
      if (set!.size === 0) this.listeners.delete(id);
    };
  }

  /** Records citations known from elsewhere (a claim load, a brief check) without fetching. */
  prime(citations: readonly CitationInfo[]): void {
    for (const c of citations) {
      const current = this.entries.get(c.id);
      if (current?.state === 'ready' && sameInfo(current.citation, c)) continue;
      this.set(c.id, { state: 'ready', citation: c });
    }
  }

  /** Reloads the given citations (or every one someone is listening to). */
  refresh(ids?: readonly number[]): void {
    for (const id of ids ?? [...this.entries.keys()]) {
      if (this.listeners.has(id)) {
        this.forced.add(id);
        this.request(id);
      } else this.entries.delete(id);
    }
  }

  private request(id: number): void {
    this.queue.add(id);
    if (this.scheduled) return;
    this.scheduled = true;
    // A macrotask, not a microtask: claim loads started in the same render prime most citations first.
    setTimeout(() => void this.flush(), 0);
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    // Ids primed meanwhile need no fetch unless they were explicitly refreshed while ready.
    const ids = [...this.queue].filter((id) => !this.inFlight.has(id));
    this.queue.clear();
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        // Primed while waiting (by a claim load): no need to ask again.
        if (this.entries.get(id)?.state === 'ready' && !this.forced.has(id)) continue;
        this.forced.delete(id);
        this.inFlight.add(id);
        try {
          this.prime([citationInfoOf(await this.fetchOne(id))]);
        } catch (error) {
          const { code, message } = describeError(error);
          if (code === 'NOT_FOUND' || /no (attached )?citation/i.test(message)) this.set(id, MISSING);
          else if (this.entries.get(id)?.state !== 'ready') this.set(id, { state: 'error', message });
        } finally {
          this.inFlight.delete(id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  }

  private set(id: number, entry: CitationEntry): void {
    this.entries.set(id, entry);
    const set = this.listeners.get(id);
    if (set) for (const listener of [...set]) listener();
  }

  /** Forgets everything (tests). */
  clear(): void {
    this.entries.clear();
    this.queue.clear();
  }
}

/** The one citation cache of the renderer. */
export const citationStore = new CitationStore((citationId) => invoke('citations.get', { citationId }));

/** The live entry of one citation, re-rendering only when that citation changes. */
export function useCitation(citationId: number): CitationEntry {
  const subscribe = useCallback((cb: () => void) => citationStore.subscribe(citationId, cb), [citationId]);
  const get = useCallback(() => citationStore.getEntry(citationId), [citationId]);
  return useSyncExternalStore(subscribe, get, get);
}
