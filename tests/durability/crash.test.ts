// Crash durability: a writer process is killed with SIGKILL at random moments, hundreds of
// times, on one library file whose contents accumulate across kills. After every kill the
// library must open the way the app opens it, pass integrity_check, hold every commit the
// writer acknowledged, and show nothing half-written.
//
// BRIEFING_CRASH_KILLS (default 200) and BRIEFING_CRASH_SEED (default below) change the run;
// a failure names the seed and the kill, so it can be replayed.
//
// What this proves and what it does not: SIGKILL ends the process at any instruction — in
// the middle of a transaction, of a COMMIT's WAL append, of a checkpoint, of opening and
// recovering the library — but the operating system keeps what was written. Power loss (lost
// page cache, torn sectors) is what synchronous=FULL is for; no test here can cut the power.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempDir } from '../helpers/tempDir';
import { fillLibrary } from './support';
import { emptyAckedState, openAndCheckLibrary, recordAck, type AckedState, type LibraryCounts } from './verifyLibrary';
import { mulberry32 } from './writerProtocol';
import { bundleWriter, sleep, startWriter, within, type WriterChild } from './writerProcess';

const KILLS = Number(process.env.BRIEFING_CRASH_KILLS ?? 200);
const SEED = Number(process.env.BRIEFING_CRASH_SEED ?? 0x5eed2026);

/**
 * Where the library lives: BRIEFING_CRASH_DIR, else a RAM-backed folder where there is one.
 * A SIGKILL leaves the kernel's page cache intact, so fsync plays no part in what this test
 * can prove; on a disk, synchronous=FULL makes every commit wait ~5 ms for it, and the
 * writer would get only a handful of commits in before each kill.
 */
