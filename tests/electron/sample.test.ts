// First run: an empty library gets the sample source, its claim cards (every citation anchored
// exactly, the Arabic one included) and a brief embedding them under the template's sections.
// Seeding is idempotent and never touches a library that already holds anything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CLAIM_CARD_NODE_TYPE,
  CITATION_NODE_TYPE,
  STANDARD_SECTIONS,
  collectReferences,
  walkNodes,
  type SerializedDocument,
} from '../../shared/briefs/document';
import {
  SAMPLE_ARABIC_SENTENCE,
  SAMPLE_CLAIMS,
  SAMPLE_SOURCE_TEXT,
} from '../../electron/services/sample/sampleContent';
import { seedSampleLibrary } from '../../electron/services/sample/seedSampleLibrary';
import { openTempLibrary } from '../helpers/tempLibrary';

let lib: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  lib = openTempLibrary();
});
afterEach(() => lib.close());

describe('sample library', () => {
  it('fills an empty library with one source, four claim cards and a brief', async () => {
    const seeded = await seedSampleLibrary(lib);
    expect(seeded).not.toBeNull();
    const { counts } = await lib.invoke('library.info', {});
    expect(counts).toMatchObject({ sources: 1, claims: SAMPLE_CLAIMS.length, briefs: 1 });
    expect(SAMPLE_CLAIMS.length).toBeGreaterThanOrEqual(3);
  });

  it('labels the source as a fictional sample and includes an Arabic sentence', async () => {
    const seeded = (await seedSampleLibrary(lib))!;
    const { source, text } = await lib.invoke('sources.get', { sourceId: seeded.sourceId });
    expect(source.title).toMatch(/^SAMPLE/);
    expect(text).toMatch(/^SAMPLE DOCUMENT — fictional/);
    expect(text).toContain('invented');
    expect(text).toContain(SAMPLE_ARABIC_SENTENCE);
    expect(SAMPLE_ARABIC_SENTENCE).toMatch(/[\u0600-\u06FF]/);
  });

  it('anchors every citation exactly on a quote that exists in the source text', async () => {
    const seeded = (await seedSampleLibrary(lib))!;
    const { text } = await lib.invoke('sources.get', { sourceId: seeded.sourceId });
    const claims = await lib.invoke('claims.getMany', { claimIds: Object.values(seeded.claimIds) });
    const citations = claims.flatMap((claim) => claim.citations);
    expect(citations).toHaveLength(SAMPLE_CLAIMS.flatMap((c) => c.citations).length);
    for (const citation of citations) {
      expect(citation.anchorStatus, citation.exact).toBe('exact');
      expect(text.slice(citation.start!, citation.end!)).toBe(citation.exact);
      expect(SAMPLE_SOURCE_TEXT).toContain(citation.exact);
    }
    expect(citations.some((c) => c.exact === SAMPLE_ARABIC_SENTENCE)).toBe(true);
  });

  it('uses the tradecraft vocabularies: a fact, an assessment and a judgment with likelihood and confidence', async () => {
    const seeded = (await seedSampleLibrary(lib))!;
    const claims = await lib.invoke('claims.getMany', { claimIds: Object.values(seeded.claimIds) });
    expect(new Set(claims.map((c) => c.kind))).toEqual(new Set(['fact', 'assessment', 'judgment']));
    const judgment = claims.find((c) => c.kind === 'judgment')!;
    expect(judgment.likelihood).toBe('likely');
    expect(judgment.confidence).toBe('low');
    expect(claims.every((c) => c.tags.includes('sample'))).toBe(true);
  });

  it('builds the brief from the template sections and embeds every sample card and an inline citation', async () => {
    const seeded = (await seedSampleLibrary(lib))!;
    const brief = await lib.invoke('briefs.get', { briefId: seeded.briefId });
    expect(brief.title).toMatch(/^SAMPLE/);
    expect(brief.marking).toBe('TLP:CLEAR');
    const document = brief.document as unknown as SerializedDocument;
    const headings = document.root.children
      .filter((n) => n.type === 'heading')
      .map((n) => (n.children![0] as { text?: unknown }).text);
    expect(headings).toEqual([...STANDARD_SECTIONS]);
    const { claimIds, citationIds } = collectReferences(document);
    expect(new Set(claimIds)).toEqual(new Set(Object.values(seeded.claimIds)));
    expect(citationIds).toHaveLength(1);
    expect([...walkNodes(document.root)].filter((n) => n.type === CLAIM_CARD_NODE_TYPE)).toHaveLength(
      SAMPLE_CLAIMS.length,
    );
    expect([...walkNodes(document.root)].some((n) => n.type === CITATION_NODE_TYPE)).toBe(true);

    const check = await lib.invoke('briefs.check', { briefId: seeded.briefId });
    expect(check.missingClaimIds).toEqual([]);
    expect(check.missingCitationIds).toEqual([]);
    expect(check.uncitedClaims).toEqual([]);
    expect(check.citations.every((c) => c.status === 'exact')).toBe(true);

    for (const claimId of Object.values(seeded.claimIds)) {
      expect((await lib.invoke('claims.usedIn', { claimId })).map((u) => u.briefId)).toEqual([seeded.briefId]);
    }
  });

  it('is idempotent: a second run adds nothing', async () => {
    await seedSampleLibrary(lib);
    const before = (await lib.invoke('library.info', {})).counts;
    expect(await seedSampleLibrary(lib)).toBeNull();
    expect((await lib.invoke('library.info', {})).counts).toEqual(before);
  });

  it('never seeds a library that already holds something — even only a deleted brief', async () => {
    const brief = await lib.invoke('briefs.create', { title: 'My own brief' });
    await lib.invoke('briefs.delete', { briefId: brief.id });
    expect(await seedSampleLibrary(lib)).toBeNull();
    expect((await lib.invoke('library.info', {})).counts).toMatchObject({ sources: 0, claims: 0 });
  });

  it('never seeds a library that holds only a source', async () => {
    await lib.invoke('sources.import', {
      content: { text: 'My own notes.' },
      metadata: { title: 'Notes', reliability: 'F' },
    });
    expect(await seedSampleLibrary(lib)).toBeNull();
    expect((await lib.invoke('library.info', {})).counts).toMatchObject({ sources: 1, claims: 0, briefs: 0 });
  });
});
