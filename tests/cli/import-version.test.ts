// `briefing import FILE --source ID` refuses a file that looks like a different document, with the
// reason on one line and exit 2, and writes nothing; --force-version imports it all the same.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { main } from '../../electron/cli/main';
import { makeTempDir, type TempDir } from '../helpers/tempDir';
import { CHECKPOINT_LOG, CROSSING_LOG } from '../services/sources/fixtures/versionPairs';

let temp: TempDir;
let db: string;

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['--db', db, ...args], {
    stdout: (t) => (stdout += t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => (stderr += t.endsWith('\n') ? t : `${t}\n`),
  });
  return { code, stdout, stderr, json: <T>(shape: z.ZodType<T>): T => shape.parse(JSON.parse(stdout)) };
}

const versions = async (sourceId: number) =>
  (await cli('sources', '--json'))
    .json(z.object({ sources: z.array(z.object({ id: z.number(), versionCount: z.number() })) }))
    .sources.find((s) => s.id === sourceId)!.versionCount;

beforeAll(() => {
  temp = makeTempDir();
  db = temp.path('cli.db');
  writeFileSync(temp.path('checkpoint.txt'), CHECKPOINT_LOG);
  writeFileSync(temp.path('crossing.txt'), CROSSING_LOG);
});
afterAll(() => temp.remove());

describe('briefing import --source with a different document', () => {
  let sourceId: number;

  beforeAll(async () => {
    const run = await cli('import', temp.path('checkpoint.txt'), '--title', 'Checkpoint log', '--json');
    sourceId = run.json(z.object({ sourceId: z.number() })).sourceId;
    const cite = await cli(
      'claim',
      'add',
      '--statement',
      'Route 4 reopened',
      '--cite',
      `${sourceId}:"The checkpoint on Route 4 reopened on Sunday morning."`,
    );
    expect(cite.code).toBe(0);
  });

  it('refuses it with the reason and the way round it, exit 2, and imports nothing', async () => {
    const run = await cli('import', temp.path('crossing.txt'), '--source', String(sourceId));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(
      'This text looks like a different document from “Checkpoint log”: none of the 1 cited passages were found in it',
    );
    expect(run.stderr).toContain('Nothing was imported. To import it as a new version anyway, add --force-version');
    expect(await versions(sourceId)).toBe(1);
  });

  it('says so as JSON with --json', async () => {
    const run = await cli('import', temp.path('crossing.txt'), '--source', String(sourceId), '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(await versions(sourceId)).toBe(1);
  });

  it('takes --force-version only with --source', async () => {
    const run = await cli('import', temp.path('crossing.txt'), '--force-version');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--force-version goes with --source/);
  });

  it('imports it as a new version with --force-version, its citation orphaned', async () => {
    const run = await cli('import', temp.path('crossing.txt'), '--source', String(sourceId), '--force-version');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 exact, 0 fuzzy, 1 orphaned/);
    expect(await versions(sourceId)).toBe(2);
  });
});