function crashDir(): string {
  if (process.env.BRIEFING_CRASH_DIR) return process.env.BRIEFING_CRASH_DIR;
  return process.platform === 'linux' && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

let temp: TempDir;
let writer: { script: string; remove: () => void };

beforeAll(async () => {
  const dir = mkdtempSync(join(crashDir(), 'briefing-crash-'));
  temp = { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
  writer = await bundleWriter();
});
afterAll(() => {
  writer?.remove();
  temp?.remove();
});

describe('a library written by a process that is killed at random moments', () => {
  it(`survives ${KILLS} SIGKILLs with every acknowledged commit present and nothing half-written`, async () => {
    const dbPath = temp.path('library.db');
    const random = mulberry32(SEED);
    const acked = emptyAckedState();
    const stats = {
      kills: 0,
      killedBeforeFirstCommit: 0,
      killedAfterCommitting: 0,
      acksPerRun: [] as number[],
      verifyMs: 0,
      loadWaitMs: 0,
      openMs: 0,
    };
    let counts: LibraryCounts = { claims: 0, revisions: 0, briefs: 0, briefClaims: 0 };
    const started = Date.now();

    // The next writers load their code while the current one runs and the parent checks the
    // library; a writer touches the library only after go().
    const spawnWriter = (run: number) =>
      startWriter(writer.script, dbPath, (SEED ^ (run * 0x9e3779b1)) >>> 0, { waitGo: true });
    const PREWARMED = 1;
    const queue: WriterChild[] = Array.from({ length: PREWARMED }, (_, run) => spawnWriter(run));

    try {
      for (let run = 0; run < KILLS; run++) {
        const child = queue.shift()!;
        queue.push(spawnWriter(run + PREWARMED));
        const where = `kill ${run + 1} of ${KILLS} (BRIEFING_CRASH_SEED=${SEED})`;
        let mark = Date.now();
        await within(child.loaded, 20_000, `the writer to load (${where}); stderr: ${child.stderr()}`);
        stats.loadWaitMs += Date.now() - mark;
        mark = Date.now();
        child.go();
        // One kill in five lands while the writer opens the library (recovery, pragmas, the
        // in-use stamp and its checkpoint); the others while it commits as fast as it can.
        if (random() < 0.2) {
          await sleep(random() * 15);
        } else {
          await within(
            Promise.race([child.ready, child.exited]),
            20_000,
            `the writer to open the library (${where}); stderr: ${child.stderr()}`,
          );
          stats.openMs += Date.now() - mark;
          await sleep(1 + random() * 40);
        }
        child.process.kill('SIGKILL');
        const exit = await child.exited;
        if (exit.signal !== 'SIGKILL')
          throw new Error(`the writer ended by itself before ${where} (code ${exit.code}): ${child.stderr()}`);
        stats.kills += 1;
        if (child.acks.length === 0) stats.killedBeforeFirstCommit += 1;
        else stats.killedAfterCommitting += 1;
        stats.acksPerRun.push(child.acks.length);

        for (const ack of child.acks) recordAck(acked, ack);
        const verifyStarted = Date.now();
        try {
          counts = openAndCheckLibrary(dbPath, acked);
        } catch (error) {
          throw new Error(`after ${where}, with ${acked.count} commits acknowledged: ${(error as Error).message}`);
        }
        stats.verifyMs += Date.now() - verifyStarted;
      }
    } finally {
      for (const waiting of queue) waiting.process.kill('SIGKILL');
      await Promise.all(queue.map((waiting) => waiting.exited));
    }

    const seconds = (Date.now() - started) / 1000;
    const summary = {
      kills: stats.kills,
      killedBeforeFirstCommit: stats.killedBeforeFirstCommit,
      killedAfterCommitting: stats.killedAfterCommitting,
      acknowledgedCommits: acked.count,
      medianAcksPerRun: [...stats.acksPerRun].sort((a, b) => a - b)[Math.floor(stats.acksPerRun.length / 2)],
      library: counts,
      seconds: Number(seconds.toFixed(1)),
      verifySeconds: Number((stats.verifyMs / 1000).toFixed(1)),
      waitingForWritersToLoadSeconds: Number((stats.loadWaitMs / 1000).toFixed(1)),
      writersOpeningSeconds: Number((stats.openMs / 1000).toFixed(1)),
      seed: SEED,
    };
    console.log(`crash durability: ${JSON.stringify(summary)}`);

    expect(stats.kills).toBe(KILLS);
    // The kills must land where it matters: mostly while commits are being written.
    expect(stats.killedAfterCommitting).toBeGreaterThan(KILLS / 2);
    expect(acked.count).toBeGreaterThan(KILLS);
    expect(counts.claims).toBeGreaterThanOrEqual(acked.claims.size);
  }, 600_000);

  it('the checks are not vacuous: each catches the damage it is there for', async () => {
    const control = temp.path('control.db');
    const library = await fillLibrary(control, 6);
    const acked = emptyAckedState();
    for (const claim of (await library.invoke('claims.search', {})).hits) {
      recordAck(acked, {
        op: claim.revision === 1 ? 'create' : 'update',
        claimId: claim.id,
        revision: claim.revision,
        statement: claim.statement,
      });
    }
    library.close();
    expect(openAndCheckLibrary(control, acked).claims).toBe(6);

    const tampered: Array<[string, (db: Database.Database) => void, RegExp, AckedState?]> = [
      [
        'a revision row lost',
        (db) => db.exec('DELETE FROM claim_revisions WHERE claim_id = 1 AND revision = 2'),
        /every claim has revisions 1\.\.revision/,
      ],
      [
        'a claim changed without a revision',
        (db) => db.exec(`UPDATE claims SET statement = 'changed' WHERE id = 2`),
        /newest revision holds exactly its current fields/,
      ],
      ['a tag index row lost', (db) => db.exec('DELETE FROM claim_tags WHERE claim_id = 3'), /tag index equals/],
      [
        'a brief index row lost',
        (db) => db.exec('DELETE FROM brief_claims WHERE claim_id = 4'),
        /claim index does not match its document/,
      ],
      [
        'a brief document cut off',
        (db) => db.exec(`UPDATE briefs SET document = '{"root":{"type":"root","children":[]}}' WHERE id = 1`),
        /claim index does not match its document/,
      ],
      [
        'an acknowledged commit missing',
        () => {},
        /acknowledged claim 999 is missing/,
        { ...acked, claims: new Map([...acked.claims, [999, { revision: 1, statement: 'lost' }]]) },
      ],
    ];
    for (const [what, tamper, caught, state] of tampered) {
      const copy = temp.path(`control-${what.replace(/\W+/g, '-')}.db`);
      copyFileSync(control, copy);
      const db = new Database(copy);
      tamper(db);
      db.close();
      expect(() => openAndCheckLibrary(copy, state ?? acked), what).toThrow(caught);
    }
  });

  it('a writer that ends without closing the library (natural end, process.exit, SIGTERM) leaves it openable with every commit', async () => {
    const dbPath = temp.path('ends.db');
    const acked = emptyAckedState();
    const endings = [
      { end: 'leave-open' as const, signal: undefined },
      { end: 'exit' as const, signal: undefined },
      { end: undefined, signal: 'SIGTERM' as const },
    ];
    for (const [index, { end, signal }] of endings.entries()) {
      const child = startWriter(writer.script, dbPath, 1000 + index, signal ? {} : { maxOps: 60, end });
      if (signal) {
        await within(child.ready, 20_000, `the writer to open the library; stderr: ${child.stderr()}`);
        await sleep(30);
        child.process.kill(signal);
      }
      const exit = await child.exited;
      expect(exit.signal ?? exit.code, child.stderr()).toBe(signal ?? 0);
      for (const ack of child.acks) recordAck(acked, ack);
      // No false "missing -wal" alarm, and nothing lost.
      expect(openAndCheckLibrary(dbPath, acked).claims).toBeGreaterThanOrEqual(acked.claims.size);
    }
    expect(acked.count).toBeGreaterThanOrEqual(120);
  });
});
