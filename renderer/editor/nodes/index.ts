// Every node class a brief may contain, registered in one list (the playground's PlaygroundNodes).
// Lexical's HTML import creates only these, so pasted content can never produce anything else.
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { CitationNode } from './CitationNode';
import { ClaimCardNode } from './ClaimCardNode';

export const BRIEF_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  ClaimCardNode,
  CitationNode,
];

export { $createCitationNode, $isCitationNode, CitationNode, type SerializedCitationNode } from './CitationNode';
export { $createClaimCardNode, $isClaimCardNode, ClaimCardNode, type SerializedClaimCardNode } from './ClaimCardNode';
