// @vitest-environment jsdom
// Hostile clipboard and drop content never puts anything executable into a brief:
// every payload of the shared hostile corpus is pasted into a real editor, and the page and the
// saved document are searched for scripts, event handlers, frames and javascript:/data:/vbscript:
// links. Safe content (text, formatting, http links, claim cards) still comes through.
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { act } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { walkNodes, type SerializedDocument } from '../../../shared/briefs/document';
import { isAllowedLinkUrl } from '../../../renderer/editor/linkUrl';
import {
  LEXICAL_CLIPBOARD_MIME,
  sanitizeClipboardHtml,
  sanitizeLexicalClipboardJson,
} from '../../../renderer/editor/sanitizeClipboard';
import { HOSTILE_PAYLOADS } from '../../fixtures/hostile/payloads';
import { installLibrary, mountBriefEditor, settle, type MountedEditor, type TestLibrary } from './harness';

const EXECUTABLE =
  'script, iframe, frame, object, embed, svg, math, style, link, meta, base, img, video, audio, source, form, input, button[formaction], template, noscript';
const BAD_SCHEME = /^\s*(javascript|vbscript|data|file|blob):/i;

let library: TestLibrary;
let mounted: MountedEditor;
let editor: LexicalEditor;

beforeAll(async () => {
  library = installLibrary();
  const brief = await library.invoke('briefs.create', { title: 'Paste target', template: 'empty' });
  mounted = await mountBriefEditor({ briefId: brief.id, onCitationClick: () => {} });
  editor = mounted.editor;
  window.alert = () => {
    throw new Error('alert() ran: pasted content executed');
  };
});

afterAll(async () => {
  await mounted.unmount();
  library.close();
});

beforeEach(async () => {
  await act(async () =>
    editor.update(
      () => {
        const paragraph = $createParagraphNode();
        $getRoot().clear().append(paragraph);
        paragraph.select();
      },
      { discrete: true },
    ),
  );
});

function clipboard(data: Record<string, string>): Pick<DataTransfer, 'getData' | 'types'> {
  return { getData: (type: string) => data[type] ?? '', types: Object.keys(data) };
}

/** Pastes as the browser does: a paste event on the editor's root element. */
async function paste(data: Record<string, string>): Promise<void> {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: clipboard(data) });
  await act(async () => {
    editor.getRootElement()!.dispatchEvent(event);
  });
  await settle();
}

function documentJson(): SerializedDocument {
  return editor.getEditorState().toJSON() as unknown as SerializedDocument;
}

