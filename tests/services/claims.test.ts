import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectAppError } from '../helpers/expectAppError';
import { openBorderReportLibrary, REPORT } from './fixtures/borderReport';

let lib: Awaited<ReturnType<typeof openBorderReportLibrary>>['lib'];
let sourceId: number;

beforeEach(async () => {
  ({ lib, sourceId } = await openBorderReportLibrary());
});
afterEach(() => lib.close());

describe('claim cards', () => {
  it('creates a card citing a quoted passage, anchored exactly where the quote is', async () => {
    const claim = await lib.invoke('claims.create', {
      statement: 'Troops crossed the river on Tuesday.',
      likelihood: 'almost certain',
      confidence: 'high',
      credibility: 2,
      tags: ['military', 'border'],
      citations: [{ target: { sourceId, quote: 'Troops crossed the river at dawn' } }],
    });
    expect(claim.revision).toBe(1);
    expect(claim.citations).toHaveLength(1);
    const [citation] = claim.citations;
    expect(citation!.anchorStatus).toBe('exact');
    expect(REPORT.slice(citation!.start!, citation!.end!)).toBe('Troops crossed the river at dawn');
    expect(citation!.sourceReliability).toBe('B');
  });

  it('refuses a quote that is not in the source, and writes nothing', async () => {
    await expectAppError(
      lib.invoke('claims.create', {
        statement: 'Something',
        citations: [{ target: { sourceId, quote: 'tanks rolled into the square' } }],
      }),
      'CONFLICT',
      /does not occur in the current version/,
    );
    const { total } = await lib.invoke('claims.search', { query: '' });
    expect(total).toBe(0);
  });

  it('rejects values outside the closed vocabularies with a readable message', async () => {
    await expectAppError(
      lib.invoke('claims.create', { statement: 'x', likelihood: 'pretty likely' as never }),
      'INVALID_INPUT',
      /Likelihood must be one of: almost no chance/,
    );
    await expectAppError(
      lib.invoke('claims.create', { statement: 'x', confidence: 'medium' as never }),
      'INVALID_INPUT',
      /Confidence must be one of: low, moderate, high/,
    );
    await expectAppError(
      lib.invoke('claims.create', { statement: 'x', credibility: 7 }),
      'INVALID_INPUT',
      /credibility must be a whole number from 1 to 6/i,
    );
    await expectAppError(
      lib.invoke('claims.create', { statement: 'x', status: 'approved' as never }),
      'INVALID_INPUT',
      /status must be one of/i,
    );
    await expectAppError(
      lib.invoke('claims.create', { statement: '   ' }),
      'INVALID_INPUT',
      /Statement must not be empty/,
    );
  });

  it('records every update as a revision, and skips no-op updates', async () => {
    const claim = await lib.invoke('claims.create', { statement: 'Fuel prices rose.' });
    await lib.invoke('claims.update', { claimId: claim.id, fields: { statement: 'Fuel prices rose by 12 %.' } });
    await lib.invoke('claims.update', { claimId: claim.id, fields: { status: 'verified', likelihood: 'likely' } });
    const same = await lib.invoke('claims.update', { claimId: claim.id, fields: { status: 'verified' } });
    expect(same.revision).toBe(3);
    // An edit of one field leaves the others as they were.
    expect(same).toMatchObject({ statement: 'Fuel prices rose by 12 %.', status: 'verified', likelihood: 'likely' });
    const revisions = await lib.invoke('claims.revisions', { claimId: claim.id });
    expect(revisions.map((r) => [r.revision, r.statement, r.status])).toEqual([
      [3, 'Fuel prices rose by 12 %.', 'verified'],
      [2, 'Fuel prices rose by 12 %.', 'draft'],
      [1, 'Fuel prices rose.', 'draft'],
    ]);
  });

  it('refuses an update made from a stale revision instead of overwriting the other change', async () => {
    const claim = await lib.invoke('claims.create', { statement: 'v1' });
    await lib.invoke('claims.update', { claimId: claim.id, baseRevision: 1, fields: { statement: 'v2' } });
    await expectAppError(
      lib.invoke('claims.update', { claimId: claim.id, baseRevision: 1, fields: { statement: 'v2 from elsewhere' } }),
      'CONFLICT',
    );
    expect((await lib.invoke('claims.get', { claimId: claim.id })).statement).toBe('v2');
  });

  it('searches with full text and filters by tag, status, likelihood, confidence and source', async () => {
    const other = await lib.invoke('sources.import', {
      content: { text: 'Unrelated weather bulletin: heavy rain expected.' },
      metadata: { title: 'Weather' },
    });
    const a = await lib.invoke('claims.create', {
      statement: 'Troops crossed the river',
      tags: ['military'],
      status: 'verified',
      likelihood: 'likely',
      confidence: 'high',
      citations: [{ target: { sourceId, quote: 'Troops crossed the river' } }],
    });
    const b = await lib.invoke('claims.create', {
      statement: 'Fuel prices rose in the capital',
      tags: ['economy'],
      likelihood: 'likely',
      confidence: 'low',
      citations: [{ target: { sourceId, quote: 'Fuel prices in the capital rose' } }],
    });
    const c = await lib.invoke('claims.create', {
      statement: 'Heavy rain expected near the river',
      tags: ['weather'],
      citations: [{ target: { sourceId: other.sourceId, quote: 'heavy rain expected' } }],
    });
    const ids = async (input: Parameters<(typeof lib.handlers)['claims.search']>[0] | Record<string, unknown>) =>
      (await lib.invoke('claims.search', input as never)).hits.map((h) => h.id).sort();

    expect(await ids({ query: 'river' })).toEqual([a.id, c.id].sort());
    expect(await ids({ query: 'riv' })).toEqual([a.id, c.id].sort()); // as you type
    expect(await ids({ query: 'river', tag: 'weather' })).toEqual([c.id]);
    expect(await ids({ status: 'verified' })).toEqual([a.id]);
    expect(await ids({ likelihood: 'likely' })).toEqual([a.id, b.id].sort());
    expect(await ids({ likelihood: 'likely', confidence: 'low' })).toEqual([b.id]);
    expect(await ids({ sourceId })).toEqual([a.id, b.id].sort());
    expect(await ids({ query: '"rain expected"' })).toEqual([c.id]);
    const tags = await lib.invoke('claims.tags', {});
    expect(tags.map((t) => t.tag).sort()).toEqual(['economy', 'military', 'weather']);
  });

  it('reports which briefs use a claim', async () => {
    const claim = await lib.invoke('claims.create', { statement: 'Reused card' });
    const first = await lib.invoke('briefs.create', { title: 'Monday brief' });
    const second = await lib.invoke('briefs.create', { title: 'Tuesday brief' });
    await lib.invoke('briefs.append', { briefId: first.id, block: { claimId: claim.id } });
    await lib.invoke('briefs.append', { briefId: second.id, block: { claimId: claim.id } });
    expect((await lib.invoke('claims.usedIn', { claimId: claim.id })).map((b) => b.title).sort()).toEqual([
      'Monday brief',
      'Tuesday brief',
    ]);
    expect((await lib.invoke('claims.get', { claimId: claim.id })).usedInBriefs).toBe(2);
    await lib.invoke('briefs.delete', { briefId: first.id });
    expect((await lib.invoke('claims.get', { claimId: claim.id })).usedInBriefs).toBe(1);
  });
});
