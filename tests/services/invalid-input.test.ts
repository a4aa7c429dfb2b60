// Every method of the contract, called with random invalid payloads, answers with a typed
// error a person can read and changes nothing in the library.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS, api } from '../../shared/api/contract';
import { AppError, ERROR_CODES } from '../../shared/api/errors';
import { openTempLibrary } from '../helpers/tempLibrary';

let lib: ReturnType<typeof openTempLibrary>;

/** A fingerprint of every row of every table: equal fingerprints, nothing written. */
function fingerprint(): string {
  const db = lib.context.db;
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  for (const table of tables)
    hash.update(table).update(JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).raw().all()));
  return hash.digest('hex');
}

beforeAll(async () => {
  lib = openTempLibrary();
  const { sourceId } = await lib.invoke('sources.import', {
    content: { text: 'A short source about a bridge that was closed.' },
    metadata: { title: 'Bridge' },
  });
  const claim = await lib.invoke('claims.create', {
    statement: 'The bridge was closed',
    citations: [{ target: { sourceId, quote: 'bridge that was closed' } }],
  });
  const brief = await lib.invoke('briefs.create', { title: 'Brief' });
  await lib.invoke('briefs.append', { briefId: brief.id, block: { claimId: claim.id } });
});
afterAll(() => lib.close());

/** Payloads that are never valid for any method: wrong types, unknown ids, hostile strings. */
const invalidPayload = fc.oneof(
  fc.constantFrom(
    null,
    42,
    'text',
    [],
    true,
    { claimId: -1 },
    { briefId: 0 },
    { sourceId: 1.5 },
    { claimId: '1' },
    { __proto__: { claimId: 1 } },
  ),
  fc.dictionary(
    fc.constantFrom(
      'claimId',
      'briefId',
      'sourceId',
      'citationId',
      'statement',
      'document',
      'content',
      'query',
      'likelihood',
      'marking',
    ),
    fc.oneof(fc.string(), fc.integer({ min: -5, max: 0 }), fc.constant(null), fc.object()),
  ),
);

/** Methods that only read: a random payload they accept changes nothing either. */
const READS = /\.(list|get|getMany|search|tags|versions|revisions|usedIn|info|check|forSource|backups)$/;

describe('the contract under random invalid input', () => {
  it('answers every method with a typed AppError and changes nothing', async () => {
    const before = fingerprint();
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), invalidPayload, async (method, payload) => {
        // A payload its schema happens to accept (say, claims.create with only a statement) is not an
        // invalid one: for a method that writes it would rightly change the library, so it is skipped.
        fc.pre(READS.test(method) || !api[method].input.safeParse(payload ?? {}).success);
        calls++;
        try {
          await lib.invokeUnknown(method, payload);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect(ERROR_CODES).toContain((error as AppError).code);
          expect((error as AppError).code).not.toBe('INTERNAL');
          expect((error as AppError).message).not.toMatch(/\n\s+at /); // no stack traces
          return;
        }
        // A payload that happens to be valid must belong to a method that only reads.
        expect(method).toMatch(READS);
      }),
      { numRuns: 600 },
    );
    expect(calls).toBeGreaterThanOrEqual(600);
    expect(fingerprint()).toBe(before);
  });

  it('refuses unknown method names', async () => {
    await expect(lib.invokeUnknown('library.dropEverything', {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(lib.invokeUnknown('__proto__', {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(lib.invokeUnknown('toString', {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('rolls back a write that fails half way', async () => {
    const before = fingerprint();
    const { sources } = { sources: await lib.invoke('sources.list', {}) };
    // The second citation's quote is missing: the claim and the first citation must not stay behind.
    await expect(
      lib.invoke('claims.create', {
        statement: 'Half-written claim',
        citations: [
          { target: { sourceId: sources[0]!.id, quote: 'bridge' } },
          { target: { sourceId: sources[0]!.id, quote: 'no such words here' } },
        ],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(fingerprint()).toBe(before);
  });
});
