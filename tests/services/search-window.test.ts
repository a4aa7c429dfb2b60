// A search matching more claims than it ranks says so: the count is a lower bound ("2,000+"),
// and the newest matches are the ones ranked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_WINDOW } from '../../electron/services/claims/handlers';
import { openTempLibrary } from '../helpers/tempLibrary';

let lib: ReturnType<typeof openTempLibrary>;
const newest: number[] = [];

beforeAll(() => {
  lib = openTempLibrary();
  const { db, claims } = lib.context;
  db.transaction(() => {
    for (let i = 0; i < SEARCH_WINDOW + 5; i++) {
      const id = claims.insert(
        {
          statement: `Convoy sighting number ${i}`,
          kind: 'fact',
          likelihood: null,
          confidence: null,
          credibility: null,
          status: 'draft',
          tags: [],
        },
        '2026-01-01T00:00:00.000Z',
      );
      newest.unshift(id);
    }
    claims.insert(
      {
        statement: 'Unrelated harbour note',
        kind: 'fact',
        likelihood: null,
        confidence: null,
        credibility: null,
        status: 'draft',
        tags: [],
      },
      '2026-01-01T00:00:00.000Z',
    );
  })();
});
afterAll(() => lib.close());

describe('a search with more matches than the ranking window', () => {
  it('reports the count as a lower bound and ranks only the newest matches', async () => {
    const result = await lib.invoke('claims.search', { query: 'convoy', limit: 500 });
    expect(result).toMatchObject({ total: SEARCH_WINDOW, totalIsLowerBound: true });
    const window = new Set(newest.slice(0, SEARCH_WINDOW));
    expect(result.hits.every((hit) => window.has(hit.id))).toBe(true);
  });

  it('counts exactly when the matches fit in the window', async () => {
    const result = await lib.invoke('claims.search', { query: 'harbour' });
    expect(result).toMatchObject({ total: 1, totalIsLowerBound: false });
  });
});
