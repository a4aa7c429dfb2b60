// Importing a new version of a source: the result counts what became of its citations, and a
// text that looks like a different document is not stored as a version unless confirmed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wordShingleSimilarity } from '../../../electron/services/sources/textSimilarity';
import { MIN_SIMILARITY } from '../../../electron/services/sources/versionCheck';
import { openTempLibrary } from '../../helpers/tempLibrary';
import {
  CHECKPOINT_LOG,
  CROSSING_LOG,
  DIFFERENT_DOCUMENT_PAIRS,
  HARBOUR_REPORT,
  SAME_DOCUMENT_PAIRS,
} from './fixtures/versionPairs';

let lib: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  lib = openTempLibrary();
});
afterEach(() => lib.close());

const QUOTES = {
  moved: 'Three cargo ships docked at the northern pier on Friday.',
  editedLightly: 'The harbour master said inspections would take a week.',
  editedMore: 'Fuel deliveries resumed on Saturday after a two-day pause.',
  deleted: 'A fire broke out in warehouse 7 but was contained within an hour.',
};

/** The harbour report with one claim card per quote; returns the source and the cards' ids by quote. */
async function harbourLibrary() {
  const { sourceId } = await lib.invoke('sources.import', {
    content: { text: HARBOUR_REPORT },
    metadata: { title: 'Harbour report', reliability: 'B' },
  });
  const claims: Record<string, number> = {};
  for (const [name, quote] of Object.entries(QUOTES)) {
    claims[name] = (
      await lib.invoke('claims.create', { statement: name, citations: [{ target: { sourceId, quote } }] })
    ).id;
  }
  return { sourceId, claims };
}

/** Everything a new version could change about a source: its versions, its metadata and its citations. */
async function snapshot(sourceId: number) {
  return {
    versions: await lib.invoke('sources.versions', { sourceId }),
    source: (await lib.invoke('sources.get', { sourceId })).source,
    citations: await lib.invoke('citations.forSource', { sourceId }),
  };
}

const VERSION_2 = `Harbour activity report (updated)

Editor's note: this report was revised on Saturday.

Three cargo ships docked at the northern pier on Friday.
The harbour master said inspections would take about a week.
Fuel deliveries resumed on Sunday after a three-day pause.`;

describe('a new version of a source', () => {
  it('reports how many citations were found exactly, approximately (with the lowest score) and not at all', async () => {
    const { sourceId } = await harbourLibrary();
    const result = await lib.invoke('sources.import', { content: { text: VERSION_2 }, sourceId });

    expect(result).toMatchObject({ unchanged: false, differentDocument: null });
    expect(result.reanchor).toEqual({ exact: 1, fuzzy: 2, orphaned: 1 });
    // The counts are what was stored: the lowest score is the lower of the two fuzzy citations'.
    const stored = await lib.invoke('citations.forSource', { sourceId });
    const fuzzyScores = stored.filter((c) => c.anchorStatus === 'fuzzy').map((c) => c.score!);
    expect(fuzzyScores).toHaveLength(2);
    expect(fuzzyScores[0]).not.toBe(fuzzyScores[1]);
    expect(result.lowestFuzzyScore).toBe(Math.min(...fuzzyScores));
    expect(stored.filter((c) => c.anchorStatus === 'exact')).toHaveLength(1);
    expect(stored.filter((c) => c.anchorStatus === 'orphaned').map((c) => c.exact)).toEqual([QUOTES.deleted]);
  });

  it('says there is no lowest score when no citation is fuzzy', async () => {
    const { sourceId } = await harbourLibrary();
    const result = await lib.invoke('sources.import', {
      content: { text: HARBOUR_REPORT.replace('Harbour activity report', 'Harbour activity report, final') },
      sourceId,
    });
    expect(result.reanchor).toEqual({ exact: 4, fuzzy: 0, orphaned: 0 });
    expect(result.lowestFuzzyScore).toBeNull();
  });

  it('counts the citations as they are when the text is the current version again', async () => {
    const { sourceId } = await harbourLibrary();
    const first = await lib.invoke('sources.import', { content: { text: VERSION_2 }, sourceId });
    const again = await lib.invoke('sources.import', { content: { text: VERSION_2 }, sourceId });
    expect(again).toMatchObject({ unchanged: true, versionId: first.versionId, differentDocument: null });
    expect(again.reanchor).toEqual(first.reanchor);
    expect(again.lowestFuzzyScore).toBe(first.lowestFuzzyScore);
  });
});

