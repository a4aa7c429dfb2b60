import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openTempLibrary } from '../helpers/tempLibrary';

let lib: ReturnType<typeof openTempLibrary>;
let db: Database;
const insert = async (statement: string, tags: string[] = []) =>
  (await lib.invoke('claims.create', { statement, tags })).id;
const search = (query: string) => lib.invoke('claims.search', { query, limit: 50 });
const ids = async (query: string) => (await search(query)).hits.map((h) => h.id).sort((a, b) => a - b);
const matchCount = (query: string) =>
  db.prepare(`SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?`).pluck().get(query) as number;

beforeAll(() => {
  lib = openTempLibrary();
  db = lib.context.db;
});
afterAll(() => lib.close());

describe('claim search', () => {
  it('finds a claim as soon as it is inserted, by statement and by tag', async () => {
    const id = await insert('Convoy seen near the northern bridge', ['logistics']);
    expect(await ids('northern bridge')).toContain(id);
    expect(await ids('logistics')).toContain(id);
    expect(await ids('north')).toContain(id); // prefix while typing
  });

  it('follows updates: the old wording is no longer found, the new one is', async () => {
    const id = await insert('Artillery moved to the ridge');
    await lib.invoke('claims.update', { claimId: id, fields: { statement: 'Artillery withdrawn from the valley' } });
    expect(await ids('ridge')).not.toContain(id);
    expect(await ids('valley')).toContain(id);
    expect(matchCount('"ridge"')).toBe(0);
  });

  it('follows deletes', async () => {
    const id = await insert('Ephemeral xylophone statement');
    expect(await ids('xylophone')).toEqual([id]);
    db.prepare('DELETE FROM claims WHERE id = ?').run(id);
    expect(await ids('xylophone')).toEqual([]);
    // The index agrees with its content table (FTS5 integrity check raises on mismatch).
    expect(() => db.exec(`INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')`)).not.toThrow();
  });

  it('returns a snippet with the match marked by private-use characters', async () => {
    await insert('Fuel shortages reported in the eastern depots');
    const [hit] = (await search('shortages')).hits;
    expect(hit!.snippet).toBe('Fuel \uE000shortages\uE001 reported in the eastern depots');
    const [prefixHit] = (await search('eastern dep')).hits;
    expect(prefixHit!.snippet).toBe('Fuel shortages reported in the \uE000eastern\uE001 \uE000depots\uE001');
  });

  it('never throws on hostile or malformed search text', async () => {
    const hostile = [
      '"',
      '""',
      '*',
      '(',
      ')',
      'NOT',
      'AND',
      'OR',
      'NEAR',
      '-',
      '- x',
      'a:b',
      '^',
      '"unterminated',
      'NEAR(a b',
      '{a b}:c',
      "'; DROP TABLE claims; --",
      '\u0000',
      '   ',
      '',
      '🙂',
      'x*y',
      '+',
      '.',
    ];
    for (const query of hostile) await expect(search(query), query).resolves.toBeTruthy();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), async (query) => {
        await search(query);
      }),
      { numRuns: 500 },
    );
  });

  it('matches what a simple oracle says on small data', async () => {
    const words = ['alpha', 'bravo', 'charlie', 'delta'];
    const inserted = new Map<number, string>();
    for (let i = 0; i < 30; i++) {
      const statement = `${words[i % 4]} ${words[(i * 7) % 4]} oraclecase${i % 3}`;
      inserted.set(await insert(statement), statement);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(words, { minLength: 1, maxLength: 2 }),
        fc.constantFrom('oraclecase0', 'oraclecase1', 'oraclecase2'),
        async (chosen, tag) => {
          const query = [...chosen, tag].join(' ');
          const expected = [...inserted]
            .filter(
              ([, s]) => chosen.every((w) => s.split(' ').includes(w)) && s.split(' ').some((w) => w.startsWith(tag)),
            )
            .map(([id]) => id);
          expect(await ids(query)).toEqual(expected.sort((a, b) => a - b));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('ranking', () => {
  it('puts the claim where the words weigh most first (BM25 term frequency and length)', async () => {
    const local = openTempLibrary();
    try {
      const long = (
        await local.invoke('claims.create', {
          statement:
            'Ferry traffic resumed after a long pause while inspectors reviewed the cargo manifests and port records',
        })
      ).id;
      const once = (await local.invoke('claims.create', { statement: 'Ferry traffic resumed near the port today' })).id;
      const twice = (await local.invoke('claims.create', { statement: 'Ferry traffic and ferry crews resumed today' }))
        .id;
      const result = await local.invoke('claims.search', { query: 'ferry traffic' });
      // Same length: the claim naming "ferry" twice first; the long claim, where the words weigh least, last.
      expect(result.hits.map((h) => h.id)).toEqual([twice, once, long]);
      expect(result).toMatchObject({ total: 3, totalIsLowerBound: false });
    } finally {
      local.close();
    }
  });
});
