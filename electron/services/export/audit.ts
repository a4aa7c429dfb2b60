// The audit record of an export: which brief revision, which claim revision and which source
// version (by id and SHA-256) every citation used, so the PDF can be checked against the
// library later. It is embedded in the PDF as a JSON attachment and printed as an appendix.
import { createHash } from 'node:crypto';
import type { NoteIndex } from './notes';
import type { PrintModel } from './printModel';

export const AUDIT_SCHEMA = 'briefing-composer/export-audit@1';
export const AUDIT_FILE_NAME = 'briefing-audit.json';

export interface AuditCitation {
  note: number;
  citationId: number;
  claimId: number | null;
  claimRevision: number | null;
  sourceId: number;
  sourceVersionId: number;
  sourceVersionNo: number | null;
  sha256: string | null;
  start: number | null;
  end: number | null;
  status: 'exact' | 'fuzzy' | 'orphaned';
  score: number | null;
  stance: string;
  /** The passage as printed in the note. */
  quote: string;
}

export interface AuditRecord {
  schema: typeof AUDIT_SCHEMA;
  exportedAt: string;
  brief: { id: number; revision: number; title: string; marking: string; documentSha256: string };
  claims: Array<{ claimId: number; revision: number; status: string }>;
  citations: AuditCitation[];
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Builds the record from the same model and note numbering the renderer prints. */
export function buildAuditRecord(model: PrintModel, index: NoteIndex): AuditRecord {
  return {
    schema: AUDIT_SCHEMA,
    exportedAt: model.exportedAt,
    brief: {
      id: model.brief.id,
      revision: model.brief.revision,
      title: model.brief.title,
      marking: model.brief.marking,
      documentSha256: sha256Hex(model.documentJson),
    },
    claims: [...model.claims.values()].map((c) => ({ claimId: c.id, revision: c.revision, status: c.status })),
    citations: index.notes.map((note) => ({
      note: note.number,
      citationId: note.citation.id,
      claimId: note.claim?.id ?? note.citation.claimId,
      claimRevision: note.claim?.revision ?? null,
      sourceId: note.citation.sourceId,
      sourceVersionId: note.citation.versionId,
      sourceVersionNo: note.version?.versionNo ?? null,
      sha256: note.version?.sha256 ?? null,
      start: note.citation.start,
      end: note.citation.end,
      status: note.citation.anchorStatus,
      score: note.citation.score,
      stance: note.citation.stance,
      quote: note.passage,
    })),
  };
}

/** The attachment's bytes: pretty-printed JSON, so a reader can open it in any text editor. */
export function serializeAuditRecord(record: AuditRecord): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`);
}