describe('a different document offered as a new version', () => {
  it('is refused with the reason, and nothing is written: no version, no metadata, every citation as it was', async () => {
    const { sourceId } = await harbourLibrary();
    const before = await snapshot(sourceId);

    const result = await lib.invoke('sources.import', {
      content: { text: CROSSING_LOG, fileName: 'crossing-log.txt' },
      metadata: { title: 'Crossing log' },
      sourceId,
    });

    expect(result).toMatchObject({
      sourceId,
      versionId: before.source.currentVersionId,
      unchanged: true,
      differentDocument: { citations: 4, found: 0 },
    });
    expect(result.differentDocument!.similarity).toBeLessThan(MIN_SIMILARITY);
    expect(result.reanchor).toEqual({ exact: 4, fuzzy: 0, orphaned: 0 });
    expect(result.warnings.join(' ')).toContain(
      'This text looks like a different document from “Harbour report”: none of the 4 cited passages were found in it, and it has none of its wording in common with the current version. Nothing was imported.',
    );
    expect(await snapshot(sourceId)).toEqual(before);
  });

  it('is stored as a new version when the import is confirmed, its citations orphaned', async () => {
    const { sourceId } = await harbourLibrary();
    const result = await lib.invoke('sources.import', {
      content: { text: CROSSING_LOG },
      sourceId,
      confirmDifferentDocument: true,
    });
    expect(result).toMatchObject({ unchanged: false, differentDocument: null });
    expect(result.reanchor).toEqual({ exact: 0, fuzzy: 0, orphaned: 4 });
    const after = await snapshot(sourceId);
    expect(after.versions.map((v) => v.versionNo)).toEqual([2, 1]);
    expect(after.source.currentVersionId).toBe(result.versionId);
    expect(after.citations.every((c) => c.anchorStatus === 'orphaned')).toBe(true);
  });

  it('is refused for a source without citations too, judged by its wording alone', async () => {
    const { sourceId } = await lib.invoke('sources.import', { content: { text: CHECKPOINT_LOG } });
    const result = await lib.invoke('sources.import', { content: { text: CROSSING_LOG }, sourceId });
    expect(result.differentDocument).toMatchObject({ citations: 0, found: 0 });
    expect(await lib.invoke('sources.versions', { sourceId })).toHaveLength(1);
  });

  it('is not what a trimmed version is, even when its one cited line is gone', async () => {
    const { sourceId } = await lib.invoke('sources.import', { content: { text: CHECKPOINT_LOG } });
    await lib.invoke('claims.create', {
      statement: 'Route 4 reopened',
      citations: [{ target: { sourceId, quote: 'The checkpoint on Route 4 reopened on Sunday morning.' } }],
    });
    const trimmed = CHECKPOINT_LOG.replace('The checkpoint on Route 4 reopened on Sunday morning.\n', '');
    const result = await lib.invoke('sources.import', { content: { text: trimmed }, sourceId });
    expect(result).toMatchObject({ unchanged: false, differentDocument: null });
    expect(result.reanchor).toEqual({ exact: 0, fuzzy: 0, orphaned: 1 });
  });
});

describe('the wording measure that tells a version from another document', () => {
  it.each(SAME_DOCUMENT_PAIRS)('takes $name for the same document', ({ old, new: next }) => {
    expect(wordShingleSimilarity(old, next)).toBeGreaterThanOrEqual(MIN_SIMILARITY);
  });

  it.each(DIFFERENT_DOCUMENT_PAIRS)('takes $name for different documents', ({ old, new: next }) => {
    expect(wordShingleSimilarity(old, next)).toBeLessThan(MIN_SIMILARITY);
  });

  it('is symmetric, and 1 for the same text', () => {
    expect(wordShingleSimilarity(HARBOUR_REPORT, HARBOUR_REPORT)).toBe(1);
    expect(wordShingleSimilarity(HARBOUR_REPORT, VERSION_2)).toBe(wordShingleSimilarity(VERSION_2, HARBOUR_REPORT));
  });
});
