import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  extractText,
  detectFormat,
  MAX_SOURCE_BYTES,
  type ExtractInput,
} from '../../../electron/services/sources/extractText';
import { AppError } from '../../../shared/api/errors';
import { FORBIDDEN_IN_TEXT, HOSTILE_PAYLOADS } from '../../fixtures/hostile/payloads';
import { RTL_ARTICLE } from '../../fixtures/rtl/arabicHebrew';
import { startTrapServer, type TrapServer } from '../../helpers/trapServer';

// Counts every HTML parse, so tests can prove which inputs never reach jsdom.
const domParses = vi.hoisted(() => ({ count: 0 }));
vi.mock('jsdom', async (importOriginal) => {
  const jsdom = await importOriginal<typeof import('jsdom')>();
  class CountingJSDOM extends jsdom.JSDOM {
    constructor(...args: ConstructorParameters<typeof jsdom.JSDOM>) {
      super(...args);
      const Parser = this.window.DOMParser;
      this.window.DOMParser = class extends Parser {
        override parseFromString(...parseArgs: Parameters<DOMParser['parseFromString']>) {
          domParses.count++;
          return super.parseFromString(...parseArgs);
        }
      };
    }
  }
  return { ...jsdom, JSDOM: CountingJSDOM };
});

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The AppError `run` throws (failing the test if it throws nothing or something else). */
function appErrorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

const ARTICLE_PAGE = `<!doctype html>
<html lang="en-gb">
<head>
  <title>Grain prices climb after export ban | The Example Times</title>
  <meta property="og:title" content="Grain prices climb after export ban">
  <meta property="og:site_name" content="The Example Times">
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2024-03-05T10:30:00+01:00">
  <style>.nav { color: red }</style>
  <script>window.analytics = "tracking-code";</script>
</head>
<body>
  <nav class="site-nav"><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
  <article>
    <h1>Grain prices climb after export ban</h1>
    <p>Wheat futures rose sharply on Tuesday after the government announced an export ban, according to
      <a href="https://example.org/report">a ministry report</a> published in the capital. Traders said the
      move had been expected for weeks, but its timing surprised the market.</p>
    <img src="chart.png" alt="A chart of prices">
    <h2>What analysts expect</h2>
    <p>Most analysts expect prices to stay high until the next harvest. Some warn that the ban could be
      extended if the drought continues into the spring, which would tighten supply across the region.</p>
    <ul><li>Wheat up 12 percent</li><li>Maize up 4 percent</li></ul>
    <table><tr><th>Crop</th><th>Change</th></tr><tr><td>Wheat</td><td>+12%</td></tr></table>
    <p>Officials declined to say how long the ban would last. A spokesperson said the decision would be
      reviewed at the end of the quarter, taking into account domestic stocks and world prices.</p>
  </article>
  <footer class="site-footer">Copyright The Example Times. All rights reserved. Privacy policy.</footer>
</body>
</html>`;

describe('extractText: plain text', () => {
  it('returns the text normalized, with no title or other metadata', () => {
    const result = extractText({ bytes: utf8('First  line\r\n\r\n\r\n\r\nSecond\tline  \n'), fileName: 'notes.txt' });
    expect(result).toEqual({
      text: 'First line\n\nSecond line',
      format: 'text',
      title: null,
      author: null,
      publisher: null,
      publishedAt: null,
      language: null,
      warnings: [],
    });
  });

  it('keeps characters that look like Markdown or HTML as they are', () => {
    const result = extractText({ text: '# not a heading\n*not emphasis* and a <b>tag</b> in prose' });
    expect(result.format).toBe('text');
    expect(result.text).toBe('# not a heading\n*not emphasis* and a <b>tag</b> in prose');
  });

  it('never parses plain text as HTML, however large', () => {
    const line = 'The quick brown fox jumps over the lazy dog; analysts read it twice.\n';
    const bytes = utf8(line.repeat(Math.floor((10 * 1024 * 1024) / line.length)));
    const before = domParses.count;
    const result = extractText({ bytes, fileName: 'big.txt' });
    // No DOM was built (that would take jsdom tens of seconds); speed itself is the bench's business.
    expect(domParses.count).toBe(before);
    expect(result.text.length).toBeGreaterThan(10_000_000);
  });
});

