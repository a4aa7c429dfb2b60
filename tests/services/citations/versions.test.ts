// A passage selected in one version of a source and cited after a newer version arrived: the
// library, not the page, decides what the offsets mean now. The quote stored is always the words
// the analyst selected; when they are gone the citation is refused and nothing is stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCEPT_SCORE } from '../../../shared/anchoring';
import { createLibrary } from '../../../electron/services/createLibrary';
import { expectAppError } from '../../helpers/expectAppError';
import { openTempLibrary } from '../../helpers/tempLibrary';

const PASSAGE = 'Three cargo ships docked at the northern pier on Friday morning';
const V1 = [
  'Harbour report',
  '',
  `${PASSAGE}, according to the harbour master.`,
  'Customs officers inspected two of them before noon and found nothing to declare.',
  'Fuel prices in the port district rose by twelve percent over the week.',
].join('\n');
/** The passage unchanged, moved down by a new opening paragraph. */
const V2_MOVED = V1.replace('Harbour report\n', 'Harbour report\n\nUpdated on Saturday with the customs figures.\n');
/** The passage with one word changed. */
const EDITED = 'Three cargo ships moored at the northern pier on Friday morning';
const V2_EDITED = V1.replace(PASSAGE, EDITED);
/** The passage's sentence gone. */
const V2_DELETED = V1.replace(`${PASSAGE}, according to the harbour master.\n`, '');

let lib: ReturnType<typeof openTempLibrary>;
let sourceId: number;
/** The version the analyst selected in, and the selection's offsets there. */
let v1: number;
const start = V1.indexOf(PASSAGE);
const end = start + PASSAGE.length;

beforeEach(async () => {
  lib = openTempLibrary();
  ({ sourceId, versionId: v1 } = await lib.invoke('sources.import', {
    content: { text: V1 },
    metadata: { title: 'Harbour report', reliability: 'B' },
  }));
});
afterEach(() => lib.close());

async function importVersion(text: string): Promise<number> {
  const result = await lib.invoke('sources.import', { content: { text }, sourceId });
  expect(result.unchanged).toBe(false);
  return result.versionId;
}

const selection = () => ({ sourceId, versionId: v1, start, end });

