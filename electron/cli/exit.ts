// What `briefing` exits with, so scripts can tell a failed check from bad input.
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2 } as const;

/** A check ran and failed (an orphaned citation): its report is already printed, the run exits 1. */
export class CheckFailed extends Error {}