describe('extractText: HTML', () => {
  const result = extractText({ bytes: utf8(ARTICLE_PAGE), fileName: 'grain.html' });

  it('keeps the article text and drops navigation, footer, scripts, styles and images', () => {
    expect(result.format).toBe('html');
    expect(result.text).toContain('Wheat futures rose sharply on Tuesday');
    expect(result.text).toContain('Officials declined to say how long the ban would last.');
    expect(result.text).not.toContain('Business');
    expect(result.text).not.toContain('Privacy policy');
    expect(result.text).not.toContain('tracking-code');
    expect(result.text).not.toContain('color: red');
    expect(result.text).not.toContain('A chart of prices');
    expect(result.warnings).toEqual([]);
  });

  it('writes links as their text only, with no URL', () => {
    expect(result.text).toContain('according to a ministry report published in the capital.');
    expect(result.text).not.toContain('example.org');
    expect(result.text).not.toContain('[');
  });

  it('keeps headings as plain lines in their own case, paragraphs apart, list items and table rows on their own lines', () => {
    expect(result.text).toContain('\n\nWhat analysts expect\n\nMost analysts expect');
    expect(result.text).toContain('\n• Wheat up 12 percent\n• Maize up 4 percent\n');
    expect(result.text).toContain('\nCrop | Change\nWheat | +12%\n');
    expect(result.text).toMatch(/the market\.\n\nWhat analysts/);
  });

  it('does not wrap long paragraphs', () => {
    expect(result.text).toContain(
      'Most analysts expect prices to stay high until the next harvest. Some warn that the ban could be extended if the drought continues into the spring, which would tighten supply across the region.',
    );
  });

  it('reads title, author, publisher, published date and language from the page', () => {
    expect(result.title).toBe('Grain prices climb after export ban');
    expect(result.author).toBe('Jane Doe');
    expect(result.publisher).toBe('The Example Times');
    expect(result.publishedAt).toBe('2024-03-05T09:30:00.000Z');
    expect(result.language).toBe('en-GB');
  });

  it('takes the date from <time datetime> and the title from <title> when there are no meta tags', () => {
    const page = extractText({
      text: '<html lang="fr"><head><title>Note de synthèse</title></head><body><p>Publié le <time datetime="2023-11-20">20 novembre</time>.</p></body></html>',
    });
    expect(page.title).toBe('Note de synthèse');
    expect(page.publishedAt).toBe('2023-11-20');
    expect(page.language).toBe('fr');
    expect(page.text).toBe('Publié le 20 novembre.');
  });

  it('reads author, publisher and date from JSON-LD when the page has no meta tags for them', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harbour reopens',
      datePublished: '2022-07-01T08:00:00Z',
      author: { '@type': 'Person', name: 'Omar Haddad' },
      publisher: { '@type': 'Organization', name: 'Coastal Herald' },
    });
    const page = extractText({
      text: `<html><head><title>Harbour reopens</title></head><body><script type="application/ld+json">${jsonLd}</script><article><p>${'The harbour reopened to shipping on Friday after repairs. '.repeat(12)}</p></article></body></html>`,
      format: 'html',
    });
    expect(page.author).toBe('Omar Haddad');
    expect(page.publisher).toBe('Coastal Herald');
    expect(page.publishedAt).toBe('2022-07-01T08:00:00.000Z');
    expect(page.text).not.toContain('schema.org');
  });

  it('falls back to the whole page, with a warning, when the article found is too small a part of it', () => {
    // Readability always drops <aside>, leaving 13 characters of a 1,000-character page.
    const aside = 'Background material that only sits in an aside. '.repeat(20).trim();
    const page = extractText({ text: `<body><p>A short note.</p><aside>${aside}</aside></body>`, format: 'html' });
    expect(page.text).toBe(`A short note.\n\n${aside}`);
    expect(page.warnings).toEqual([
      expect.stringContaining(
        'No main article could be picked out of the page, so the text of the whole page was imported',
      ),
    ]);
  });

  it('takes a page too deeply nested for Readability whole, with a warning', () => {
    const page = extractText({
      text: `${'<div>'.repeat(101)}<p>Deep but fine.</p>${'</div>'.repeat(101)}`,
      format: 'html',
    });
    expect(page.text).toBe('Deep but fine.');
    expect(page.warnings).toEqual([expect.stringContaining('too deeply nested to pick out its main article')]);
  });

  it('refuses a page with no readable text', () => {
    const error = appErrorOf(() =>
      extractText({
        bytes: utf8('<html><head><script>document.write("hi")</script></head><body><img src="a.png"></body></html>'),
        fileName: 'app.html',
      }),
    );
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.message).toContain('"app.html" has no readable text');
  });

  it('refuses markup with more elements than it can hold in memory, before parsing it', () => {
    const before = domParses.count;
    const error = appErrorOf(() => extractText({ text: '<b>x</b>'.repeat(150_001), format: 'html' }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('150,000 HTML elements');
    expect(domParses.count).toBe(before);
  });

  it('refuses nesting deeper than browsers build, instead of overflowing the stack', () => {
    for (const depth of [600, 100_000]) {
      const error = appErrorOf(() =>
        extractText({ text: `${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`, format: 'html' }),
      );
      expect(error.code).toBe('UNSUPPORTED_FILE');
      expect(error.message).toContain('nested too deeply');
    }
  });
});

