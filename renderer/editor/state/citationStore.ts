// A cache of citation facts (anchor status, quote, source) shared by every citation marker in
// every open editor. Claim loads prime it with their citations; inline citations that no claim
// carries are fetched with `citations.get`, a few at a time.
import { useCallback, useSyncExternalStore } from 'react';
import type { Citation } from '../../../shared/api/citations';
import { describeError, invoke } from './bridge';
import { type CacheEntry, KeyedCache, MISSING } from './keyedCache';

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

export type CitationEntry = CacheEntry<{ state: 'ready'; citation: CitationInfo }>;

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

export class CitationStore extends KeyedCache<{ state: 'ready'; citation: CitationInfo }, CitationInfo> {
  /** Ids explicitly refreshed: fetched even when already known. */
  private readonly forced = new Set<number>();

  constructor(private readonly fetchOne: (id: number) => Promise<Citation>) {
    super();
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

  protected valueOf(entry: { citation: CitationInfo }): CitationInfo {
    return entry.citation;
  }

  protected schedule(flush: () => void): void {
    // A macrotask, not a microtask: claim loads started in the same render prime most citations first.
    setTimeout(flush, 0);
  }

  protected async load(ids: number[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        // Primed while waiting (by a claim load): no need to ask again, unless explicitly refreshed.
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
}

/** The one citation cache of the renderer. */
export const citationStore = new CitationStore((citationId) => invoke('citations.get', { citationId }));

/** The live entry of one citation, re-rendering only when that citation changes. */
export function useCitation(citationId: number): CitationEntry {
  const subscribe = useCallback((cb: () => void) => citationStore.subscribe(citationId, cb), [citationId]);
  const get = useCallback(() => citationStore.getEntry(citationId), [citationId]);
  return useSyncExternalStore(subscribe, get, get);
}
