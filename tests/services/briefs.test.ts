import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import {
  claimCardNode,
  documentOf,
  headingNode,
  paragraphNode,
  STANDARD_SECTIONS,
  textNode,
} from '../../shared/briefs/document';
import { openTempLibrary } from '../helpers/tempLibrary';

let lib: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  lib = openTempLibrary();
});
afterEach(() => lib.close());

describe('briefs', () => {
  it('starts a new brief from the BLUF / Key judgments / Discussion / Outlook template', async () => {
    const brief = await lib.invoke('briefs.create', { title: 'Weekly', marking: 'TLP:AMBER' });
    const headings = brief.document.root.children.filter((n) => (n as { type: string }).type === 'heading');
    expect(headings.map((h) => (h as { children: Array<{ text: string }> }).children[0]!.text)).toEqual([
      ...STANDARD_SECTIONS,
    ]);
    expect(brief.marking).toBe('TLP:AMBER');
  });

  it('accepts only the markings of tradecraft.md', async () => {
    for (const marking of [
      '',
      'TLP:CLEAR',
      'TLP:AMBER+STRICT',
      'SECRET',
      'SECRET//NOFORN',
      'TOP SECRET//REL TO USA, GBR',
    ]) {
      await expect(lib.invoke('briefs.create', { title: 't', marking })).resolves.toBeTruthy();
    }
    for (const marking of ['tlp:amber', 'TLP: AMBER', 'TLP:YELLOW', 'SECRETISH', 'secret//noforn']) {
      await expect(lib.invoke('briefs.create', { title: 't', marking })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    }
  });

  it('saves a document and reopens it exactly, keeping the claim usage index current', async () => {
    const a = await lib.invoke('claims.create', { statement: 'A' });
    const b = await lib.invoke('claims.create', { statement: 'B' });
    const brief = await lib.invoke('briefs.create', { title: 'Doc', template: 'empty' });
    const document = documentOf([
      headingNode('BLUF'),
      paragraphNode([textNode('Bold', 1), textNode(' and plain')]),
      claimCardNode(a.id),
      claimCardNode(b.id),
    ]);
    const saved = await lib.invoke('briefs.save', { briefId: brief.id, document, baseRevision: brief.revision });
    expect(saved.claimCount).toBe(2);
    expect((await lib.invoke('briefs.get', { briefId: brief.id })).document).toEqual(document);

    const withoutA = documentOf([claimCardNode(b.id)]);
    await lib.invoke('briefs.save', { briefId: brief.id, document: withoutA });
    expect(await lib.invoke('claims.usedIn', { claimId: a.id })).toEqual([]);
    expect((await lib.invoke('claims.usedIn', { claimId: b.id })).map((x) => x.briefId)).toEqual([brief.id]);
  });

  it('refuses a save from a stale revision so a second window cannot silently overwrite the first', async () => {
    const brief = await lib.invoke('briefs.create', { title: 'Doc' });
    await lib.invoke('briefs.save', {
      briefId: brief.id,
      document: documentOf([paragraphNode([textNode('first')])]),
      baseRevision: 1,
    });
    await expect(
      lib.invoke('briefs.save', { briefId: brief.id, document: documentOf([]), baseRevision: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(JSON.stringify((await lib.invoke('briefs.get', { briefId: brief.id })).document)).toContain('first');
  });

  it('refuses a document without a Lexical root, and changes nothing', async () => {
    const brief = await lib.invoke('briefs.create', { title: 'Doc' });
    await expect(
      lib.invoke('briefs.save', { briefId: brief.id, document: { nope: true } as never }),
    ).rejects.toBeInstanceOf(AppError);
    expect((await lib.invoke('briefs.get', { briefId: brief.id })).revision).toBe(1);
  });

  it('renames, changes the marking, deletes to the trash and restores', async () => {
    const brief = await lib.invoke('briefs.create', { title: 'Draft' });
    await lib.invoke('briefs.update', { briefId: brief.id, title: 'Final', marking: 'SECRET//NOFORN' });
    await lib.invoke('briefs.delete', { briefId: brief.id });
    expect(await lib.invoke('briefs.list', {})).toEqual([]);
    const trash = await lib.invoke('briefs.list', { includeDeleted: true });
    expect(trash.map((b) => [b.title, b.marking, Boolean(b.deletedAt)])).toEqual([['Final', 'SECRET//NOFORN', true]]);
    await lib.invoke('briefs.restore', { briefId: brief.id });
    expect((await lib.invoke('briefs.list', {})).map((b) => b.title)).toEqual(['Final']);
  });

  it('checks every citation of a brief and lists uncited claims', async () => {
    const { sourceId } = await lib.invoke('sources.import', {
      content: { text: 'The bridge was closed on Monday. Traffic was diverted north.' },
      metadata: { title: 'Roads' },
    });
    const cited = await lib.invoke('claims.create', {
      statement: 'Bridge closed',
      citations: [{ target: { sourceId, quote: 'The bridge was closed on Monday.' } }],
    });
    const uncited = await lib.invoke('claims.create', { statement: 'No evidence yet' });
    const brief = await lib.invoke('briefs.create', { title: 'Roads' });
    await lib.invoke('briefs.append', { briefId: brief.id, block: { claimId: cited.id } });
    await lib.invoke('briefs.append', { briefId: brief.id, block: { claimId: uncited.id } });
    const check = await lib.invoke('briefs.check', { briefId: brief.id });
    expect(check.citations.map((c) => [c.claimId, c.status, c.quote])).toEqual([
      [cited.id, 'exact', 'The bridge was closed on Monday.'],
    ]);
    expect(check.uncitedClaims).toEqual([{ claimId: uncited.id, statement: 'No evidence yet' }]);
  });
});
