// Prepared statements for briefs and the index of which claims and citations each embeds.
import type { Database } from 'better-sqlite3';
import type { BriefSummary } from '../../../shared/api/briefs';

interface BriefRow {
  id: number;
  title: string;
  marking: string;
  author: string | null;
  document: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  claim_count: number;
}

function toSummary(row: BriefRow): BriefSummary {
  return {
    id: row.id,
    title: row.title,
    marking: row.marking,
    author: row.author,
    revision: row.revision,
    claimCount: row.claim_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

const SELECT = `SELECT b.*, (SELECT count(*) FROM brief_claims bc WHERE bc.brief_id = b.id) AS claim_count FROM briefs b`;

export type BriefsRepository = ReturnType<typeof createBriefsRepository>;

export function createBriefsRepository(db: Database) {
  const statements = {
    insert: db.prepare(`INSERT INTO briefs (title, marking, author, document, revision, created_at, updated_at)
      VALUES (@title, @marking, @author, @document, 1, @now, @now)`),
    get: db.prepare(`${SELECT} WHERE b.id = ?`),
    list: db.prepare(`${SELECT} WHERE b.deleted_at IS NULL ORDER BY b.updated_at DESC, b.id DESC`),
    listAll: db.prepare(`${SELECT} ORDER BY b.deleted_at IS NOT NULL, b.updated_at DESC, b.id DESC`),
    updateMeta: db.prepare(
      `UPDATE briefs SET title = @title, marking = @marking, author = @author, updated_at = @now WHERE id = @id`,
    ),
    saveDocument: db.prepare(
      `UPDATE briefs SET document = @document, revision = revision + 1, updated_at = @now WHERE id = @id`,
    ),
    setDeleted: db.prepare(`UPDATE briefs SET deleted_at = @deletedAt, updated_at = @now WHERE id = @id`),
    clearClaims: db.prepare(`DELETE FROM brief_claims WHERE brief_id = ?`),
    addClaim: db.prepare(`INSERT OR IGNORE INTO brief_claims (brief_id, claim_id) VALUES (?, ?)`),
    clearCitations: db.prepare(`DELETE FROM brief_citations WHERE brief_id = ?`),
    addCitation: db.prepare(`INSERT OR IGNORE INTO brief_citations (brief_id, citation_id) VALUES (?, ?)`),
    claimIds: db.prepare(`SELECT claim_id FROM brief_claims WHERE brief_id = ? ORDER BY claim_id`).pluck(),
    citationIds: db.prepare(`SELECT citation_id FROM brief_citations WHERE brief_id = ? ORDER BY citation_id`).pluck(),
  };

  return {
    insert(brief: { title: string; marking: string; author: string | null; document: string }, now: string): number {
      return Number(statements.insert.run({ ...brief, now }).lastInsertRowid);
    },
    getSummary(id: number): BriefSummary | null {
      const row = statements.get.get(id) as BriefRow | undefined;
      return row ? toSummary(row) : null;
    },
    get(id: number): (BriefSummary & { document: string }) | null {
      const row = statements.get.get(id) as BriefRow | undefined;
      return row ? { ...toSummary(row), document: row.document } : null;
    },
    list(includeDeleted: boolean): BriefSummary[] {
      return ((includeDeleted ? statements.listAll : statements.list).all() as BriefRow[]).map(toSummary);
    },
    updateMeta(id: number, meta: { title: string; marking: string; author: string | null }, now: string): void {
      statements.updateMeta.run({ ...meta, id, now });
    },
    /** Stores a new document and replaces the brief's claim and citation usage index with the given ids. */
    saveDocument(
      id: number,
      document: string,
      usage: { claimIds: Iterable<number>; citationIds: Iterable<number> },
      now: string,
    ): void {
      statements.saveDocument.run({ id, document, now });
      statements.clearClaims.run(id);
      for (const claimId of usage.claimIds) statements.addClaim.run(id, claimId);
      statements.clearCitations.run(id);
      for (const citationId of usage.citationIds) statements.addCitation.run(id, citationId);
    },
    setDeleted(id: number, deletedAt: string | null, now: string): void {
      statements.setDeleted.run({ id, deletedAt, now });
    },
    claimIds(id: number): number[] {
      return statements.claimIds.all(id) as number[];
    },
    citationIds(id: number): number[] {
      return statements.citationIds.all(id) as number[];
    },
  };
}
