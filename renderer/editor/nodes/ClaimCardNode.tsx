// ClaimCardNode: a block decorator that stores only a claim id (DESIGN.md §6). The card itself —
// statement, estimate, grading, citations — is rendered live from the claim library by
// ClaimCardComponent, so editing a claim once updates it in every brief.
import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
} from 'lexical';
import type { JSX } from 'react';
import { CLAIM_CARD_NODE_TYPE } from '../../../shared/briefs/document';
import { claimStore } from '../state/claimStore';
import { ClaimCardComponent } from './ClaimCardComponent';
import { watchHostVisibility } from './hostVisibility';

export interface SerializedClaimCardNode extends SerializedLexicalNode {
  type: typeof CLAIM_CARD_NODE_TYPE;
  version: 1;
  claimId: number;
}

/** The attribute that marks a claim card in HTML (copy/paste between briefs). */
export const CLAIM_ID_ATTRIBUTE = 'data-claim-id';

function parseId(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
}

function $convertClaimCardElement(element: HTMLElement): DOMConversionOutput | null {
  const claimId = parseId(element.getAttribute(CLAIM_ID_ATTRIBUTE));
  if (claimId === 0) return null;
  // The element's text (the statement, for other apps) is not content of the brief.
  return { node: $createClaimCardNode(claimId), forChild: () => null };
}

export class ClaimCardNode extends DecoratorNode<JSX.Element> {
  /** The claim this card shows; 0 for a reference that could not be read. */
  __claimId: number;

  static override getType(): string {
    return CLAIM_CARD_NODE_TYPE;
  }

  static override clone(node: ClaimCardNode): ClaimCardNode {
    return new ClaimCardNode(node.__claimId, node.__key);
  }

  static override importJSON(serialized: SerializedPartial<SerializedClaimCardNode>): ClaimCardNode {
    return $createClaimCardNode(parseId(serialized.claimId));
  }

  static override importDOM(): DOMConversionMap | null {
    const convert = (element: HTMLElement) =>
      element.hasAttribute(CLAIM_ID_ATTRIBUTE) ? { conversion: $convertClaimCardElement, priority: 3 as const } : null;
    return { div: convert, article: convert, figure: convert, section: convert };
  }

  constructor(claimId: number, key?: NodeKey) {
    super(key);
    this.__claimId = claimId;
  }

  override exportJSON(): SerializedClaimCardNode {
    return { type: CLAIM_CARD_NODE_TYPE, version: 1, claimId: this.__claimId };
  }

  /** A plain element carrying the id (and, for other apps, the statement as text). */
  override exportDOM(): DOMExportOutput {
    const element = document.createElement('div');
    const claimId = this.getClaimId();
    element.setAttribute(CLAIM_ID_ATTRIBUTE, String(claimId));
    element.textContent = claimStore.peek(claimId)?.statement ?? `Claim ${claimId}`;
    return { element };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    element.className = (config.theme['claimCard'] as string | undefined) ?? 'be-claim-card-host';
    element.setAttribute(CLAIM_ID_ATTRIBUTE, String(this.__claimId));
    watchHostVisibility(element);
    return element;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    if (prevNode.__claimId !== this.__claimId) dom.setAttribute(CLAIM_ID_ATTRIBUTE, String(this.__claimId));
    return false;
  }

  getClaimId(): number {
    return this.getLatest().__claimId;
  }

  override isInline(): false {
    return false;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  /** Same props for the same node: the memoized component does not re-render when Lexical re-decorates. */
  override decorate(): JSX.Element {
    return <ClaimCardComponent claimId={this.__claimId} nodeKey={this.__key} />;
  }
}

/** A new card node for a claim id. */
export function $createClaimCardNode(claimId: number): ClaimCardNode {
  return $applyNodeReplacement(new ClaimCardNode(claimId));
}

export function $isClaimCardNode(node: LexicalNode | null | undefined): node is ClaimCardNode {
  return node instanceof ClaimCardNode;
}