describe('extractText: Markdown', () => {
  const source = [
    'Intro line before the title.',
    '',
    '# Field *report* from the north',
    '',
    'The convoy arrived at **dawn**; see [the log](javascript:alert(1)) and ![a photo](photo.jpg).',
    '',
    '## Observations',
    '',
    '- Road open',
    '- Bridge damaged',
    '',
    '1. First step',
    '2. Second step',
    '',
    '> Quoted witness statement.',
    '',
    '| Place | Status |',
    '|-------|--------|',
    '| Ford  | closed |',
    '',
    '`inline <code>` stays literal.',
  ].join('\n');

  it('renders the whole Markdown as plain text, with the first # heading as title', () => {
    const result = extractText({ bytes: utf8(source), fileName: 'report.md' });
    expect(result.format).toBe('markdown');
    expect(result.title).toBe('Field report from the north');
    expect(result.text).toBe(
      [
        'Intro line before the title.',
        '',
        'Field report from the north',
        '',
        'The convoy arrived at dawn; see the log and .',
        '',
        'Observations',
        '',
        '• Road open',
        '• Bridge damaged',
        '',
        '1. First step',
        '2. Second step',
        '',
        'Quoted witness statement.',
        '',
        'Place | Status',
        'Ford | closed',
        '',
        'inline <code> stays literal.',
      ].join('\n'),
    );
  });

  it('has no title when there is no # heading', () => {
    expect(extractText({ text: '## Only a subheading\n\nBody.', format: 'markdown' }).title).toBeNull();
  });

  it('cleans raw HTML inside Markdown like a web page', () => {
    const result = extractText({
      text: '# Notes\n\nVisible paragraph.\n\n<script>alert("PWNED")</script>\n\n<div style="display:none">PWNED hidden</div>\n\n<p onclick="alert(1)">Visible raw HTML.</p>',
      fileName: 'notes.markdown',
    });
    expect(result.title).toBe('Notes');
    expect(result.text).toBe('Notes\n\nVisible paragraph.\n\nVisible raw HTML.');
  });

  it('does not build a DOM for Markdown without raw HTML', () => {
    const before = domParses.count;
    extractText({ bytes: utf8(source), fileName: 'report.md' });
    expect(domParses.count).toBe(before);
  });
});

