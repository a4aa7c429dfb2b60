// CitationNode: an inline decorator that stores only a citation id — a passage cited directly in
// running text. CitationComponent renders it as a superscript number in order of appearance.
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
import { CITATION_NODE_TYPE } from '../../../shared/briefs/document';
import { citationStore } from '../state/citationStore';
import { CitationComponent } from './CitationComponent';

export interface SerializedCitationNode extends SerializedLexicalNode {
  type: typeof CITATION_NODE_TYPE;
  version: 1;
  citationId: number;
}

/** The attribute that marks an inline citation in HTML (copy/paste between briefs). */
export const CITATION_ID_ATTRIBUTE = 'data-citation-id';

function parseId(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
}

function $convertCitationElement(element: HTMLElement): DOMConversionOutput | null {
  const citationId = parseId(element.getAttribute(CITATION_ID_ATTRIBUTE));
  if (citationId === 0) return null;
  return { node: $createCitationNode(citationId), forChild: () => null };
}

export class CitationNode extends DecoratorNode<JSX.Element> {
  /** The cited passage's citation; 0 for a reference that could not be read. */
  __citationId: number;

  static override getType(): string {
    return CITATION_NODE_TYPE;
  }

  static override clone(node: CitationNode): CitationNode {
    return new CitationNode(node.__citationId, node.__key);
  }

  static override importJSON(serialized: SerializedPartial<SerializedCitationNode>): CitationNode {
    return $createCitationNode(parseId(serialized.citationId));
  }

  static override importDOM(): DOMConversionMap | null {
    const convert = (element: HTMLElement) =>
      element.hasAttribute(CITATION_ID_ATTRIBUTE)
        ? { conversion: $convertCitationElement, priority: 3 as const }
        : null;
    return { sup: convert, span: convert, a: convert };
  }

  constructor(citationId: number, key?: NodeKey) {
    super(key);
    this.__citationId = citationId;
  }

  override exportJSON(): SerializedCitationNode {
    return { type: CITATION_NODE_TYPE, version: 1, citationId: this.__citationId };
  }

  /** A plain superscript carrying the id, with the source title as text for other apps. */
  override exportDOM(): DOMExportOutput {
    const element = document.createElement('sup');
    const citationId = this.getCitationId();
    element.setAttribute(CITATION_ID_ATTRIBUTE, String(citationId));
    const title = citationStore.peek(citationId)?.sourceTitle;
    element.textContent = title ? `[${title}]` : '[citation]';
    return { element };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('span');
    element.className = (config.theme['citation'] as string | undefined) ?? 'be-citation-host';
    element.setAttribute(CITATION_ID_ATTRIBUTE, String(this.__citationId));
    return element;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    if (prevNode.__citationId !== this.__citationId) dom.setAttribute(CITATION_ID_ATTRIBUTE, String(this.__citationId));
    return false;
  }

  getCitationId(): number {
    return this.getLatest().__citationId;
  }

  override isInline(): true {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override decorate(): JSX.Element {
    return <CitationComponent citationId={this.__citationId} nodeKey={this.__key} />;
  }
}

/** A new inline citation node for a citation id. */
export function $createCitationNode(citationId: number): CitationNode {
  return $applyNodeReplacement(new CitationNode(citationId));
}

export function $isCitationNode(node: LexicalNode | null | undefined): node is CitationNode {
  return node instanceof CitationNode;
}
