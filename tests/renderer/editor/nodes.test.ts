// The brief's custom nodes survive a JSON round trip exactly in the shapes shared/briefs/document.ts
// declares, and the template every new brief starts from loads into the editor unchanged.
// Headless: no DOM, the same parse/export path the app's load and autosave use.
import { $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  claimCardNode,
  collectReferences,
  documentOf,
  paragraphNode,
  STANDARD_SECTIONS,
  templateDocument,
  textNode,
  type SerializedDocument,
} from '../../../shared/briefs/document';
import {
  $createCitationNode,
  $createClaimCardNode,
  $isCitationNode,
  $isClaimCardNode,
  BRIEF_NODES,
  type CitationNode,
  type ClaimCardNode,
} from '../../../renderer/editor/nodes';

function newEditor(): LexicalEditor {
  return createEditor({
    namespace: 'test',
    nodes: BRIEF_NODES,
    onError: (error) => {
      throw error;
    },
  });
}

/** Loads a document and exports it again, as reopening and saving a brief does. */
function roundTrip(document: SerializedDocument): SerializedDocument {
  const editor = newEditor();
  const state = editor.parseEditorState(JSON.stringify(document));
  editor.setEditorState(state);
  return editor.getEditorState().toJSON() as unknown as SerializedDocument;
}

describe('ClaimCardNode', () => {
  it('round-trips {type:"claim-card", version:1, claimId} exactly', () => {
    const input = documentOf([
      paragraphNode([textNode('Before the card.')]),
      claimCardNode(42),
      paragraphNode([textNode('After.')]),
    ]);
    const output = roundTrip(input);
    expect(output.root.children[1]).toStrictEqual({ type: 'claim-card', version: 1, claimId: 42 });
    expect(collectReferences(output)).toEqual({ claimIds: [42], citationIds: [] });
  });

  it('exportJSON stores only the claim id, and $create/$is agree', () => {
    const editor = newEditor();
    let json: unknown;
    editor.update(
      () => {
        const node = $createClaimCardNode(7);
        $getRoot().clear().append(node);
        expect($isClaimCardNode(node)).toBe(true);
        expect($isClaimCardNode($createCitationNode(7))).toBe(false);
        expect(node.getClaimId()).toBe(7);
        json = node.exportJSON();
      },
      { discrete: true },
    );
    expect(json).toStrictEqual({ type: 'claim-card', version: 1, claimId: 7 });
  });

  it('a card whose claim id is unreadable loads (as id 0) instead of losing the brief', () => {
    const input = documentOf([{ type: 'claim-card', version: 1, claimId: 'x' }, paragraphNode()]);
    const editor = newEditor();
    editor.setEditorState(editor.parseEditorState(JSON.stringify(input)));
    const id = editor.getEditorState().read(() => ($getRoot().getFirstChild() as ClaimCardNode).getClaimId());
    expect(id).toBe(0);
  });
});

describe('CitationNode', () => {
  it('round-trips {type:"citation", version:1, citationId} inline in a paragraph', () => {
    const citation = { type: 'citation', version: 1, citationId: 9 };
    const input = documentOf([
      paragraphNode([textNode('Troops massed at the border.'), citation, textNode(' Then more.')]),
    ]);
    const output = roundTrip(input);
    const paragraph = output.root.children[0]!;
    expect(paragraph.children?.map((c) => c.type)).toEqual(['text', 'citation', 'text']);
    expect(paragraph.children?.[1]).toStrictEqual(citation);
    expect(collectReferences(output)).toEqual({ claimIds: [], citationIds: [9] });
  });

  it('is inline, stores only the citation id, and $create/$is agree', () => {
    const editor = newEditor();
    editor.update(
      () => {
        const node: CitationNode = $createCitationNode(11);
        expect(node.isInline()).toBe(true);
        expect($isCitationNode(node)).toBe(true);
        expect($isCitationNode($createClaimCardNode(11))).toBe(false);
        expect(node.exportJSON()).toStrictEqual({ type: 'citation', version: 1, citationId: 11 });
      },
      { discrete: true },
    );
  });
});

describe('the brief template', () => {
  it('loads into the editor with its BLUF / Key judgments / Discussion / Outlook headings', () => {
    const editor = newEditor();
    editor.setEditorState(editor.parseEditorState(JSON.stringify(templateDocument('standard'))));
    const blocks = editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((node) => [node.getType(), node.getTextContent()]),
    );
    expect(blocks).toEqual(
      STANDARD_SECTIONS.flatMap((section) => [
        ['heading', section],
        ['paragraph', ''],
      ]),
    );
  });

  it('survives a save and reopen unchanged (reopening restores a brief exactly)', () => {
    for (const template of ['standard', 'empty'] as const) {
      const once = roundTrip(templateDocument(template));
      expect(once).toEqual(templateDocument(template));
      expect(roundTrip(once)).toStrictEqual(once);
    }
  });

  it('a full brief with cards, citations, lists, quotes and links reopens exactly', () => {
    const input: SerializedDocument = documentOf([
      {
        type: 'heading',
        version: 1,
        tag: 'h1',
        children: [textNode('Key judgments')],
        direction: null,
        format: '',
        indent: 0,
      },
      claimCardNode(3),
      paragraphNode([textNode('Bold ', 1), textNode('and plain'), { type: 'citation', version: 1, citationId: 5 }]),
      {
        type: 'list',
        version: 1,
        listType: 'bullet',
        start: 1,
        tag: 'ul',
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'listitem',
            version: 1,
            value: 1,
            checked: undefined,
            children: [textNode('Item')],
            direction: null,
            format: '',
            indent: 0,
          },
        ],
      },
      { type: 'quote', version: 1, children: [textNode('A quote')], direction: null, format: '', indent: 0 },
      paragraphNode([
        {
          type: 'link',
          version: 1,
          url: 'https://example.org/',
          rel: null,
          target: null,
          title: null,
          children: [textNode('a link')],
          direction: null,
          format: '',
          indent: 0,
        },
      ]),
      claimCardNode(3),
    ]);
    const once = roundTrip(input);
    expect(roundTrip(once)).toStrictEqual(once);
    expect(collectReferences(once)).toEqual({ claimIds: [3], citationIds: [5] });
    expect(once.root.children.map((c) => c.type)).toEqual([
      'heading',
      'claim-card',
      'paragraph',
      'list',
      'quote',
      'paragraph',
      'claim-card',
    ]);
  });
});