describe('format detection', () => {
  it('goes by extension, in any case', () => {
    expect(detectFormat('a.txt', 'x')).toBe('text');
    expect(detectFormat('a.TEXT', 'x')).toBe('text');
    expect(detectFormat('a.md', 'x')).toBe('markdown');
    expect(detectFormat('a.Markdown', 'x')).toBe('markdown');
    expect(detectFormat('a.html', '<p>x</p>')).toBe('html');
    expect(detectFormat('C:\\docs\\a.HTM', '<p>x</p>')).toBe('html');
    expect(detectFormat('/docs/a.xhtml', '<p>x</p>')).toBe('html');
  });

  it('reads an unknown extension, or no name, as text unless the content is an HTML document', () => {
    expect(detectFormat('data.csv', 'a,b\n1,2')).toBe('text');
    expect(detectFormat(undefined, '# looks like markdown')).toBe('text');
    expect(detectFormat(undefined, '  <!-- saved --><!DOCTYPE html><html><body>x</body></html>')).toBe('html');
  });

  it('reads a .txt or .md that holds an HTML document as HTML, and says so', () => {
    for (const start of [
      '<!doctype html>',
      '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
      '\n\n<HTML lang="en">',
      '<body>',
    ]) {
      expect(detectFormat('saved.txt', `${start}<p>Hello</p>`)).toBe('html');
    }
    const result = extractText({
      bytes: utf8(
        '<!DOCTYPE html><html><head><title>Saved page</title></head><body><p>Hello from a page.</p></body></html>',
      ),
      fileName: 'saved.txt',
    });
    expect(result.format).toBe('html');
    expect(result.text).toBe('Hello from a page.');
    expect(result.warnings).toContain(
      '"saved.txt" is named like a text file but contains an HTML document, so it was read as HTML.',
    );
    expect(detectFormat('page.md', '<!doctype html><p>x</p>')).toBe('html');
  });

  it('keeps a .txt that only mentions tags as text', () => {
    expect(detectFormat('howto.txt', 'Put <body> after </head> in your page.')).toBe('text');
  });

  it('reads an .html with no tags at all as text, and says so', () => {
    const result = extractText({
      bytes: utf8('Just words.\n\nNo markup & nothing else.'),
      fileName: 'empty-shell.html',
    });
    expect(result.format).toBe('text');
    expect(result.text).toBe('Just words.\n\nNo markup & nothing else.');
    expect(result.warnings).toEqual(['"empty-shell.html" contains no HTML tags, so it was read as plain text.']);
  });

  it('lets an explicit format win over the extension and the content', () => {
    const result = extractText({
      text: '<!doctype html><p>Shown as source</p>',
      fileName: 'page.html',
      format: 'text',
    });
    expect(result.format).toBe('text');
    expect(result.text).toBe('<!doctype html><p>Shown as source</p>');
    expect(result.warnings).toEqual([]);
  });
});

