// Prepared statements for claims, their revisions, tags and full-text search.
import type { Database } from 'better-sqlite3';
import type { ClaimFields } from '../../../shared/api/claims';

export interface ClaimRow {
  id: number;
  statement: string;
  kind: ClaimFields['kind'];
  likelihood: ClaimFields['likelihood'];
  confidence: ClaimFields['confidence'];
  credibility: ClaimFields['credibility'];
  status: ClaimFields['status'];
  tags: string;
  revision: number;
  created_at: string;
  updated_at: string;
  used_in_briefs: number;
  snippet?: string | null;
}

export interface ClaimSearchFilters {
  ftsQuery: string | null;
  tag?: string | undefined;
  status?: string | undefined;
  likelihood?: string | undefined;
  confidence?: string | undefined;
  sourceId?: number | undefined;
  limit: number;
  offset: number;
}

const USED_IN = `(SELECT count(*) FROM brief_claims bc JOIN briefs b ON b.id = bc.brief_id
                   WHERE bc.claim_id = c.id AND b.deleted_at IS NULL) AS used_in_briefs`;

export function claimFieldsOf(row: ClaimRow): ClaimFields {
  return {
    statement: row.statement,
    kind: row.kind,
    likelihood: row.likelihood,
    confidence: row.confidence,
    credibility: row.credibility,
    status: row.status,
    tags: JSON.parse(row.tags) as string[],
  };
}

export type ClaimsRepository = ReturnType<typeof createClaimsRepository>;

export function createClaimsRepository(db: Database) {
  const statements = {
    insert: db.prepare(`INSERT INTO claims (statement, kind, likelihood, confidence, credibility, status, tags, revision, created_at, updated_at)
      VALUES (@statement, @kind, @likelihood, @confidence, @credibility, @status, @tags, 1, @now, @now)`),
    update: db.prepare(`UPDATE claims SET statement = @statement, kind = @kind, likelihood = @likelihood, confidence = @confidence,
      credibility = @credibility, status = @status, tags = @tags, revision = revision + 1, updated_at = @now WHERE id = @id`),
    insertRevision: db.prepare(`INSERT INTO claim_revisions (claim_id, revision, statement, kind, likelihood, confidence, credibility, status, tags, created_at)
      SELECT id, revision, statement, kind, likelihood, confidence, credibility, status, tags, updated_at FROM claims WHERE id = ?`),
    get: db.prepare(`SELECT c.*, ${USED_IN} FROM claims c WHERE c.id = ?`),
    revisions: db.prepare(`SELECT * FROM claim_revisions WHERE claim_id = ? ORDER BY revision DESC`),
    usedIn: db.prepare(`SELECT b.id AS briefId, b.title, b.updated_at AS updatedAt FROM brief_claims bc JOIN briefs b ON b.id = bc.brief_id
      WHERE bc.claim_id = ? AND b.deleted_at IS NULL ORDER BY b.updated_at DESC`),
    tags: db.prepare(`SELECT tag, count(*) AS count FROM claim_tags GROUP BY tag ORDER BY count DESC, tag`),
    exists: db.prepare(`SELECT 1 FROM claims WHERE id = ?`).pluck(),
  };

  const toParams = (fields: ClaimFields) => ({ ...fields, tags: JSON.stringify([...new Set(fields.tags)]) });

  return {
    /** Inserts a claim and its first revision. */
    insert(fields: ClaimFields, now: string): number {
      const id = Number(statements.insert.run({ ...toParams(fields), now }).lastInsertRowid);
      statements.insertRevision.run(id);
      return id;
    },
    /** Writes new field values and records them as the next revision. */
    update(id: number, fields: ClaimFields, now: string): void {
      statements.update.run({ ...toParams(fields), id, now });
      statements.insertRevision.run(id);
    },
    get(id: number): ClaimRow | null {
      return (statements.get.get(id) as ClaimRow | undefined) ?? null;
    },
    exists(id: number): boolean {
      return statements.exists.get(id) === 1;
    },
    getMany(ids: readonly number[]): ClaimRow[] {
      const rows: ClaimRow[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        rows.push(...(db.prepare(`SELECT c.*, ${USED_IN} FROM claims c WHERE c.id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as ClaimRow[]));
      }
      return rows;
    },
    revisions(id: number) {
      return statements.revisions.all(id) as Array<Omit<ClaimRow, 'used_in_briefs' | 'updated_at'> & { claim_id: number }>;
    },
    usedIn(id: number) {
      return statements.usedIn.all(id) as Array<{ briefId: number; title: string; updatedAt: string }>;
    },
    tags() {
      return statements.tags.all() as Array<{ tag: string; count: number }>;
    },
    /**
     * Ranked, filtered search. With a query, ranks by bm25 and returns a snippet; without,
     * lists the most recently changed claims first.
     */
    search(filters: ClaimSearchFilters): { rows: ClaimRow[]; total: number } {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: filters.limit, offset: filters.offset };
      if (filters.ftsQuery) {
        where.push('claims_fts MATCH @fts');
        params.fts = filters.ftsQuery;
      }
      if (filters.tag) {
        where.push('c.id IN (SELECT claim_id FROM claim_tags WHERE tag = @tag)');
        params.tag = filters.tag;
      }
      for (const key of ['status', 'likelihood', 'confidence'] as const) {
        if (filters[key]) {
          where.push(`c.${key} = @${key}`);
          params[key] = filters[key];
        }
      }
      if (filters.sourceId) {
        where.push('c.id IN (SELECT claim_id FROM citations WHERE source_id = @sourceId AND detached_at IS NULL AND claim_id IS NOT NULL)');
        params.sourceId = filters.sourceId;
      }
      const from = filters.ftsQuery ? 'claims_fts JOIN claims c ON c.id = claims_fts.rowid' : 'claims c';
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const snippet = filters.ftsQuery ? `snippet(claims_fts, 0, char(57344), char(57345), '…', 24)` : 'NULL';
      const order = filters.ftsQuery ? 'ORDER BY claims_fts.rank' : 'ORDER BY c.updated_at DESC, c.id DESC';
      const rows = db
        .prepare(`SELECT c.*, ${USED_IN}, ${snippet} AS snippet FROM ${from} ${whereSql} ${order} LIMIT @limit OFFSET @offset`)
        .all(params) as ClaimRow[];
      const total = db.prepare(`SELECT count(*) FROM ${from} ${whereSql}`).pluck().get(params) as number;
      return { rows, total };
    },
  };
}
