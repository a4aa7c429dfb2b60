// Numbering of the citation notes: one note per citation, numbered in order of first
// appearance in the brief (a claim card shows its citations after its statement; a citation
// node shows one). A citation that appears again keeps its number.
import type { Citation } from '../../../shared/api/citations';
import type { Source } from '../../../shared/api/sources';
import { CITATION_NODE_TYPE, CLAIM_CARD_NODE_TYPE, walkNodes } from '../../../shared/briefs/document';
import { formatGrading } from '../../../shared/tradecraft/vocabularies';
import type { PrintClaim, PrintModel, PrintVersion } from './printModel';

export interface Note {
  number: number;
  citation: Citation;
  /** The claim card the citation belongs to; null for a citation placed in running text. */
  claim: PrintClaim | null;
  source: Source | null;
  version: PrintVersion | null;
  /** The passage exactly as it stands in `version` (by offsets), or the stored quote for an orphan. */
  passage: string;
  passageFrom: 'version-text' | 'stored-quote';
  /** Source reliability then information credibility, e.g. "B2". */
  grading: string;
}

export interface NoteIndex {
  notes: Note[];
  byCitationId: Map<number, Note>;
}

/** The passage a citation quotes: the version text at its offsets when it still has them, else the stored quote. */
export function citedPassage(
  citation: Citation,
  version: PrintVersion | null,
): { passage: string; from: Note['passageFrom'] } {
  if (
    version &&
    citation.anchorStatus !== 'orphaned' &&
    citation.start !== null &&
    citation.end !== null &&
    citation.end <= version.text.length
  ) {
    return { passage: version.text.slice(citation.start, citation.end), from: 'version-text' };
  }
  return { passage: citation.exact, from: 'stored-quote' };
}

/** Walks the document in reading order and numbers every citation it shows. */
export function numberNotes(model: PrintModel): NoteIndex {
  const notes: Note[] = [];
  const byCitationId = new Map<number, Note>();
  const add = (citation: Citation, claim: PrintClaim | null) => {
    if (byCitationId.has(citation.id)) return;
    const version = model.versions.get(citation.versionId) ?? null;
    const { passage, from } = citedPassage(citation, version);
    const owner = claim ?? (citation.claimId !== null ? (model.claims.get(citation.claimId) ?? null) : null);
    const note: Note = {
      number: notes.length + 1,
      citation,
      claim: owner,
      source: model.sources.get(citation.sourceId) ?? null,
      version,
      passage,
      passageFrom: from,
      grading: formatGrading(citation.sourceReliability, owner?.credibility ?? null),
    };
    notes.push(note);
    byCitationId.set(citation.id, note);
  };
  for (const node of walkNodes(model.document.root)) {
    if (node.type === CLAIM_CARD_NODE_TYPE) {
      const claim = model.claims.get(node.claimId as number);
      for (const citation of claim?.citations ?? []) add(citation, claim!);
    } else if (node.type === CITATION_NODE_TYPE) {
      const citation = model.inlineCitations.get(node.citationId as number);
      if (citation) add(citation, null);
    }
  }
  return { notes, byCitationId };
}
