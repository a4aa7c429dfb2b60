// What the library writer child says after each commit, and the seeded random numbers both
// sides use, so a failing run can be replayed from its seed.

/** One acknowledged commit: what the child wrote, sent only after COMMIT returned. */
export type WriterAck =
  | { op: 'create'; claimId: number; revision: number; statement: string }
  | { op: 'update'; claimId: number; revision: number; statement: string }
  | { op: 'brief'; briefId: number; revision: number }
  | { op: 'save'; briefId: number; revision: number; claimIds: number[]; nonce: string };

/** The shared seeded PRNG, under the name the durability tests use. */
export { seededRandom as mulberry32 } from '../helpers/seededRandom';
