// Everything one export prints, read from the library in one go: the brief, the claims it
// embeds (current revision), every citation it shows, the sources and the exact source
// versions those citations point at. The renderer works on this plain object only.
import type { Citation } from '../../../shared/api/citations';
import type { ClaimFields } from '../../../shared/api/claims';
import { AppError } from '../../../shared/api/errors';
import type { Source, SourceVersion } from '../../../shared/api/sources';
import { collectReferences, type SerializedDocument } from '../../../shared/briefs/document';
import { claimFieldsOf } from '../../db/repositories/claims';
import type { ServiceContext } from '../context';

export interface PrintClaim extends ClaimFields {
  id: number;
  revision: number;
  citations: Citation[];
}

export interface PrintVersion extends SourceVersion {
  text: string;
}

export interface PrintModel {
  brief: {
    id: number;
    title: string;
    marking: string;
    author: string | null;
    revision: number;
    createdAt: string;
    updatedAt: string;
  };
  document: SerializedDocument;
  /** The stored document JSON, exactly as saved (its hash goes into the audit record). */
  documentJson: string;
  exportedAt: string;
  claims: Map<number, PrintClaim>;
  /** Citations placed directly in the text (citation nodes), by id. */
  inlineCitations: Map<number, Citation>;
  sources: Map<number, Source>;
  versions: Map<number, PrintVersion>;
}

/** Reads the brief and everything it cites. Throws NOT_FOUND for an unknown brief. */
export function loadPrintModel(ctx: ServiceContext, briefId: number): PrintModel {
  const brief = ctx.briefs.get(briefId);
  if (!brief) throw new AppError('NOT_FOUND', `There is no brief with id ${briefId}.`);
  const document = JSON.parse(brief.document) as SerializedDocument;
  const { claimIds, citationIds } = collectReferences(document);

  const citationsByClaim = ctx.citations.forClaims(claimIds);
  const claims = new Map<number, PrintClaim>();
  for (const row of ctx.claims.getMany(claimIds)) {
    claims.set(row.id, {
      ...claimFieldsOf(row),
      id: row.id,
      revision: row.revision,
      citations: citationsByClaim.get(row.id) ?? [],
    });
  }
  const inlineCitations = new Map<number, Citation>();
  for (const id of citationIds) {
    const citation = ctx.citations.get(id);
    if (citation) inlineCitations.set(id, citation);
  }

  const sources = new Map<number, Source>();
  const versions = new Map<number, PrintVersion>();
  const allCitations = [...[...claims.values()].flatMap((c) => c.citations), ...inlineCitations.values()];
  for (const citation of allCitations) {
    if (!sources.has(citation.sourceId)) {
      const source = ctx.sources.get(citation.sourceId);
      if (source) sources.set(source.id, source);
    }
    if (!versions.has(citation.versionId)) {
      const version = ctx.sources.getVersion(citation.versionId);
      if (version) versions.set(version.id, { ...version, text: ctx.sources.versionText(version.id) ?? '' });
    }
  }

  return {
    brief: {
      id: brief.id,
      title: brief.title,
      marking: brief.marking,
      author: brief.author,
      revision: brief.revision,
      createdAt: brief.createdAt,
      updatedAt: brief.updatedAt,
    },
    document,
    documentJson: brief.document,
    exportedAt: ctx.now(),
    claims,
    inlineCitations,
    sources,
    versions,
  };
}
