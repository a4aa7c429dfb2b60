// Prepared statements for sources and their immutable text versions.
import type { Database } from 'better-sqlite3';
import type { Source, SourceMetadata, SourceVersion } from '../../../shared/api/sources';

interface SourceRow {
  id: number;
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  published_at: string | null;
  language: string | null;
  reliability: Source['reliability'];
  created_at: string;
  updated_at: string;
  current_version_id: number;
  version_count: number;
  citation_count: number;
}

interface VersionRow {
  id: number;
  source_id: number;
  version_no: number;
  sha256: string;
  format: SourceVersion['format'];
  file_name: string | null;
  imported_at: string;
  length: number;
}

const SOURCE_SELECT = `
  SELECT s.*, v.id AS current_version_id, v.version_no AS version_count,
         (SELECT count(*) FROM citations c WHERE c.source_id = s.id AND c.detached_at IS NULL) AS citation_count
  FROM sources s
  JOIN source_versions v ON v.source_id = s.id
   AND v.version_no = (SELECT max(version_no) FROM source_versions WHERE source_id = s.id)`;

const VERSION_COLUMNS = 'id, source_id, version_no, sha256, format, file_name, imported_at, length(text) AS length';

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    title: row.title,
    publisher: row.publisher,
    author: row.author,
    url: row.url,
    publishedAt: row.published_at,
    language: row.language,
    reliability: row.reliability,
    currentVersionId: row.current_version_id,
    versionCount: row.version_count,
    citationCount: row.citation_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toVersion(row: VersionRow): SourceVersion {
  return {
    id: row.id,
    sourceId: row.source_id,
    versionNo: row.version_no,
    sha256: row.sha256,
    format: row.format,
    fileName: row.file_name,
    importedAt: row.imported_at,
    length: row.length,
  };
}

export type SourcesRepository = ReturnType<typeof createSourcesRepository>;

export function createSourcesRepository(db: Database) {
  const statements = {
    insert:
      db.prepare(`INSERT INTO sources (title, publisher, author, url, published_at, language, reliability, created_at, updated_at)
      VALUES (@title, @publisher, @author, @url, @publishedAt, @language, @reliability, @now, @now)`),
    update: db.prepare(`UPDATE sources SET title = @title, publisher = @publisher, author = @author, url = @url,
      published_at = @publishedAt, language = @language, reliability = @reliability, updated_at = @now WHERE id = @id`),
    get: db.prepare(`${SOURCE_SELECT} WHERE s.id = ?`),
    list: db.prepare(`${SOURCE_SELECT} ORDER BY s.updated_at DESC, s.id DESC`),
    insertVersion:
      db.prepare(`INSERT INTO source_versions (source_id, version_no, text, sha256, format, file_name, imported_at)
      VALUES (@sourceId, (SELECT coalesce(max(version_no), 0) + 1 FROM source_versions WHERE source_id = @sourceId), @text, @sha256, @format, @fileName, @now)`),
    getVersion: db.prepare(`SELECT ${VERSION_COLUMNS} FROM source_versions WHERE id = ?`),
    versionText: db.prepare(`SELECT text FROM source_versions WHERE id = ?`).pluck(),
    listVersions: db.prepare(
      `SELECT ${VERSION_COLUMNS} FROM source_versions WHERE source_id = ? ORDER BY version_no DESC`,
    ),
    currentVersionWithSha: db
      .prepare(
        `
      SELECT v.source_id FROM source_versions v
      WHERE v.sha256 = ? AND v.version_no = (SELECT max(version_no) FROM source_versions WHERE source_id = v.source_id)
      ORDER BY v.source_id LIMIT 1`,
      )
      .pluck(),
    touch: db.prepare(`UPDATE sources SET updated_at = ? WHERE id = ?`),
  };

  return {
    insert(metadata: SourceMetadata, now: string): number {
      return Number(statements.insert.run({ ...metadata, now }).lastInsertRowid);
    },
    update(id: number, metadata: SourceMetadata, now: string): void {
      statements.update.run({ ...metadata, id, now });
    },
    get(id: number): Source | null {
      const row = statements.get.get(id) as SourceRow | undefined;
      return row ? toSource(row) : null;
    },
    list(): Source[] {
      return (statements.list.all() as SourceRow[]).map(toSource);
    },
    insertVersion(
      version: {
        sourceId: number;
        text: string;
        sha256: string;
        format: SourceVersion['format'];
        fileName: string | null;
      },
      now: string,
    ): number {
      statements.touch.run(now, version.sourceId);
      return Number(statements.insertVersion.run({ ...version, now }).lastInsertRowid);
    },
    getVersion(id: number): SourceVersion | null {
      const row = statements.getVersion.get(id) as VersionRow | undefined;
      return row ? toVersion(row) : null;
    },
    versionText(id: number): string | null {
      return (statements.versionText.get(id) as string | undefined) ?? null;
    },
    listVersions(sourceId: number): SourceVersion[] {
      return (statements.listVersions.all(sourceId) as VersionRow[]).map(toVersion);
    },
    /** The source whose *current* text has this hash, if any. */
    sourceWithCurrentSha(sha256: string): number | null {
      return (statements.currentVersionWithSha.get(sha256) as number | undefined) ?? null;
    },
  };
}
