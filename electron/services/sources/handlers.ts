// Use cases for sources: import (new source or new version), list, read, edit metadata.
import type { Handlers } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { SourceMetadata } from '../../../shared/api/sources';
import { normalizeText } from '../../../shared/anchoring/normalize';
import type { ServiceContext } from '../context';
import { reanchorSourceCitations } from './anchorCitations';
import type { TextExtractor } from './textExtractor';

type SourceHandlers = Pick<
  Handlers,
  'sources.import' | 'sources.list' | 'sources.get' | 'sources.update' | 'sources.versions'
>;

function requireSource(ctx: ServiceContext, sourceId: number) {
  const source = ctx.sources.get(sourceId);
  if (!source) throw new AppError('NOT_FOUND', `There is no source with id ${sourceId}.`);
  return source;
}

/** A title for a document that brought none: the file name, else its first line. */
function fallbackTitle(fileName: string | undefined, text: string): string {
  // A file name can hide a right-to-left override that makes "invoice-\u202Efdp.txt" read "invoice-txt.pdf".
  if (fileName) {
    const name = normalizeText(fileName);
    return name.replace(/\.[^.]+$/, '') || name;
  }
  const firstLine = text.split('\n', 1)[0]!.trim();
  return firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
}

export function createSourceHandlers(ctx: ServiceContext, extractor: TextExtractor): SourceHandlers {
  return {
    async 'sources.import'({ content, metadata, sourceId }) {
      // Extraction and hashing run in a worker thread, before the write transaction: they can take
      // seconds, touch no data, and other requests are answered meanwhile.
      const extracted = await extractor.extract(content);
      const { sha256 } = extracted;
      const warnings = [...extracted.warnings];

      return ctx.write(() => {
        const now = ctx.now();
        if (sourceId !== undefined) {
          const source = requireSource(ctx, sourceId);
          const current = ctx.sources.getVersion(source.currentVersionId)!;
          if (Object.keys(metadata).length > 0) ctx.sources.update(sourceId, { ...source, ...metadata }, now);
          if (current.sha256 === sha256) {
            const counts = { exact: 0, fuzzy: 0, orphaned: 0 };
            for (const c of ctx.citations.forSource(sourceId)) counts[c.anchorStatus] += 1;
            return {
              sourceId,
              versionId: current.id,
              unchanged: true,
              duplicateOfSourceId: null,
              reanchor: counts,
              warnings: [...warnings, 'The text is identical to the current version; no new version was made.'],
            };
          }
          const versionId = ctx.sources.insertVersion(
            { sourceId, text: extracted.text, sha256, format: extracted.format, fileName: content.fileName ?? null },
            now,
          );
          const reanchor = reanchorSourceCitations(ctx, sourceId, versionId, extracted.text);
          return { sourceId, versionId, unchanged: false, duplicateOfSourceId: null, reanchor, warnings };
        }

        const duplicateOf = ctx.sources.sourceWithCurrentSha(sha256);
        if (duplicateOf !== null) {
          // The same text is already in the library: reuse it rather than split citations over two copies.
          const existing = ctx.sources.get(duplicateOf)!;
          return {
            sourceId: duplicateOf,
            versionId: existing.currentVersionId,
            unchanged: true,
            duplicateOfSourceId: duplicateOf,
            reanchor: { exact: 0, fuzzy: 0, orphaned: 0 },
            warnings: [
              ...warnings,
              `This text is already in the library as "${existing.title}"; nothing new was imported.`,
            ],
          };
        }
        const fullMetadata: SourceMetadata = {
          title: metadata.title ?? extracted.title ?? fallbackTitle(content.fileName, extracted.text),
          publisher: metadata.publisher ?? extracted.publisher,
          author: metadata.author ?? extracted.author,
          url: metadata.url ?? null,
          publishedAt: metadata.publishedAt ?? extracted.publishedAt,
          language: metadata.language ?? extracted.language,
          reliability: metadata.reliability ?? 'F',
        };
        const newSourceId = ctx.sources.insert(fullMetadata, now);
        const versionId = ctx.sources.insertVersion(
          {
            sourceId: newSourceId,
            text: extracted.text,
            sha256,
            format: extracted.format,
            fileName: content.fileName ?? null,
          },
          now,
        );
        return {
          sourceId: newSourceId,
          versionId,
          unchanged: false,
          duplicateOfSourceId: null,
          reanchor: { exact: 0, fuzzy: 0, orphaned: 0 },
          warnings,
        };
      });
    },

    'sources.list'() {
      return ctx.sources.list();
    },

    'sources.get'({ sourceId, versionId }) {
      const source = requireSource(ctx, sourceId);
      const version = ctx.sources.getVersion(versionId ?? source.currentVersionId);
      if (!version || version.sourceId !== sourceId)
        throw new AppError('NOT_FOUND', `Source ${sourceId} has no version with id ${versionId}.`);
      return { source, version, text: ctx.sources.versionText(version.id)! };
    },

    'sources.update'({ sourceId, metadata }) {
      return ctx.write(() => {
        const source = requireSource(ctx, sourceId);
        ctx.sources.update(sourceId, { ...source, ...metadata }, ctx.now());
        return ctx.sources.get(sourceId)!;
      });
    },

    'sources.versions'({ sourceId }) {
      requireSource(ctx, sourceId);
      return ctx.sources.listVersions(sourceId);
    },
  };
}