describe('decoding', () => {
  it('strips a UTF-8 byte-order mark', () => {
    const result = extractText({ bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Café')]), fileName: 'bom.txt' });
    expect(result.text).toBe('Café');
  });

  it('decodes UTF-16 little- and big-endian with a byte-order mark', () => {
    const text = 'Résumé: שלום, مرحبا, 日本 😀';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    be[0] = 0xfe;
    be[1] = 0xff;
    expect(extractText({ bytes: le, fileName: 'le.txt' }).text).toBe(text);
    expect(extractText({ bytes: be, fileName: 'be.txt' }).text).toBe(text);
  });

  it('refuses invalid UTF-8 rather than guess (no mojibake)', () => {
    const latin1 = Buffer.from('Café au lait, naïve façade', 'latin1');
    const error = appErrorOf(() => extractText({ bytes: latin1, fileName: 'legacy.txt' }));
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.message).toContain('"legacy.txt" is not UTF-8 text');
    expect(error.message).toContain('save it as UTF-8');
  });

  it('refuses UTF-16 without a byte-order mark with a hint', () => {
    const error = appErrorOf(() =>
      extractText({ bytes: Buffer.from('Hello, world', 'utf16le'), fileName: 'nobom.txt' }),
    );
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.message).toContain('UTF-16 text without a byte-order mark');
  });

  it('names what a binary file looks like', () => {
    const cases: Array<[string, number[], string]> = [
      ['report.txt', [...utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj')], 'looks like a PDF; export it as text or HTML first'],
      ['photo.txt', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'looks like a PNG image'],
      ['photo.html', [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46], 'looks like a JPEG image'],
      ['anim.md', [...utf8('GIF89a'), 1, 0, 1, 0], 'looks like a GIF image'],
      [
        'memo.txt',
        [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, ...utf8('word/document.xml')],
        'looks like a Word document (.docx)',
      ],
      ['sheet.txt', [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, ...utf8('xl/workbook.xml')], 'looks like an Excel workbook'],
      ['bundle.txt', [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, ...utf8('data.csv')], 'looks like a ZIP archive'],
      ['old.txt', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], 'looks like an older Office document'],
      ['prog.txt', [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0], 'looks like a binary file'],
    ];
    for (const [fileName, bytes, message] of cases) {
      const error = appErrorOf(() => extractText({ bytes: new Uint8Array(bytes), fileName }));
      expect(error.code, fileName).toBe('UNSUPPORTED_FILE');
      expect(error.message, fileName).toContain(`"${fileName}" ${message}`);
    }
  });

  it('refuses valid UTF-8 that is mostly control characters', () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x41 : 1 + (i % 7)));
    const error = appErrorOf(() => extractText({ bytes, fileName: 'blob.txt' }));
    expect(error.message).toContain('looks like a binary file');
  });

  it('refuses an empty or blank file', () => {
    for (const bytes of [new Uint8Array(0), utf8('  \n\t\r\n  '), new Uint8Array([0xef, 0xbb, 0xbf])]) {
      const error = appErrorOf(() => extractText({ bytes }));
      expect(error.code).toBe('UNSUPPORTED_FILE');
      expect(error.message).toContain('The file is empty');
    }
    expect(appErrorOf(() => extractText({ bytes: new Uint8Array(0), fileName: 'x.txt' })).message).toContain(
      'The file "x.txt" is empty',
    );
    expect(appErrorOf(() => extractText({ text: '   ' })).message).toContain('The text is empty');
  });

  it('refuses a file over the size limit, naming the limit', () => {
    expect(MAX_SOURCE_BYTES).toBe(25 * 1024 * 1024);
    // Zero bytes would also be refused as binary: the size is checked first.
    const error = appErrorOf(() => extractText({ bytes: new Uint8Array(MAX_SOURCE_BYTES + 1), fileName: 'huge.txt' }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('"huge.txt" is 25.1 MB');
    expect(error.message).toContain('25 MB');
  });

  it('refuses pasted text over the size limit, counted in UTF-8', () => {
    // 8.7 M CJK characters take 17.5 MB as a JavaScript string, but 26.2 MB as UTF-8.
    const error = appErrorOf(() => extractText({ text: '日'.repeat(Math.ceil(MAX_SOURCE_BYTES / 3) + 1) }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('25 MB');
  });

  it('refuses input that is both or neither of bytes and text', () => {
    expect(appErrorOf(() => extractText({ bytes: utf8('a'), text: 'a' })).code).toBe('INVALID_INPUT');
    expect(appErrorOf(() => extractText({} as ExtractInput)).code).toBe('INVALID_INPUT');
    expect(appErrorOf(() => extractText({ text: 'a', format: 'pdf' as never })).code).toBe('INVALID_INPUT');
  });
});

describe('hostile HTML', () => {
  it('has a corpus of at least 30 payloads, each with visible text', () => {
    expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(HOSTILE_PAYLOADS.map((p) => p.name)).size).toBe(HOSTILE_PAYLOADS.length);
    for (const payload of HOSTILE_PAYLOADS) expect(payload.visible.length, payload.name).toBeGreaterThan(0);
  });

  describe.each(HOSTILE_PAYLOADS.map((payload) => [payload.name, payload] as const))('%s', (_name, payload) => {
    for (const [label, input] of [
      ['as an .html file', { bytes: utf8(payload.html), fileName: 'payload.html' }],
      ['as pasted HTML', { text: payload.html, format: 'html' }],
      ['inside Markdown', { text: `Markdown wrapper.\n\n${payload.html}\n`, format: 'markdown' }],
    ] as const) {
      it(`yields only its visible text ${label}`, () => {
        const result = extractText(input);
        for (const forbidden of FORBIDDEN_IN_TEXT)
          expect(result.text.toLowerCase()).not.toContain(forbidden.toLowerCase());
        for (const title of [result.title, result.author, result.publisher]) expect(title ?? '').not.toContain('PWNED');
        for (const visible of payload.visible) expect(result.text).toContain(visible);
      });
    }
  });

  describe('never touches the network', () => {
    let trap: TrapServer;

    beforeAll(async () => {
      trap = await startTrapServer('<p>PWNED fetched</p>');
    });
    afterAll(() => trap.close());

    it('loads no script, stylesheet, image, frame, object or refresh target', async () => {
      const page = `<!doctype html><html><head>
        <base href="${trap.origin}/base/">
        <meta http-equiv="refresh" content="0;url=${trap.origin}/refresh">
        <link rel="stylesheet" href="${trap.origin}/style.css"><link rel="preload" href="${trap.origin}/preload" as="fetch">
        <script src="${trap.origin}/script.js"></script>
        <style>@import url("${trap.origin}/import.css"); body { background: url("${trap.origin}/bg.png") }</style>
        </head><body background="${trap.origin}/body-bg.png">
        <p>Visible networked page.</p>
        <img src="${trap.origin}/img.png" srcset="${trap.origin}/img2.png 2x"><picture><source srcset="${trap.origin}/source.png"></picture>
        <iframe src="${trap.origin}/frame.html"></iframe><frameset><frame src="${trap.origin}/frame2.html"></frameset>
        <object data="${trap.origin}/object"></object><embed src="${trap.origin}/embed">
        <video poster="${trap.origin}/poster.png" src="${trap.origin}/video.mp4"></video><audio src="${trap.origin}/audio.mp3"></audio>
        <svg><image href="${trap.origin}/svg-image.png"/><use href="${trap.origin}/sprite.svg#x"/></svg>
        <input type="image" src="${trap.origin}/input.png"><link rel="import" href="${trap.origin}/import.html">
        <div style="background-image: url('${trap.origin}/inline-bg.png')">Visible styled block.</div>
        </body></html>`;
      const result = extractText({ bytes: utf8(page), fileName: 'networked.html' });
      expect(result.text).toContain('Visible networked page.');
      expect(result.text).toContain('Visible styled block.');
      // Anything jsdom would fetch is started asynchronously: give it time to show up.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(trap.requests).toEqual([]);
    });
  });
});

describe('right-to-left text', () => {
  const result = extractText({ bytes: utf8(RTL_ARTICLE.html), fileName: RTL_ARTICLE.fileName });

  it('comes out in logical order, paragraph by paragraph, in document order', () => {
    let previous = -1;
    for (const paragraph of RTL_ARTICLE.expected.paragraphs) {
      const at = result.text.indexOf(paragraph);
      expect(at, paragraph).toBeGreaterThan(previous);
      previous = at;
    }
    // Logical order: the text starts with the first letter typed, alef, not the last one painted on the left.
    expect(result.text.startsWith('ارتفعت')).toBe(true);
    expect(result.text).toContain('abc');
    expect(result.text).not.toContain('cba');
  });

  it('keeps RLM but no bidi override or isolate controls', () => {
    expect(result.text).toContain('2024\u200F,');
    expect(result.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('reads the title, language and publisher', () => {
    expect(result.title).toBe(RTL_ARTICLE.expected.title);
    expect(result.language).toBe(RTL_ARTICLE.expected.language);
    expect(result.publisher).toBe(RTL_ARTICLE.expected.publisher);
  });

  it('passes right-to-left plain text through unchanged', () => {
    const text = RTL_ARTICLE.expected.paragraphs.join('\n\n');
    expect(extractText({ bytes: utf8(text), fileName: 'rtl.txt' }).text).toBe(text);
  });
});
