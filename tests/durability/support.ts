// Small helpers shared by the durability tests: fingerprints of files and folders, the CLI
// run in-process, and a library with some content in it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { main } from '../../electron/cli/main';
import { createLibrary, type Library } from '../../electron/services/createLibrary';

export const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The names in a folder, sorted: equal listings, no file appeared or vanished. */
export const listing = (dir: string) => readdirSync(dir).sort();

/** Runs the `briefing` CLI in this process and captures what it prints. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  const code = await main(args, { stdout: (t) => (stdout += line(t)), stderr: (t) => (stderr += line(t)) });
  return { code, stdout, stderr };
}

/** Opens (creating) a library and fills it: `claims` claim cards (every third edited once) and one brief embedding some. */
export async function fillLibrary(
  dbPath: string,
  claims: number,
  options: Partial<Parameters<typeof createLibrary>[0]> = {},
): Promise<Library> {
  const library = createLibrary({ dbPath, logError: () => {}, ...options });
  const ids: number[] = [];
  for (let i = 0; i < claims; i++) {
    const claim = await library.invoke('claims.create', {
      statement: `Claim ${i}: convoy sighted near checkpoint ${i % 17}`,
      tags: [`area-${i % 5}`],
    });
    ids.push(claim.id);
    if (i % 3 === 0) await library.invoke('claims.update', { claimId: claim.id, fields: { status: 'verified' } });
  }
  const brief = await library.invoke('briefs.create', { title: 'Weekly roads brief' });
  for (const claimId of ids.slice(0, 5))
    await library.invoke('briefs.append', { briefId: brief.id, block: { claimId } });
  return library;
}
