// The print renderer without a browser: what HTML it makes from a brief built through the
// real services. The PDF itself is checked in export.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeHref } from '../../electron/services/export/html';
import { loadPrintModel } from '../../electron/services/export/printModel';
import { cssString, renderPrintDocument } from '../../electron/services/export/printHtml';
import {
  CITATION_NODE_TYPE,
  claimCardNode,
  documentOf,
  headingNode,
  paragraphNode,
  textNode,
  type SerializedNode,
} from '../../shared/briefs/document';
import { openTempLibrary } from '../helpers/tempLibrary';

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.close());

const EVIL = `"><img src=x onerror=alert(1)><script>alert(2)</script>`;

async function briefWith(
  children: SerializedNode[],
  options: { marking?: string; title?: string; author?: string } = {},
) {
  const brief = await library.invoke('briefs.create', {
    title: options.title ?? 'Test brief',
    marking: options.marking ?? '',
    author: options.author ?? null,
    template: 'empty',
  });
  await library.invoke('briefs.save', { briefId: brief.id, document: documentOf(children) });
  return renderPrintDocument(loadPrintModel(library.context, brief.id));
}

/** The generated style element that draws the page furniture (@page margin boxes). */
function furniture(html: string): string {
  const css = /<style>(@page\{[\s\S]*?)<\/style>/.exec(html)?.[1];
  if (css === undefined) throw new Error('no @page furniture in the print HTML');
  return css;
}

async function source(text: string, metadata: Record<string, unknown> = {}) {
  return (
    await library.invoke('sources.import', {
      content: { text, format: 'text' },
      metadata: { reliability: 'B', ...metadata },
    })
  ).sourceId;
}

describe('the print renderer', () => {
  it('escapes every piece of user text: titles, statements, quotes, source metadata, metadata attributes', async () => {
    const sourceId = await source(`Intro. ${EVIL} Outro.`, { title: EVIL, publisher: EVIL });
    const claim = await library.invoke('claims.create', {
      statement: EVIL,
      citations: [{ target: { sourceId, quote: EVIL } }],
    });
    const doc = await briefWith([headingNode(EVIL), paragraphNode([textNode(EVIL)]), claimCardNode(claim.id)], {
      title: EVIL,
      author: EVIL,
    });
    expect(doc.html).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
    // The running title reaches the furniture as a CSS string: nothing in it can end the string or the style element.
    expect(furniture(doc.html)).not.toMatch(/[<>]/);
    expect(furniture(doc.html)).toContain(
      `@top-left{content:"\\22 \\3e \\3c img src=x onerror=alert(1)\\3e \\3c script\\3e alert(2)\\3c /script\\3e ";`,
    );
    expect(doc.html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(doc.html).toContain(`<meta name="author" content="&quot;&gt;&lt;img`);
  });

  it('keeps only http, https and mailto links, in canonical form', () => {
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeHref('mailto:desk@example.org')).toBe('mailto:desk@example.org');
    expect(safeHref('http://example.org/"onmouseover="x')).toBe('http://example.org/%22onmouseover=%22x');
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      '/relative',
      'app://renderer/index.html',
      'vbscript:x',
      42,
      null,
    ]) {
      expect(safeHref(bad), String(bad)).toBeNull();
    }
  });

  it('numbers citations in order of first appearance; a repeated card keeps its numbers and links back only once', async () => {
    const sourceId = await source('Alpha passage here. Beta passage here. Gamma passage here.');
    const late = await library.invoke('claims.create', {
      statement: 'Cites beta.',
      citations: [{ target: { sourceId, quote: 'Beta passage' } }],
    });
    const early = await library.invoke('claims.create', {
      statement: 'Cites gamma then alpha.',
      citations: [{ target: { sourceId, quote: 'Gamma passage' } }, { target: { sourceId, quote: 'Alpha passage' } }],
    });
    const doc = await briefWith([claimCardNode(early.id), claimCardNode(late.id), claimCardNode(early.id)]);
    expect(doc.notes.notes.map((n) => [n.number, n.passage])).toEqual([
      [1, 'Gamma passage'],
      [2, 'Alpha passage'],
      [3, 'Beta passage'],
    ]);
    expect(doc.html.match(/class="marker[^"]*" href="#note-1"/g)).toHaveLength(2);
    expect(doc.html.match(/id="ref-1"/g)).toHaveLength(1);
    expect(doc.audit.citations.map((c) => c.note)).toEqual([1, 2, 3]);
  });

  it('prints right-to-left quotes with their language and automatic direction, and embeds only the scripts used', async () => {
    const latinOnly = await briefWith([paragraphNode([textNode('Only Latin text.')])]);
    expect(latinOnly.html).not.toContain("font-family:'Briefing Arabic'");
    const sourceId = await source('قال المتحدث إن القناة ستبقى مغلقة.', { language: 'ar' });
    const claim = await library.invoke('claims.create', {
      statement: 'The channel stays closed.',
      citations: [{ target: { sourceId, quote: 'القناة ستبقى مغلقة' } }],
    });
    const doc = await briefWith([
      claimCardNode(claim.id),
      { ...paragraphNode([textNode('שלום עולם')]), direction: 'rtl' },
    ]);
    expect(doc.html).toContain('<blockquote class="passage" dir="auto" lang="ar">القناة ستبقى مغلقة</blockquote>');
    expect(doc.html).toContain('<p dir="rtl">שלום עולם</p>');
    expect(doc.html).toContain("font-family:'Briefing Arabic'");
    expect(doc.html).toContain("font-family:'Briefing Hebrew'");
  });

  it('isolates source names that hold right-to-left text or bidi controls, and leaves left-to-right names bare', async () => {
    const arabic = await source('Port report one. The channel stays closed.', {
      title: 'تقرير الميناء 2',
      publisher: 'Harbour Weekly 7',
    });
    const spoof = await source('Port report two. The channel reopens.', {
      title: 'invoice\u202Etxt.pdf',
      publisher: 'Gazette',
    });
    const claim = await library.invoke('claims.create', {
      statement: 'The channel status is contested.',
      citations: [
        { target: { sourceId: arabic, quote: 'The channel stays closed.' } },
        { target: { sourceId: spoof, quote: 'The channel reopens.' } },
      ],
    });
    const { html } = await briefWith([claimCardNode(claim.id)]);
    // In a note's source line and as the appendix entry's title.
    expect(html).toContain('<cite><bdi>تقرير الميناء 2</bdi></cite>, Harbour Weekly 7');
    expect(html).toContain('<bdi>تقرير الميناء 2</bdi></p>');
    expect(html).not.toContain('<bdi>Harbour Weekly 7</bdi>');
    expect(html).not.toContain('<bdi>Gazette</bdi>');
    // A right-to-left override typed into a title cannot reorder what follows the title.
    expect(html).toContain('<cite><bdi>invoice\u202Etxt.pdf</bdi></cite>, Gazette');
  });

  it('keeps the text of nodes it does not know and drops their markup', async () => {
    const doc = await briefWith([
      { type: 'mystery-block', version: 1, html: '<iframe src="x">', children: [textNode('kept words')] },
      paragraphNode([
        { type: 'hashtag', version: 1, text: '#tag<b>' },
        { type: CITATION_NODE_TYPE, version: 1, citationId: 999 },
      ]),
    ]);
    expect(doc.html).toContain('kept words');
    expect(doc.html).toContain('#tag&lt;b&gt;');
    expect(doc.html).not.toContain('<iframe');
    expect(doc.html).toContain('class="cite missing"');
  });

  it('draws the furniture as @page margin boxes: marking banner top and bottom only when there is a marking, title, date, brief and page numbers', async () => {
    const none = await briefWith([paragraphNode([textNode('x')])], { title: 'Plain brief' });
    expect(furniture(none.html)).not.toMatch(/@top-center|@bottom-center/);
    expect(furniture(none.html)).toContain('@top-left{content:"Plain brief";');
    expect(furniture(none.html)).toMatch(/@top-right\{content:"\d{1,2} [A-Z][a-z]+ \d{4}";/);
    expect(furniture(none.html)).toMatch(/@bottom-left\{content:"Brief \d+ · revision \d+";/);
    expect(furniture(none.html)).toContain('@bottom-right{content:"Page " counter(page) " of " counter(pages);');
    const tlp = await briefWith([paragraphNode([textNode('x')])], { marking: 'TLP:RED' });
    for (const box of ['@top-center', '@bottom-center']) {
      expect(furniture(tlp.html)).toMatch(
        new RegExp(`${box}\\{content:"TLP:RED";[^}]*background:#000000;color:#FF2B2B`),
      );
    }
    // Chromium's own header and footer would be drawn over the margin boxes: the options carry none.
    expect(Object.keys(tlp.pdfOptions).sort()).toEqual(['margins', 'outline', 'pageSize', 'printBackground', 'tagged']);
  });

  it('cuts a very long running title and writes any text as a safe CSS string', async () => {
    const doc = await briefWith([paragraphNode([textNode('x')])], { title: `${'Long title '.repeat(20)}end` });
    const title = /@top-left\{content:"([^"]*)";/.exec(furniture(doc.html))![1]!;
    expect(title.length).toBeLessThanOrEqual(110);
    expect(title.endsWith('…')).toBe(true);
    expect(cssString('a"b\\c</style>\nd\'')).toBe('"a\\22 b\\5c c\\3c /style\\3e \\a d\\27 "');
    expect(cssString('שלום · 2026')).toBe('"שלום · 2026"');
  });
});
