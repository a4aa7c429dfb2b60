// Citation numbers of one brief, in order of appearance: every citation of each claim card (in
// the card's order) and every inline citation gets the next number; a citation met again keeps
// its first number. Recomputed only when cards or citations are added, removed or moved, or a
// shown claim changes — never per keystroke — and each marker re-renders only if its number moved.
import type { ClaimStore } from './claimStore';

export type DocumentReference = { kind: 'card'; claimId: number } | { kind: 'citation'; citationId: number };

export class CitationNumbering {
  private order: readonly DocumentReference[] = [];
  private numbers = new Map<number, number>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly claims: ClaimStore) {}

  /** Follows claim changes (a card's citations added, removed or re-anchored); returns the disconnect. */
  connect(): () => void {
    this.recompute();
    return this.claims.subscribeAll(() => this.recompute());
  }

  /** The number a citation carries in this brief, or undefined before it is known. */
  numberOf(citationId: number): number | undefined {
    return this.numbers.get(citationId);
  }

  /** Every numbered citation id, in number order (for export previews and tests). */
  numberedCitationIds(): number[] {
    return [...this.numbers.keys()];
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Sets the cards and inline citations of the document, in reading order. */
  setOrder(order: readonly DocumentReference[]): void {
    this.order = order;
    this.recompute();
  }

  private recompute(): void {
    const next = new Map<number, number>();
    for (const ref of this.order) {
      if (ref.kind === 'card') {
        for (const citation of this.claims.peek(ref.claimId)?.citations ?? []) {
          if (!next.has(citation.id)) next.set(citation.id, next.size + 1);
        }
      } else if (!next.has(ref.citationId)) {
        next.set(ref.citationId, next.size + 1);
      }
    }
    if (sameNumbers(next, this.numbers)) return;
    this.numbers = next;
    for (const listener of [...this.listeners]) listener();
  }
}

function sameNumbers(a: Map<number, number>, b: Map<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, n] of a) if (b.get(id) !== n) return false;
  return true;
}
