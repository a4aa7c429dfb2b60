// @vitest-environment jsdom
// Copy and paste between briefs: exportDOM writes a card and a citation as plain elements that
// carry only their ids, and importDOM turns exactly those elements back into the same nodes.
import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import { $getRoot, $insertNodes, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  claimCardNode,
  collectReferences,
  documentOf,
  paragraphNode,
  textNode,
  type SerializedDocument,
} from '../../../shared/briefs/document';
import { BRIEF_NODES } from '../../../renderer/editor/nodes';

function newEditor(): LexicalEditor {
  return createEditor({
    namespace: 'test',
    nodes: BRIEF_NODES,
    onError: (e) => {
      throw e;
    },
  });
}

describe('exportDOM / importDOM', () => {
  it('a card and an inline citation survive HTML copy and paste into another brief', () => {
    const source = newEditor();
    const doc = documentOf([
      paragraphNode([textNode('Cited sentence'), { type: 'citation', version: 1, citationId: 31 }]),
      claimCardNode(17),
      paragraphNode([textNode('After')]),
    ]);
    source.setEditorState(source.parseEditorState(JSON.stringify(doc)));
    const html = source.getEditorState().read(() => $generateHtmlFromNodes(source, null));
    const dom = new DOMParser().parseFromString(html, 'text/html');
    const card = dom.querySelector('[data-claim-id]')!;
    expect(card.getAttribute('data-claim-id')).toBe('17');
    expect(card.getAttributeNames().filter((n) => n !== 'data-claim-id')).toEqual([]);
    expect(dom.querySelector('sup[data-citation-id="31"]')).not.toBeNull();

    const target = newEditor();
    target.update(
      () => {
        $getRoot().clear().selectEnd();
        $insertNodes($generateNodesFromDOM(target, dom));
      },
      { discrete: true },
    );
    const pasted = target.getEditorState().toJSON() as unknown as SerializedDocument;
    expect(collectReferences(pasted)).toEqual({ claimIds: [17], citationIds: [31] });
    expect(target.getEditorState().read(() => $getRoot().getTextContent())).not.toContain('Claim 17');
  });

  it('elements without an id are left to the other importers (a plain <sup> stays text)', () => {
    const editor = newEditor();
    const dom = new DOMParser().parseFromString('<p>E = mc<sup>2</sup></p><div>plain div</div>', 'text/html');
    editor.update(
      () => {
        $getRoot().clear().selectEnd();
        $insertNodes($generateNodesFromDOM(editor, dom));
      },
      { discrete: true },
    );
    const json = editor.getEditorState().toJSON() as unknown as SerializedDocument;
    expect(collectReferences(json)).toEqual({ claimIds: [], citationIds: [] });
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toContain('E = mc2');
  });
});
