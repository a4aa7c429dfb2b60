// The import size limit is part of the contract (shared/api/sources.ts): an oversize document is
// refused as TOO_LARGE when the request is checked, before anything decodes or reads it, with a
// sentence that names its size and the limit. Nothing after the contract measures it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/contract';
import { formatMegabytes, MAX_SOURCE_BYTES, utf8ByteLength } from '../../../shared/api/sources';
import { expectAppError } from '../../helpers/expectAppError';
import { openTempLibrary } from '../../helpers/tempLibrary';

const MIB = 1024 * 1024;
/** The longest base64 text the limit allows: four characters per three bytes. */
const MAX_BASE64_CHARS = 4 * Math.ceil(MAX_SOURCE_BYTES / 3);

let lib: ReturnType<typeof openTempLibrary>;
beforeAll(() => {
  lib = openTempLibrary();
});
afterAll(() => lib.close());

describe('the import size limit', () => {
  it('is 25 MB, written for people rounded up so a file just over it never reads as the limit', () => {
    expect(MAX_SOURCE_BYTES).toBe(25 * MIB);
    expect(formatMegabytes(MAX_SOURCE_BYTES)).toBe('25 MB');
    expect(formatMegabytes(MAX_SOURCE_BYTES + 1)).toBe('25.1 MB');
    expect(formatMegabytes(50 * MIB)).toBe('50 MB');
    expect(formatMegabytes(1536 * 1024)).toBe('1.5 MB');
  });

  it('refuses a file over the limit as TOO_LARGE, naming the file, its size and the limit, and imports nothing', async () => {
    const thirtyMb = Buffer.alloc(30 * MIB, 'log line\n').toString('base64');
    await expect(
      lib.invoke('sources.import', { content: { base64: thirtyMb, fileName: 'logs/dump.txt' } }),
    ).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message:
        '“dump.txt” is 30 MB; the most a source may have is 25 MB. Split it into smaller documents and import them one by one.',
    });
    await expectAppError(
      lib.invoke('sources.import', { content: { base64: thirtyMb } }),
      'TOO_LARGE',
      /^The file is 30 MB;/,
    );
    expect(await lib.invoke('sources.list', {})).toEqual([]);
  });

  it('refuses pasted text with more characters than the limit has bytes as TOO_LARGE', async () => {
    await expectAppError(
      lib.invoke('sources.import', { content: { text: 'a'.repeat(MAX_SOURCE_BYTES + 1) } }),
      'TOO_LARGE',
      /^The text is at least 25\.1 MB; the most a source may have is 25 MB\./,
    );
  });

  it('refuses a file over the size limit, naming the limit', async () => {
    // Zero bytes would also be refused as binary: the size is checked first.
    const huge = Buffer.alloc(MAX_SOURCE_BYTES + 1).toString('base64');
    await expectAppError(
      lib.invoke('sources.import', { content: { base64: huge, fileName: 'huge.txt' } }),
      'TOO_LARGE',
      /^“huge\.txt” is 25\.1 MB; the most a source may have is 25 MB\./,
    );
  });

  it('refuses pasted text over the size limit, counted in UTF-8', async () => {
    // 8.7 M CJK characters take 17.5 MB as a JavaScript string, but 26.2 MB as UTF-8.
    await expectAppError(
      lib.invoke('sources.import', { content: { text: '日'.repeat(Math.ceil(MAX_SOURCE_BYTES / 3) + 1) } }),
      'TOO_LARGE',
      /^The text is 25\.1 MB; the most a source may have is 25 MB\./,
    );
  });

  it('counts UTF-8 as encoding writes it: pairs as four bytes, a lone surrogate as U+FFFD', () => {
    const chunkEdge = `${'a'.repeat(64 * 1024 - 1)}😀`;
    for (const text of [
      '',
      'ascii',
      'Résumé',
      'שלום مرحبا 日本',
      '😀',
      'x\ud800y',
      '\udc00',
      chunkEdge,
      chunkEdge.repeat(3),
    ])
      expect(utf8ByteLength(text), JSON.stringify(text.slice(0, 20))).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('lets a file of exactly the limit through the contract, and refuses one byte or one base64 block more', () => {
    const input = (base64: string) => api['sources.import'].input.safeParse({ content: { base64 } });
    const exactly = Buffer.alloc(MAX_SOURCE_BYTES).toString('base64');
    expect(exactly.length).toBe(MAX_BASE64_CHARS);
    expect(input(exactly).success).toBe(true);
    expect(input(Buffer.alloc(MAX_SOURCE_BYTES + 1).toString('base64')).success).toBe(false);
    expect(input('A'.repeat(MAX_BASE64_CHARS + 4)).success).toBe(false);
    expect(input('A'.repeat(MAX_BASE64_CHARS + 4)).error?.issues[0]).toMatchObject({
      code: 'custom',
      path: ['content', 'base64'],
      params: { appErrorCode: 'TOO_LARGE' },
    });
  });
});