/** Everything that would make the brief run code or load something, in the page and in the saved JSON. */
function dangers(): string[] {
  const found: string[] = [];
  const root = editor.getRootElement()!;
  for (const el of root.querySelectorAll(EXECUTABLE)) found.push(`element <${el.tagName.toLowerCase()}>`);
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`event attribute ${attr.name}`);
      if (/PWNED/.test(attr.value)) found.push(`attribute ${attr.name}=${attr.value}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name) && BAD_SCHEME.test(attr.value))
        found.push(`${attr.name}=${attr.value}`);
    }
    if (el instanceof HTMLAnchorElement && el.getAttribute('href') && !isAllowedLinkUrl(el.getAttribute('href')))
      found.push(`link to ${el.getAttribute('href')}`);
  }
  const json = documentJson();
  for (const node of walkNodes(json.root)) {
    if ((node.type === 'link' || node.type === 'autolink') && !isAllowedLinkUrl(node.url))
      found.push(`saved link to ${String(node.url)}`);
    if (typeof node.style === 'string' && node.style !== '') found.push(`saved style ${node.style}`);
  }
  if (/javascript:|vbscript:|data:text/i.test(JSON.stringify(json))) found.push('a script URL in the saved document');
  return found;
}

function text(): string {
  return editor
    .getEditorState()
    .read(() => $getRoot().getTextContent())
    .replace(/\s+/g, ' ');
}

describe('pasting hostile HTML', () => {
  it.each(HOSTILE_PAYLOADS.map((p) => [p.name, p] as const))(
    '%s: nothing executable arrives, the visible text does',
    async (_name, payload) => {
      await paste({ 'text/html': payload.html, 'text/plain': payload.visible.join('\n') });
      expect(dangers()).toEqual([]);
      // Nothing a reader could not see arrives as text either (hidden, never rendered, smuggled).
      expect(text()).not.toContain('PWNED');
      const shown = text().replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
      // Visible text survives (it may be split into paragraphs; compare the first words).
      expect(shown).toContain(
        payload.visible[0]!.replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
          .split(' ')
          .slice(0, 2)
          .join(' '),
      );
    },
  );

  it('safe content keeps its structure: formatting, headings, lists and http/mailto links', async () => {
    await paste({
      'text/html':
        '<h2>Assessment</h2><p>Plain <b>bold</b> <i>italic</i> <a href="https://example.org/a">web link</a> ' +
        '<a href="mailto:desk@example.org">mail link</a></p><ul><li>one</li><li>two</li></ul>',
      'text/plain': 'Assessment',
    });
    expect(dangers()).toEqual([]);
    const json = JSON.stringify(documentJson());
    expect(json).toContain('"url":"https://example.org/a"');
    expect(json).toContain('"url":"mailto:desk@example.org"');
    expect(json).toContain('"type":"heading"');
    expect(json).toContain('"type":"list"');
    expect(editor.getRootElement()!.querySelector('a[href="https://example.org/a"]')).not.toBeNull();
  });

  it('a claim card copied from another brief pastes as a card (by its id), not as text', async () => {
    await paste({
      'text/html': '<p>Before</p><div data-claim-id="12">Some statement text</div><p>After</p>',
      'text/plain': 'x',
    });
    const types = documentJson().root.children.map((c) => c.type);
    expect(types).toContain('claim-card');
    expect(JSON.stringify(documentJson())).toContain('"claimId":12');
    expect(text()).not.toContain('Some statement text');
  });
});

/** The text of `html` as the library stores it when it is imported as an .html file. */
async function importedText(html: string): Promise<string> {
  const { sourceId } = await library.invoke('sources.import', {
    content: { base64: Buffer.from(`<!doctype html><body>${html}</body>`).toString('base64'), fileName: 'page.html' },
  });
  return (await library.invoke('sources.get', { sourceId })).text.replace(/\s+/g, ' ');
}

describe('pasting and importing agree on what a reader could see (one rule, shared/visibility)', () => {
  // Each was once judged one way by the import extractor and the other by the paste sanitizer,
  // or slipped past both; the reader of the page sees none of them.
  const HIDDEN: Array<[string, string]> = [
    ['an off-screen span (import used to keep it)', '<span style="position: absolute; left: -9999px">PWNED</span>'],
    ['text indented off-screen (import used to keep it)', '<span style="text-indent: -9999px">PWNED</span>'],
    ['aria-hidden in upper case (paste used to keep it)', '<span aria-hidden="TRUE">PWNED</span>'],
    ['a zero font size in em (paste used to keep it)', '<span style="font-size: 0em">PWNED</span>'],
    ['a button label (paste used to keep it)', '<button>PWNED</button>'],
    ["an object's fallback content (paste used to keep it)", '<object>PWNED</object>'],
    ['an escaped keyword (both used to keep it)', '<span style="display: n\\one">PWNED</span>'],
    [
      'a clip to nothing (both used to keep it)',
      '<span style="position: absolute; clip: rect(1px, 1px, 1px, 1px)">PWNED</span>',
    ],
    ['transparent text (both used to keep it)', '<span style="color: transparent">PWNED</span>'],
  ];
  it.each(HIDDEN)('%s: left out of the brief and of the imported source', async (_name, hidden) => {
    const html = `<p>Visible first paragraph.</p><p>Shown ${hidden} beside it.</p>`;
    await paste({ 'text/html': html, 'text/plain': 'Visible first paragraph.\nShown beside it.' });
    for (const [path, seen] of [
      ['pasted', text()],
      ['imported', await importedText(html)],
    ] as const) {
      expect(seen, path).toContain('Visible first paragraph.');
      expect(seen, path).toContain('Shown beside it.');
      expect(seen, path).not.toContain('PWNED');
    }
  });

  const SHOWN: Array<[string, string]> = [
    ['half opacity', '<span style="opacity: 0.5">seen words</span>'],
    ['a small negative offset', '<span style="position: relative; left: -10px">seen words</span>'],
    ['a small font', '<span style="font-size: 0.6em">seen words</span>'],
    ['aria-hidden="false"', '<span aria-hidden="false">seen words</span>'],
    ['gradient text', '<span style="color: transparent; background-clip: text">seen words</span>'],
    ['a comment splitting the property name', '<span style="dis/**/play: none">seen words</span>'],
  ];
  it.each(SHOWN)('%s: kept by both', async (_name, shown) => {
    const html = `<p>Visible first paragraph.</p><p>Shown ${shown} beside it.</p>`;
    await paste({ 'text/html': html, 'text/plain': 'Visible first paragraph.\nShown seen words beside it.' });
    expect(text()).toContain('Shown seen words beside it.');
    expect(await importedText(html)).toContain('Shown seen words beside it.');
  });
});

describe('pasting hostile Lexical clipboard JSON', () => {
  it('a javascript: link in application/x-lexical-editor is unwrapped; its text is kept', async () => {
    const nodes = [
      {
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: 'color:red',
        children: [
          {
            type: 'link',
            version: 1,
            url: "javascript:alert('PWNED')",
            rel: null,
            target: '_top',
            title: null,
            direction: null,
            format: '',
            indent: 0,
            children: [
              {
                type: 'text',
                version: 1,
                text: 'click me',
                format: 0,
                detail: 0,
                mode: 'normal',
                style: 'background:url(http://127.0.0.1:9/x)',
              },
            ],
          },
          {
            type: 'link',
            version: 1,
            url: 'data:text/html,<script>alert(1)</script>',
            rel: null,
            target: null,
            title: null,
            direction: null,
            format: '',
            indent: 0,
            children: [{ type: 'text', version: 1, text: ' and me', format: 0, detail: 0, mode: 'normal', style: '' }],
          },
        ],
      },
    ];
    await paste({
      [LEXICAL_CLIPBOARD_MIME]: JSON.stringify({ namespace: 'briefing-composer', nodes }),
      'text/plain': 'click me and me',
    });
    expect(dangers()).toEqual([]);
    expect(text()).toContain('click me and me');
  });

  it('the JSON sanitizer unwraps disallowed links and drops inline styles', () => {
    const out = JSON.parse(
      sanitizeLexicalClipboardJson(
        JSON.stringify({
          namespace: 'x',
          nodes: [{ type: 'link', url: 'vbscript:x', children: [{ type: 'text', text: 'a', style: 'color:red' }] }],
        }),
      )!,
    ) as { nodes: unknown };
    expect(out.nodes).toEqual([{ type: 'text', text: 'a', style: '' }]);
    expect(sanitizeLexicalClipboardJson('not json')).toBeNull();
  });
});

describe('dropping hostile HTML from another app', () => {
  it('an insertFromDrop with hostile HTML is sanitized like a paste', async () => {
    const event = {
      inputType: 'insertFromDrop',
      data: null,
      dataTransfer: clipboard({
        'text/html': '<p>Dropped <a href="javascript:alert(1)">text</a><img src=x onerror="alert(1)"></p>',
        'text/plain': 'Dropped text',
      }),
    };
    await act(async () => {
      editor.update(() => {
        const selection = $getSelection();
        if ($isRangeSelection(selection))
          editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, event as unknown as InputEvent);
      });
    });
    await settle();
    expect(dangers()).toEqual([]);
    expect(text()).toContain('Dropped text');
  });
});

describe('sanitizeClipboardHtml', () => {
  it.each(HOSTILE_PAYLOADS.map((p) => [p.name, p] as const))(
    '%s: no script, handler, frame or script URL survives',
    (_name, payload) => {
      const clean = sanitizeClipboardHtml(payload.html);
      expect(clean).not.toMatch(
        /<(script|iframe|frame|object|embed|svg|math|style|img|form|input|link|meta|base|template|noscript)\b/i,
      );
      expect(clean).not.toMatch(/\son\w+\s*=/i);
      expect(clean).not.toMatch(/(javascript|vbscript|data):/i);
      expect(clean).not.toMatch(/\sstyle\s*=/i);
    },
  );
});
