// What the library writer child says after each commit, and the seeded random numbers both
// sides use, so a failing run can be replayed from its seed.

/** One acknowledged commit: what the child wrote, sent only after COMMIT returned. */
export type WriterAck =
  | { op: 'create'; claimId: number; revision: number; statement: string }
  | { op: 'update'; claimId: number; revision: number; statement: string }
  | { op: 'brief'; briefId: number; revision: number }
  | { op: 'save'; briefId: number; revision: number; claimIds: number[]; nonce: string };

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
