import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { main } from '../../electron/cli/main';
import { makeTempDir, type TempDir } from '../helpers/tempDir';

let temp: TempDir;
let db: string;

/** Runs the CLI in-process and captures what it prints. */
async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['--db', db, ...args], {
    stdout: (t) => (stdout += t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => (stderr += t.endsWith('\n') ? t : `${t}\n`),
  });
  /** The --json output, checked against the shape the test relies on (so a renamed field fails here). */
  const json = <T>(shape: z.ZodType<T>): T => shape.parse(JSON.parse(stdout));
  return { code, stdout, stderr, json };
}

const REPORT_V1 = `Checkpoint log

The checkpoint on Route 4 reopened on Sunday morning.
Inspectors reported long queues of lorries heading south.
No incidents were recorded overnight.`;

beforeAll(() => {
  temp = makeTempDir();
  db = temp.path('cli.db');
  writeFileSync(temp.path('log.txt'), REPORT_V1);
});
afterAll(() => temp.remove());

describe('the briefing command line', () => {
  let sourceId: number;
  let claimId: number;
  let briefId: number;

  it('imports a file with metadata and prints ids as JSON', async () => {
    const run = await cli(
      'import',
      temp.path('log.txt'),
      '--title',
      'Checkpoint log',
      '--reliability',
      'B',
      '--published',
      '2026-11-20',
      '--json',
    );
    expect(run.code).toBe(0);
    const out = run.json(z.object({ sourceId: z.number(), versionId: z.number() }));
    expect(out.sourceId).toBeGreaterThan(0);
    expect(out.versionId).toBeGreaterThan(0);
    sourceId = out.sourceId;
    const list = await cli('sources');
    expect(list.stdout).toMatch(/Checkpoint log/);
  });

  it('adds a claim card citing a quote, and refuses a quote not in the source with exit 2', async () => {
    const ok = await cli(
      'claim',
      'add',
      '--statement',
      'Route 4 checkpoint reopened',
      '--likelihood',
      'almost certain',
      '--confidence',
      'high',
      '--credibility',
      '2',
      '--tag',
      'routes',
      '--cite',
      `${sourceId}:"The checkpoint on Route 4 reopened on Sunday morning."`,
      '--json',
    );
    expect(ok.code).toBe(0);
    const added = ok.json(z.object({ claimId: z.number(), citationIds: z.array(z.number()) }));
    claimId = added.claimId;
    expect(added.citationIds).toHaveLength(1);

    const bad = await cli('claim', 'add', '--statement', 'x', '--cite', `${sourceId}:"tanks in the square"`);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/does not occur in the current version/);

    const vocab = await cli('claim', 'add', '--statement', 'x', '--likelihood', 'sort of likely');
    expect(vocab.code).toBe(2);
    expect(vocab.stderr).toMatch(/Likelihood must be one of/);
  });

  it('searches claims', async () => {
    const run = await cli('claims', 'checkpoint', '--json');
    expect(run.json(z.object({ hits: z.array(z.object({ id: z.number() })) })).hits.map((h) => h.id)).toEqual([
      claimId,
    ]);
    const none = await cli('claims', 'NOT (');
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/No claims match/);
  });

  it('builds a brief and checks it', async () => {
    const created = await cli('brief', 'new', '--title', 'Route 4 update', '--marking', 'TLP:GREEN', '--json');
    briefId = created.json(z.object({ briefId: z.number() })).briefId;
    expect((await cli('brief', 'add', String(briefId), '--heading', 'Roads')).code).toBe(0);
    expect((await cli('brief', 'add', String(briefId), '--claim', String(claimId))).code).toBe(0);
    expect((await cli('brief', 'add', String(briefId), '--text', 'More to follow.')).code).toBe(0);
    expect((await cli('brief', 'add', String(briefId), '--text', 'a', '--heading', 'b')).code).toBe(2);
    const check = await cli('check', String(briefId), '--json');
    expect(check.code).toBe(0);
    expect(check.json(z.unknown())).toMatchObject({
      citations: [{ claimId, status: 'exact', quote: 'The checkpoint on Route 4 reopened on Sunday morning.' }],
      uncitedClaims: [],
    });
    expect((await cli('briefs')).stdout).toMatch(/Route 4 update/);
  });

  it('re-imports a new version, reports the re-anchoring, and check exits 1 on an orphan', async () => {
    writeFileSync(
      temp.path('log-v2.txt'),
      'Checkpoint log\n\nInspectors reported long queues of lorries heading south.\nNo incidents were recorded overnight.',
    );
    const run = await cli('import', temp.path('log-v2.txt'), '--source', String(sourceId));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 exact, 0 fuzzy, 1 orphaned/);
    const check = await cli('check', String(briefId));
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/orphaned/);
  });

  it('backs up the library to a copy that passes integrity_check', async () => {
    const out = temp.path('backup.db');
    const run = await cli('backup', out, '--json');
    expect(run.code).toBe(0);
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(1);
    copy.close();
    expect((await cli('backup', out)).code).toBe(2); // never overwrites an earlier backup
  });

  it('exits 2 with one line on stderr for bad usage and bad input', async () => {
    for (const args of [
      ['frobnicate'],
      ['import'],
      ['import', temp.path('missing.txt')],
      ['check', 'abc'],
      ['brief', 'add', '999', '--text', 'x'],
    ]) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('runs as a real process through the bin script (npx briefing)', () => {
    const run = spawnSync(process.execPath, ['electron/cli/bin.mjs', '--db', db, 'briefs', '--json'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const listed = z.object({ briefs: z.array(z.object({ title: z.string() })) }).parse(JSON.parse(run.stdout));
    expect(listed.briefs.map((b) => b.title)).toEqual(['Route 4 update']);
    const bad = spawnSync(process.execPath, ['electron/cli/bin.mjs', '--db', db, 'check', '424242'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/no brief with id 424242/);
  });
});
