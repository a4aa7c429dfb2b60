// Keeps the brief's citation numbering in step with the document: when claim cards or inline
// citations are created, destroyed or moved (mutation listeners — never on plain typing), it
// collects them in reading order, once per burst of changes.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { useEffect } from 'react';
import { $isCitationNode, CitationNode } from '../nodes/CitationNode';
import { $isClaimCardNode, ClaimCardNode } from '../nodes/ClaimCardNode';
import type { CitationNumbering, DocumentReference } from '../state/citationNumbering';

/** Every card and inline citation of the document, in reading order. Call inside a read. */
export function $collectReferences(): DocumentReference[] {
  const refs: DocumentReference[] = [];
  const visit = (node: LexicalNode) => {
    if ($isClaimCardNode(node)) refs.push({ kind: 'card', claimId: node.getClaimId() });
    else if ($isCitationNode(node)) refs.push({ kind: 'citation', citationId: node.getCitationId() });
    else if ($isElementNode(node)) for (let c = node.getFirstChild(); c !== null; c = c.getNextSibling()) visit(c);
  };
  visit($getRoot());
  return refs;
}

export function CitationNumberingPlugin({ numbering }: { numbering: CitationNumbering }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let scheduled = false;
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        numbering.setOrder(editor.getEditorState().read($collectReferences));
      });
    };
    schedule();
    return mergeRegister(
      editor.registerMutationListener(ClaimCardNode, schedule, { skipInitialization: true }),
      editor.registerMutationListener(CitationNode, schedule, { skipInitialization: true }),
    );
  }, [editor, numbering]);
  return null;
}
