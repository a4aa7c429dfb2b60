// Citations attached to and detached from claim cards, anchored by quote or by offsets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectAppError } from '../helpers/expectAppError';
import { openBorderReportLibrary, REPORT } from './fixtures/borderReport';

let lib: Awaited<ReturnType<typeof openBorderReportLibrary>>['lib'];
let sourceId: number;

beforeEach(async () => {
  ({ lib, sourceId } = await openBorderReportLibrary());
});
afterEach(() => lib.close());

describe('citations', () => {
  it('attaches and detaches citations with a stance', async () => {
    const claim = await lib.invoke('claims.create', { statement: 'Officials confirmed the crossing' });
    const citation = await lib.invoke('citations.attach', {
      claimId: claim.id,
      stance: 'contradicts',
      target: { sourceId, quote: 'Local officials confirmed the crossing.' },
    });
    expect(citation.stance).toBe('contradicts');
    expect((await lib.invoke('claims.get', { claimId: claim.id })).citations.map((c) => c.id)).toEqual([citation.id]);
    await lib.invoke('citations.detach', { citationId: citation.id });
    expect((await lib.invoke('claims.get', { claimId: claim.id })).citations).toEqual([]);
    await expectAppError(lib.invoke('citations.detach', { citationId: citation.id }), 'NOT_FOUND');
  });

  it('anchors a citation given by offsets, and refuses offsets outside the text', async () => {
    const claim = await lib.invoke('claims.create', { statement: 'Prices rose' });
    const start = REPORT.indexOf('twelve percent');
    const citation = await lib.invoke('citations.attach', {
      claimId: claim.id,
      target: { sourceId, start, end: start + 'twelve percent'.length },
    });
    expect(citation.exact).toBe('twelve percent');
    await expectAppError(
      lib.invoke('citations.attach', { claimId: claim.id, target: { sourceId, start: 0, end: 10_000 } }),
      'INVALID_INPUT',
      /outside source/,
    );
  });
});
