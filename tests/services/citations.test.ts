// Citations attached to and detached from claim cards, anchored by quote or by offsets, and
// their stance changed in place.
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
    const { version } = await lib.invoke('sources.get', { sourceId });
    const citation = await lib.invoke('citations.attach', {
      claimId: claim.id,
      target: { sourceId, versionId: version.id, start, end: start + 'twelve percent'.length },
    });
    expect(citation.exact).toBe('twelve percent');
    await expectAppError(
      lib.invoke('citations.attach', {
        claimId: claim.id,
        target: { sourceId, versionId: version.id, start: 0, end: 10_000 },
      }),
      'INVALID_INPUT',
      /lies outside version 1 of "Border report"/,
    );
  });

  describe('changing a stance', () => {
    /** A card citing a sentence that the source's next version edits, so re-anchoring finds it only approximately. */
    async function fuzzyCitation() {
      const claim = await lib.invoke('claims.create', {
        statement: 'Troops crossed on Tuesday',
        citations: [
          { target: { sourceId, quote: 'Troops crossed the river at dawn on Tuesday.' }, stance: 'supports' },
        ],
      });
      const edited = REPORT.replace('Troops crossed the river at dawn', 'Troops crossed the river just at dawn');
      const { reanchor } = await lib.invoke('sources.import', { content: { text: edited }, sourceId });
      expect(reanchor).toMatchObject({ fuzzy: 1 });
      const [citation] = (await lib.invoke('claims.get', { claimId: claim.id })).citations;
      expect(citation).toMatchObject({ anchorStatus: 'fuzzy' });
      return citation!;
    }

    it('keeps a fuzzy citation fuzzy, with its score, quote and id', async () => {
      const before = await fuzzyCitation();
      const updated = await lib.invoke('citations.update', {
        citationId: before.id,
        fields: { stance: 'contradicts' },
      });
      expect(updated).toEqual({ ...before, stance: 'contradicts' });
      const [after] = (await lib.invoke('claims.get', { claimId: before.claimId! })).citations;
      expect(after).toEqual({ ...before, stance: 'contradicts' });
      expect(after!.score).toBeLessThan(1);
    });

    it('says there is no such citation', async () => {
      await expectAppError(
        lib.invoke('citations.update', { citationId: 999, fields: { stance: 'mentions' } }),
        'NOT_FOUND',
      );
      const claim = await lib.invoke('claims.create', {
        statement: 'Prices rose',
        citations: [{ target: { sourceId, quote: 'rose by twelve percent' } }],
      });
      const citationId = (await lib.invoke('claims.get', { claimId: claim.id })).citations[0]!.id;
      await lib.invoke('citations.detach', { citationId });
      await expectAppError(lib.invoke('citations.update', { citationId, fields: { stance: 'mentions' } }), 'NOT_FOUND');
    });

    it('refuses a page that sends anything but the stance, and changes nothing', async () => {
      const before = await fuzzyCitation();
      for (const input of [
        { citationId: before.id, fields: { stance: 'mentions', exact: 'Troops crossed on Wednesday.' } },
        { citationId: before.id, fields: { stance: 'mentions', anchorStatus: 'exact', score: 1 } },
        { citationId: before.id, fields: { stance: 'mentions' }, versionId: 1 },
        { citationId: before.id, fields: {} },
      ]) {
        await expectAppError(lib.invokeUnknown('citations.update', input, 'page'), 'INVALID_INPUT');
      }
      expect(await lib.invoke('citations.get', { citationId: before.id })).toEqual(before);
    });
  });
});
