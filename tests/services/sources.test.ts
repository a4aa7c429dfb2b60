import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempLibrary } from '../helpers/tempLibrary';

let lib: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  lib = openTempLibrary();
});
afterEach(() => lib.close());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const V1 = `Harbour activity report

Three cargo ships docked at the northern pier on Friday.
The harbour master said inspections would take a week.
A fire broke out in warehouse 7 but was contained within an hour.`;

describe('importing sources', () => {
  it('stores normalized text with its SHA-256, metadata, and a first version', async () => {
    const result = await lib.invoke('sources.import', {
      content: { text: 'Line one\r\nLine   two\u00A0here\r\n\r\n\r\n\r\nNext paragraph' },
      metadata: {
        title: 'Memo',
        publisher: 'Desk',
        author: 'R. Analyst',
        url: 'https://example.org/memo',
        publishedAt: '2026-11-02',
        language: 'en',
        reliability: 'C',
      },
    });
    const { source, version, text } = await lib.invoke('sources.get', { sourceId: result.sourceId });
    expect(text).toBe('Line one\nLine two here\n\nNext paragraph');
    expect(version.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(version.versionNo).toBe(1);
    expect(source).toMatchObject({
      title: 'Memo',
      publisher: 'Desk',
      author: 'R. Analyst',
      publishedAt: '2026-11-02',
      language: 'en',
      reliability: 'C',
      versionCount: 1,
    });
  });

  it('imports Markdown and HTML files as readable text, taking the title from the document', async () => {
    const md = await lib.invoke('sources.import', {
      content: {
        base64: base64('# Field notes\n\nThe **convoy** left at *noon*.\n\n- item one\n- item two\n'),
        fileName: 'notes.md',
      },
      metadata: {},
    });
    const mdSource = await lib.invoke('sources.get', { sourceId: md.sourceId });
    expect(mdSource.source.title).toBe('Field notes');
    expect(mdSource.text).toContain('The convoy left at noon.');
    expect(mdSource.text).not.toContain('**');

    const html = await lib.invoke('sources.import', {
      content: {
        base64: base64(
          '<html lang="en"><head><title>Daily wire</title><script>alert(1)</script></head><body><article><h1>Daily wire</h1><p>Markets were calm on <b>Monday</b>.</p><p>Analysts expect little change this week, citing steady demand and low volatility across sectors.</p></article></body></html>',
        ),
        fileName: 'wire.html',
      },
      metadata: {},
    });
    const htmlSource = await lib.invoke('sources.get', { sourceId: html.sourceId });
    expect(htmlSource.source.title).toBe('Daily wire');
    expect(htmlSource.version.format).toBe('html');
    expect(htmlSource.text).toContain('Markets were calm on Monday.');
    expect(htmlSource.text).not.toContain('alert');
  });

  it('recognizes identical text imported again instead of making a duplicate', async () => {
    const first = await lib.invoke('sources.import', { content: { text: V1 }, metadata: { title: 'Harbour' } });
    const again = await lib.invoke('sources.import', {
      content: { text: V1.replace(/\n/g, '\r\n') },
      metadata: { title: 'Harbour (copy)' },
    });
    expect(again).toMatchObject({ sourceId: first.sourceId, unchanged: true, duplicateOfSourceId: first.sourceId });
    expect(again.warnings.join(' ')).toMatch(/already in the library/);
    expect(await lib.invoke('sources.list', {})).toHaveLength(1);
  });

  it('re-importing into a source makes a new version and re-anchors every citation', async () => {
    const { sourceId, versionId: v1 } = await lib.invoke('sources.import', {
      content: { text: V1 },
      metadata: { title: 'Harbour' },
    });
    const moved = await lib.invoke('claims.create', {
      statement: 'Ships docked',
      citations: [{ target: { sourceId, quote: 'Three cargo ships docked at the northern pier on Friday.' } }],
    });
    const edited = await lib.invoke('claims.create', {
      statement: 'Inspections take a week',
      citations: [{ target: { sourceId, quote: 'The harbour master said inspections would take a week.' } }],
    });
    const deleted = await lib.invoke('claims.create', {
      statement: 'Warehouse fire',
      citations: [{ target: { sourceId, quote: 'A fire broke out in warehouse 7 but was contained within an hour.' } }],
    });

    const V2 = `Harbour activity report (updated)

Editor's note: this report was revised on Saturday.

Three cargo ships docked at the northern pier on Friday.
The harbour master said inspections would take about a week.`;
    const result = await lib.invoke('sources.import', { content: { text: V2 }, sourceId });
    expect(result.versionId).not.toBe(v1);
    expect(result.reanchor).toEqual({ exact: 1, fuzzy: 1, orphaned: 1 });

    const { text } = await lib.invoke('sources.get', { sourceId });
    const get = async (claimId: number) => (await lib.invoke('claims.get', { claimId })).citations[0]!;
    const exact = await get(moved.id);
    expect(exact).toMatchObject({ anchorStatus: 'exact', versionId: result.versionId });
    expect(text.slice(exact.start!, exact.end!)).toBe('Three cargo ships docked at the northern pier on Friday.');
    const fuzzy = await get(edited.id);
    expect(fuzzy.anchorStatus).toBe('fuzzy');
    expect(fuzzy.score).toBeGreaterThan(0.5);
    // The highlight covers the whole edited sentence, not a cheaper match that stops mid-phrase.
    expect(text.slice(fuzzy.start!, fuzzy.end!)).toBe('The harbour master said inspections would take about a week.');
    const orphan = await get(deleted.id);
    expect(orphan).toMatchObject({ anchorStatus: 'orphaned', start: null, versionId: v1 });
    expect(orphan.exact).toBe('A fire broke out in warehouse 7 but was contained within an hour.');

    expect((await lib.invoke('sources.versions', { sourceId })).map((v) => v.versionNo)).toEqual([2, 1]);
    // The old version is still there, unchanged.
    expect((await lib.invoke('sources.get', { sourceId, versionId: v1 })).text).toBe(V1);
  });

  it('re-importing the same text into a source makes no new version', async () => {
    const { sourceId, versionId } = await lib.invoke('sources.import', {
      content: { text: V1 },
      metadata: { title: 'Harbour' },
    });
    const again = await lib.invoke('sources.import', { content: { text: V1 }, sourceId });
    expect(again).toMatchObject({ versionId, unchanged: true });
  });

  it('refuses binary files with a clear error and writes nothing', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0)]).toString('base64');
    await expect(
      lib.invoke('sources.import', { content: { base64: pdf, fileName: 'report.txt' }, metadata: {} }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
    expect(await lib.invoke('sources.list', {})).toEqual([]);
  });

  it('edits source metadata', async () => {
    const { sourceId } = await lib.invoke('sources.import', { content: { text: V1 }, metadata: { title: 'Harbour' } });
    const updated = await lib.invoke('sources.update', {
      sourceId,
      metadata: { reliability: 'A', publisher: 'Port Authority' },
    });
    expect(updated).toMatchObject({ title: 'Harbour', reliability: 'A', publisher: 'Port Authority' });
    await expect(
      lib.invoke('sources.update', { sourceId, metadata: { reliability: 'G' as never } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('keeps source versions immutable in the store itself', async () => {
    const { versionId } = await lib.invoke('sources.import', { content: { text: V1 }, metadata: { title: 'Harbour' } });
    expect(() =>
      lib.context.db.prepare(`UPDATE source_versions SET text = 'tampered' WHERE id = ?`).run(versionId),
    ).toThrow(/immutable/);
  });
});
