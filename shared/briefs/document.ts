// Pure functions over a brief's serialized Lexical document, shared by the services (usage
// index, CLI append, export) and the renderer (templates). The editor's custom nodes store
// only ids; these are their serialized shapes.

export const CLAIM_CARD_NODE_TYPE = 'claim-card';
export const CITATION_NODE_TYPE = 'citation';

export interface SerializedNode {
  type: string;
  version: number;
  children?: SerializedNode[];
  [key: string]: unknown;
}
export interface SerializedDocument {
  root: SerializedNode & { type: 'root'; children: SerializedNode[] };
  [key: string]: unknown;
}

export interface SerializedClaimCard extends SerializedNode {
  type: typeof CLAIM_CARD_NODE_TYPE;
  claimId: number;
}
export interface SerializedCitation extends SerializedNode {
  type: typeof CITATION_NODE_TYPE;
  citationId: number;
}

/** Every node of the document, depth first, in reading order. */
export function* walkNodes(node: SerializedNode): Generator<SerializedNode> {
  yield node;
  for (const child of node.children ?? []) yield* walkNodes(child);
}

/** The claims and inline citations a document refers to, each once, in order of first appearance. */
export function collectReferences(document: SerializedDocument): { claimIds: number[]; citationIds: number[] } {
  const claimIds = new Set<number>();
  const citationIds = new Set<number>();
  for (const node of walkNodes(document.root)) {
    if (node.type === CLAIM_CARD_NODE_TYPE && Number.isInteger(node.claimId)) claimIds.add(node.claimId as number);
    if (node.type === CITATION_NODE_TYPE && Number.isInteger(node.citationId))
      citationIds.add(node.citationId as number);
  }
  return { claimIds: [...claimIds], citationIds: [...citationIds] };
}

export function textNode(text: string, format = 0): SerializedNode {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' };
}

export function paragraphNode(children: SerializedNode[] = []): SerializedNode {
  return {
    type: 'paragraph',
    version: 1,
    children,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
  };
}

export function headingNode(text: string, tag: 'h1' | 'h2' | 'h3' = 'h2'): SerializedNode {
  return { type: 'heading', version: 1, tag, children: [textNode(text)], direction: null, format: '', indent: 0 };
}

export function claimCardNode(claimId: number): SerializedClaimCard {
  return { type: CLAIM_CARD_NODE_TYPE, version: 1, claimId };
}

export function documentOf(children: SerializedNode[]): SerializedDocument {
  return { root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } };
}

/** The section headings every new brief starts from (tradecraft.md, "Brief structure"). */
export const STANDARD_SECTIONS = ['BLUF', 'Key judgments', 'Discussion', 'Outlook'] as const;

/** A new brief's document: the standard sections, each followed by an empty paragraph, or one empty paragraph. */
export function templateDocument(template: 'standard' | 'empty'): SerializedDocument {
  if (template === 'empty') return documentOf([paragraphNode()]);
  return documentOf(STANDARD_SECTIONS.flatMap((section) => [headingNode(section), paragraphNode()]));
}

export type AppendableBlock = { claimId: number } | { heading: string } | { text: string };

/** A copy of the document with one block added at the end. */
export function appendBlock(document: SerializedDocument, block: AppendableBlock): SerializedDocument {
  const node =
    'claimId' in block
      ? claimCardNode(block.claimId)
      : 'heading' in block
        ? headingNode(block.heading)
        : paragraphNode([textNode(block.text)]);
  return { ...document, root: { ...document.root, children: [...document.root.children, node] } };
}
