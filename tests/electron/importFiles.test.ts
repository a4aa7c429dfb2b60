// "Import Source…" from the menu reads the picked files in the main process. A file over the
// import limit is refused there, from its size on disk, before a byte is read — in exactly the
// words the contract uses for the same bytes, so the user meets one limit and one sentence
// whichever way the file comes in.
import { truncateSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readImportFile } from '../../electron/main/importFiles';
import { AppError } from '../../shared/api/errors';
import { MAX_SOURCE_BYTES } from '../../shared/api/sources';
import { makeTempDir, type TempDir } from '../helpers/tempDir';
import { openTempLibrary } from '../helpers/tempLibrary';

let tmp: TempDir;
let lib: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  tmp = makeTempDir('briefing-import-files-');
  lib = openTempLibrary();
});
afterEach(() => {
  lib.close();
  tmp.remove();
});

/** A file of `bytes` bytes that takes no disk space (sparse): its size is all the check may look at. */
function sparseFile(name: string, bytes: number): string {
  const path = tmp.path(name);
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('reading a picked file for import', () => {
  it('refuses a file one byte over the limit with the contract’s own code and sentence, and nothing is imported', async () => {
    const fromDialog = await refusal(readImportFile(sparseFile('field-logs.txt', MAX_SOURCE_BYTES + 1)));
    const fromContract = await refusal(
      lib.invoke('sources.import', {
        content: { base64: Buffer.alloc(MAX_SOURCE_BYTES + 1).toString('base64'), fileName: 'field-logs.txt' },
      }),
    );
    expect(fromDialog.code).toBe('TOO_LARGE');
    expect(fromDialog.message).toBe(
      '“field-logs.txt” is 25.1 MB; the most a source may have is 25 MB. Split it into smaller documents and import them one by one.',
    );
    expect({ code: fromDialog.code, message: fromDialog.message }).toEqual({
      code: fromContract.code,
      message: fromContract.message,
    });
    expect(await lib.invoke('sources.list', {})).toEqual([]);
  });

  it('names a much larger file by its size, as the contract does', async () => {
    const error = await refusal(readImportFile(sparseFile('mailbox.html', 50 * 1024 * 1024)));
    expect(error.message).toMatch(/^“mailbox\.html” is 50 MB; the most a source may have is 25 MB\./);
  });

  it('reads a file of exactly the limit', async () => {
    const file = await readImportFile(sparseFile('exactly.txt', MAX_SOURCE_BYTES));
    expect(file.fileName).toBe('exactly.txt');
    expect(Buffer.from(file.base64, 'base64').length).toBe(MAX_SOURCE_BYTES);
  });
});
