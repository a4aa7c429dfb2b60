// Links in a brief are http, https or mailto, and nothing else gets through the link dialog, the
// LinkPlugin or the LinkNode guard.
import { $createLinkNode } from '@lexical/link';
import { $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { documentOf, paragraphNode, textNode } from '../../../shared/briefs/document';
import { isAllowedLinkUrl, validateLinkUrl } from '../../../renderer/editor/linkUrl';
import { BRIEF_NODES } from '../../../renderer/editor/nodes';
import { registerLinkGuard } from '../../../renderer/editor/plugins/SafeLinkPlugin';

describe('validateLinkUrl (the link dialog)', () => {
  it.each([
    ['https://example.org/report?id=3#p2', 'https://example.org/report?id=3#p2'],
    ['http://example.org', 'http://example.org/'],
    ['  HTTPS://Example.org/x  ', 'https://example.org/x'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['example.org/path', 'https://example.org/path'],
    ['news.example.co.uk', 'https://news.example.co.uk/'],
    ['localhost:8080/x', 'https://localhost:8080/x'],
    ['analyst@example.org', 'mailto:analyst@example.org'],
  ])('accepts %j as %j', (input, url) => {
    expect(validateLinkUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/x',
    'tel:+15551234',
    'blob:https://example.org/123',
    'about:blank',
    '',
    '   ',
    'not a url',
    'http://',
    '/relative/path',
    '#fragment',
  ])('refuses %j with a sentence', (input) => {
    const result = validateLinkUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/\w.*\./);
  });

  it('names the refused scheme so the analyst knows why', () => {
    expect(validateLinkUrl('javascript:alert(1)')).toEqual({
      ok: false,
      message: '“javascript:” links are not allowed. Use an http, https or mailto address.',
    });
  });
});

describe('isAllowedLinkUrl (stored URLs)', () => {
  it('allows only absolute http, https and mailto URLs', () => {
    expect(isAllowedLinkUrl('https://example.org/')).toBe(true);
    expect(isAllowedLinkUrl('mailto:a@b.org')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:x',
      'data:,x',
      'vbscript:x',
      '/next',
      'example.org',
      'https://exa mple.org',
      'java\nscript:x',
      null,
      42,
    ]) {
      expect(isAllowedLinkUrl(bad)).toBe(false);
    }
  });
});

describe('the LinkNode guard', () => {
  function newEditor(): LexicalEditor {
    return createEditor({
      namespace: 't',
      nodes: BRIEF_NODES,
      onError: (e) => {
        throw e;
      },
    });
  }
  const link = (url: string, text: string) => ({
    type: 'link',
    version: 1,
    url,
    rel: null,
    target: null,
    title: null,
    children: [textNode(text)],
    direction: null,
    format: '',
    indent: 0,
  });

  it('unwraps a javascript: link in a stored brief when the editor opens, keeping its text', async () => {
    const editor = newEditor();
    const doc = documentOf([
      paragraphNode([
        textNode('See '),
        link('javascript:alert(1)', 'this'),
        textNode(' and '),
        link('https://example.org/', 'that'),
      ]),
    ]);
    editor.setEditorState(editor.parseEditorState(JSON.stringify(doc)));
    expect(JSON.stringify(editor.getEditorState().toJSON())).toContain('javascript:');
    // As in the app: the guard registers after the brief is loaded, and runs on existing links.
    registerLinkGuard(editor);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const json = JSON.stringify(editor.getEditorState().toJSON());
    expect(json).not.toContain('javascript:');
    expect(json).toContain('https://example.org/');
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('See this and that');
  });

  it('unwraps a disallowed link created by an edit (paste, JSON import, program)', () => {
    const editor = newEditor();
    registerLinkGuard(editor);
    editor.setEditorState(editor.parseEditorState(JSON.stringify(documentOf([paragraphNode([textNode('x')])]))));
    editor.update(
      () => {
        const p = $getRoot().getFirstChildOrThrow() as unknown as { append: (...n: unknown[]) => void };
        p.append($createLinkNode('data:text/html,<script>alert(1)</script>').append($createTextNode(' bad')));
        p.append($createLinkNode('mailto:desk@example.org').append($createTextNode(' good')));
      },
      { discrete: true },
    );
    const json = JSON.stringify(editor.getEditorState().toJSON());
    expect(json).not.toContain('data:text');
    expect(json).toContain('mailto:desk@example.org');
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('x bad good');
  });
});