describe('a passage selected before a new version of its source', () => {
  it('is cited at the same offsets when the version it was selected in is still current', async () => {
    const claim = await lib.invoke('claims.create', {
      statement: 'Ships docked',
      citations: [{ target: selection() }],
    });
    expect(claim.citations[0]).toMatchObject({ versionId: v1, start, end, exact: PASSAGE, anchorStatus: 'exact' });
  });

  it('is cited exact where it moved to, with the same words, when it is unchanged', async () => {
    const v2 = await importVersion(V2_MOVED);
    const claim = await lib.invoke('claims.create', {
      statement: 'Ships docked',
      citations: [{ target: selection() }],
    });
    const newStart = V2_MOVED.indexOf(PASSAGE);
    expect(newStart).toBeGreaterThan(start);
    expect(claim.citations[0]).toMatchObject({
      versionId: v2,
      start: newStart,
      end: newStart + PASSAGE.length,
      exact: PASSAGE,
      anchorStatus: 'exact',
      score: 1,
    });
  });

  it('is cited as fuzzy with its score when it was edited, keeping the words the analyst selected', async () => {
    // The same passage cited in v1 beforehand shows what a re-import makes of it.
    const earlier = await lib.invoke('claims.create', { statement: 'Earlier', citations: [{ target: selection() }] });
    const v2 = await importVersion(V2_EDITED);
    const reimported = (await lib.invoke('claims.get', { claimId: earlier.id })).citations[0]!;
    expect(reimported.anchorStatus).toBe('fuzzy');

    const claim = await lib.invoke('claims.create', {
      statement: 'Ships docked',
      citations: [{ target: selection() }],
    });
    const citation = claim.citations[0]!;
    expect(citation).toMatchObject({ versionId: v2, anchorStatus: 'fuzzy', exact: PASSAGE });
    expect(citation.score).toBeGreaterThanOrEqual(ACCEPT_SCORE);
    expect(citation.score).toBeLessThan(1);
    // Placed where a re-import places it, with the same score: it waits for review the same way.
    expect({ start: citation.start, end: citation.end, score: citation.score }).toEqual({
      start: reimported.start,
      end: reimported.end,
      score: reimported.score,
    });
    expect(V2_EDITED.slice(citation.start!, citation.end!)).toBe(EDITED);
    // The context stored is the one the analyst read, not the new version's.
    expect(citation.prefix).toBe(V1.slice(Math.max(0, start - 32), start));
  });

  it('is refused with CONFLICT when it is gone, and nothing is stored', async () => {
    await importVersion(V2_DELETED);
    const before = await lib.invoke('claims.search', {});
    await expectAppError(
      lib.invoke('claims.create', { statement: 'Ships docked', citations: [{ target: selection() }] }),
      'CONFLICT',
      /is no longer in the current version of "Harbour report".*Reopen the source in the reader/,
    );
    expect((await lib.invoke('claims.search', {})).total).toBe(before.total);

    const card = await lib.invoke('claims.create', { statement: 'An existing card' });
    await expectAppError(
      lib.invoke('citations.attach', { claimId: card.id, target: selection() }),
      'CONFLICT',
      /no longer in the current version of "Harbour report"/,
    );
    expect((await lib.invoke('claims.get', { claimId: card.id })).citations).toEqual([]);
    expect(await lib.invoke('citations.forSource', { sourceId })).toEqual([]);
  });

  it('is carried over when the new version was written by another connection to the same file', async () => {
    const other = createLibrary({ dbPath: lib.dir.path('library.db'), logError: () => {} });
    let v2: number;
    try {
      ({ versionId: v2 } = await other.invoke('sources.import', { content: { text: V2_MOVED }, sourceId }));
    } finally {
      other.close();
    }
    const card = await lib.invoke('claims.create', { statement: 'An existing card' });
    const citation = await lib.invoke('citations.attach', { claimId: card.id, target: selection() });
    expect(citation).toMatchObject({ versionId: v2, exact: PASSAGE, anchorStatus: 'exact' });
    expect(V2_MOVED.slice(citation.start!, citation.end!)).toBe(PASSAGE);
  });

  it('is cited in a brief the same way', async () => {
    await importVersion(V2_DELETED);
    const brief = await lib.invoke('briefs.create', { title: 'Weekly' });
    await expectAppError(
      lib.invoke('citations.attach', { briefId: brief.id, target: selection() }),
      'CONFLICT',
      /no longer in the current version/,
    );
  });
});

describe('the version a selection names', () => {
  it('is required: offsets without it are refused by the contract, with a sentence', async () => {
    const card = await lib.invoke('claims.create', { statement: 'An existing card' });
    const withoutVersion = { sourceId, start, end } as unknown as ReturnType<typeof selection>;
    await expectAppError(
      lib.invoke('citations.attach', { claimId: card.id, target: withoutVersion }),
      'INVALID_INPUT',
      /must name the version it was selected in \(versionId\)/,
    );
    await expectAppError(
      lib.invoke('claims.create', { statement: 'Ships', citations: [{ target: withoutVersion }] }),
      'INVALID_INPUT',
      /citations\.0\.target: .*versionId/,
    );
    expect((await lib.invoke('claims.get', { claimId: card.id })).citations).toEqual([]);
  });

  it('must be a version of the same source', async () => {
    const { versionId: otherVersion } = await lib.invoke('sources.import', {
      content: { text: 'Another document entirely, about the airport.' },
      metadata: { title: 'Airport note' },
    });
    const card = await lib.invoke('claims.create', { statement: 'An existing card' });
    await expectAppError(
      lib.invoke('citations.attach', { claimId: card.id, target: { ...selection(), versionId: otherVersion } }),
      'INVALID_INPUT',
      /belongs to another source, not to "Harbour report"/,
    );
    await expectAppError(
      lib.invoke('citations.attach', { claimId: card.id, target: { ...selection(), versionId: 9999 } }),
      'NOT_FOUND',
      /no source version with id 9999/,
    );
  });

  it('counts the offsets: a range that fits only the newer text is refused against the older one', async () => {
    await importVersion(`${V1}\n${'More text. '.repeat(20)}`);
    const card = await lib.invoke('claims.create', { statement: 'An existing card' });
    await expectAppError(
      lib.invoke('citations.attach', {
        claimId: card.id,
        target: { sourceId, versionId: v1, start: 0, end: V1.length + 5 },
      }),
      'INVALID_INPUT',
      /outside version 1 of "Harbour report"/,
    );
  });
});
