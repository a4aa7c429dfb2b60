import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibraryDatabase } from '../../electron/db/connection';
import { createClaimsRepository } from '../../electron/db/repositories/claims';
import { buildFtsQuery } from '../../shared/search/ftsQuery';
import type { ClaimFields } from '../../shared/api/claims';
import { makeTempDir, type TempDir } from '../helpers/tempDir';

const fields = (statement: string, tags: string[] = []): ClaimFields => ({
  statement,
  kind: 'fact',
  likelihood: null,
  confidence: null,
  credibility: null,
  status: 'draft',
  tags,
});

let temp: TempDir;
let db: Database;
let claims: ReturnType<typeof createClaimsRepository>;
const search = (query: string) => claims.search({ ftsQuery: buildFtsQuery(query), limit: 50, offset: 0 });
const ids = (query: string) => search(query).rows.map((r) => r.id).sort((a, b) => a - b);
const matchCount = (query: string) => db.prepare(`SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?`).pluck().get(query) as number;

beforeAll(() => {
  temp = makeTempDir();
  db = openLibraryDatabase(temp.path('lib.db')).db;
  claims = createClaimsRepository(db);
});
afterAll(() => {
  db.close();
  temp.remove();
});

describe('the claims full-text index', () => {
  it('finds a claim as soon as it is inserted, by statement and by tag', () => {
    const id = claims.insert(fields('Convoy seen near the northern bridge', ['logistics']), 't');
    expect(ids('northern bridge')).toContain(id);
    expect(ids('logistics')).toContain(id);
    expect(ids('north')).toContain(id); // prefix while typing
  });

  it('follows updates: the old wording is no longer found, the new one is', () => {
    const id = claims.insert(fields('Artillery moved to the ridge'), 't');
    claims.update(id, fields('Artillery withdrawn from the valley'), 't2');
    expect(ids('ridge')).not.toContain(id);
    expect(ids('valley')).toContain(id);
    expect(matchCount('"ridge"')).toBe(0);
  });

  it('follows deletes', () => {
    const id = claims.insert(fields('Ephemeral xylophone statement'), 't');
    expect(ids('xylophone')).toEqual([id]);
    db.prepare('DELETE FROM claims WHERE id = ?').run(id);
    expect(ids('xylophone')).toEqual([]);
    // The index agrees with its content table (FTS5 integrity check raises on mismatch).
    expect(() => db.exec(`INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')`)).not.toThrow();
  });

  it('returns a snippet with the match marked by private-use characters', () => {
    claims.insert(fields('Fuel shortages reported in the eastern depots'), 't');
    const [hit] = search('shortages').rows;
    expect(hit!.snippet).toContain('\uE000shortages\uE001');
  });

  it('never throws on hostile or malformed search text', () => {
    const hostile = ['"', '""', '*', '(', ')', 'NOT', 'AND', 'OR', 'NEAR', '-', '- x', 'a:b', '^', '"unterminated', 'NEAR(a b', '{a b}:c', "'; DROP TABLE claims; --", '\u0000', '   ', '', '🙂', 'x*y', '+', '.'];
    for (const query of hostile) expect(() => search(query), query).not.toThrow();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (query) => {
        search(query);
      }),
      { numRuns: 500 },
    );
  });

  it('matches what a simple oracle says on small data', () => {
    const words = ['alpha', 'bravo', 'charlie', 'delta'];
    const inserted = new Map<number, string>();
    for (let i = 0; i < 30; i++) {
      const statement = `${words[i % 4]} ${words[(i * 7) % 4]} oraclecase${i % 3}`;
      inserted.set(claims.insert(fields(statement), 't'), statement);
    }
    fc.assert(
      fc.property(fc.subarray(words, { minLength: 1, maxLength: 2 }), fc.constantFrom('oraclecase0', 'oraclecase1', 'oraclecase2'), (chosen, tag) => {
        const query = [...chosen, tag].join(' ');
        const expected = [...inserted].filter(([, s]) => chosen.every((w) => s.split(' ').includes(w)) && s.split(' ').some((w) => w.startsWith(tag))).map(([id]) => id);
        expect(ids(query)).toEqual(expected.sort((a, b) => a - b));
      }),
      { numRuns: 100 },
    );
  });
});
