// The claim cache shared by every claim card in every open editor (DESIGN.md §6): cards ask for
// their claim by id, requests made in the same tick are batched into one `claims.getMany`, and
// each card subscribes to its own id only, so a claim edited elsewhere re-renders exactly the
// cards that show it. Any write to claims or citations — from this window (renderer/bridge.ts
// announces it) or elsewhere (`library.changed`) — reloads what is on screen, in one batch.
import { useCallback, useSyncExternalStore } from 'react';
import type { Claim } from '../../../shared/api/claims';
import { describeError, invoke, onLibraryChange } from './bridge';
import { citationInfoOf, citationStore } from './citationStore';
import { type CacheEntry, KeyedCache, MISSING } from './keyedCache';

export type ClaimEntry = CacheEntry<{ state: 'ready'; claim: Claim }>;

const BATCH = 1000;

export class ClaimStore extends KeyedCache<{ state: 'ready'; claim: Claim }, Claim> {
  private readonly anyListeners = new Set<() => void>();
  private anyScheduled = false;

  constructor(
    private readonly fetchMany: (ids: number[]) => Promise<Claim[]>,
    private readonly onLoaded: (claims: Claim[]) => void = () => {},
    private readonly onFirstSubscriber: () => void = () => {},
  ) {
    super();
  }

  /** Listens to one claim; the first listener of an unknown id triggers a (batched) load. */
  override subscribe(id: number, listener: () => void): () => void {
    this.onFirstSubscriber();
    return super.subscribe(id, listener);
  }

  /** Listens to any claim change (coalesced to one call per tick). */
  subscribeAll(listener: () => void): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  /** Puts claims the caller already has (e.g. the result of claims.update) into the cache. */
  prime(claims: readonly Claim[]): void {
    for (const claim of claims) this.setReady(claim);
    this.onLoaded([...claims]);
  }

  /** Marks a claim stale: reloaded now if a card shows it, otherwise forgotten. */
  invalidate(id: number): void {
    if (this.listeners.has(id)) this.request(id);
    else this.entries.delete(id);
  }

  /** Reloads every claim on screen and forgets the rest. */
  refreshAll(): void {
    for (const id of [...this.entries.keys()]) this.invalidate(id);
  }

  protected valueOf(entry: { claim: Claim }): Claim {
    return entry.claim;
  }

  protected schedule(flush: () => void): void {
    queueMicrotask(flush);
  }

  protected async load(ids: number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      for (const id of chunk) this.inFlight.add(id);
      try {
        const claims = await this.fetchMany(chunk);
        const found = new Set<number>();
        for (const claim of claims) {
          found.add(claim.id);
          this.setReady(claim);
        }
        for (const id of chunk) if (!found.has(id)) this.set(id, MISSING);
        this.onLoaded(claims);
      } catch (error) {
        const { message } = describeError(error);
        // Keep showing what we had; only a card that never loaded shows the error.
        for (const id of chunk) if (this.entries.get(id)?.state !== 'ready') this.set(id, { state: 'error', message });
      } finally {
        for (const id of chunk) this.inFlight.delete(id);
      }
    }
  }

  private setReady(claim: Claim): void {
    const current = this.entries.get(claim.id);
    // A reload that changed nothing keeps the old object, so no card re-renders.
    if (current?.state === 'ready' && JSON.stringify(current.claim) === JSON.stringify(claim)) return;
    this.set(claim.id, { state: 'ready', claim });
  }

  protected override set(id: number, entry: ClaimEntry): void {
    super.set(id, entry);
    if (this.anyListeners.size > 0 && !this.anyScheduled) {
      this.anyScheduled = true;
      queueMicrotask(() => {
        this.anyScheduled = false;
        for (const listener of [...this.anyListeners]) listener();
      });
    }
  }
}

let librarySubscribed = false;

/** The one claim cache of the renderer. */
export const claimStore = new ClaimStore(
  (claimIds) => invoke('claims.getMany', { claimIds }),
  (claims) => citationStore.prime(claims.flatMap((claim) => claim.citations.map(citationInfoOf))),
  () => {
    if (librarySubscribed) return;
    librarySubscribed = true;
    onLibraryChange((parts, cause) => refreshAfterChange(parts, cause));
  },
);

/**
 * Reloads what a library write may have changed on screen: the claims on cards (one
 * claims.getMany; a card whose claim did not change keeps its object and does not re-render)
 * and, when citations may have moved or gone, the inline citations. A new claim or a newly
 * attached citation changes nothing already shown inline, so those skip the citation reload.
 */
export function refreshAfterChange(parts: ReadonlySet<string>, cause: string): void {
  if (!parts.has('claims') && !parts.has('citations')) return;
  if (cause === 'claims.create') return; // no card can show a claim that did not exist
  claimStore.refreshAll();
  if (parts.has('citations') && cause !== 'citations.attach') citationStore.refresh();
}

/** Reloads one claim on every card that shows it (call after editing a claim elsewhere). */
export function invalidateClaim(claimId: number): void {
  claimStore.invalidate(claimId);
}

/** Reloads every claim and citation shown in any editor. */
export function refreshClaims(): void {
  claimStore.refreshAll();
  citationStore.refresh();
}

/** Shows claims the caller already holds (e.g. the answer of claims.update) on every card at once. */
export function primeClaims(claims: readonly Claim[]): void {
  claimStore.prime(claims);
}

/** The live entry of one claim, re-rendering only when that claim changes. */
export function useClaim(claimId: number): ClaimEntry {
  const subscribe = useCallback((cb: () => void) => claimStore.subscribe(claimId, cb), [claimId]);
  const get = useCallback(() => claimStore.getEntry(claimId), [claimId]);
  return useSyncExternalStore(subscribe, get, get);
}
