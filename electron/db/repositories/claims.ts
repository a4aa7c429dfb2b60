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
}

export interface ClaimFilters {
  tag?: string | undefined;
  status?: string | undefined;
  likelihood?: string | undefined;
  confidence?: string | undefined;
  sourceId?: number | undefined;
}

/** The WHERE conditions (joined by AND, over alias `c`) and parameters for the library's filters. */
function filterSql(filters: ClaimFilters): { whereSql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
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
    where.push(
      'c.id IN (SELECT claim_id FROM citations WHERE source_id = @sourceId AND detached_at IS NULL AND claim_id IS NOT NULL)',
    );
    params.sourceId = filters.sourceId;
  }
  return { whereSql: where.join(' AND '), params };
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
    insert:
      db.prepare(`INSERT INTO claims (statement, kind, likelihood, confidence, credibility, status, tags, revision, created_at, updated_at)
      VALUES (@statement, @kind, @likelihood, @confidence, @credibility, @status, @tags, 1, @now, @now)`),
    update:
      db.prepare(`UPDATE claims SET statement = @statement, kind = @kind, likelihood = @likelihood, confidence = @confidence,
      credibility = @credibility, status = @status, tags = @tags, revision = revision + 1, updated_at = @now WHERE id = @id`),
    insertRevision:
      db.prepare(`INSERT INTO claim_revisions (claim_id, revision, statement, kind, likelihood, confidence, credibility, status, tags, created_at)
      SELECT id, revision, statement, kind, likelihood, confidence, credibility, status, tags, updated_at FROM claims WHERE id = ?`),
    get: db.prepare(`SELECT c.*, ${USED_IN} FROM claims c WHERE c.id = ?`),
    revisions: db.prepare(`SELECT * FROM claim_revisions WHERE claim_id = ? ORDER BY revision DESC`),
    usedIn:
      db.prepare(`SELECT b.id AS briefId, b.title, b.updated_at AS updatedAt FROM brief_claims bc JOIN briefs b ON b.id = bc.brief_id
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
        rows.push(
          ...(db
            .prepare(`SELECT c.*, ${USED_IN} FROM claims c WHERE c.id IN (${chunk.map(() => '?').join(',')})`)
            .all(...chunk) as ClaimRow[]),
        );
      }
      return rows;
    },
    revisions(id: number) {
      return statements.revisions.all(id) as Array<
        Omit<ClaimRow, 'used_in_briefs' | 'updated_at'> & { claim_id: number }
      >;
    },
    usedIn(id: number) {
      return statements.usedIn.all(id) as Array<{ briefId: number; title: string; updatedAt: string }>;
    },
    tags() {
      return statements.tags.all() as Array<{ tag: string; count: number }>;
    },
    /**
     * The newest `limit` claims matching an FTS query and the filters, with the text that was
     * indexed (statement and tags), for ranking outside SQL. FTS5 walks its posting lists in
     * rowid order and stops at the limit, so this stays fast however common the words are.
     */
    matchCandidates(
      filters: ClaimFilters & { ftsQuery: string },
      limit: number,
    ): Array<{ id: number; statement: string; tags: string }> {
      const { whereSql, params } = filterSql(filters);
      return db
        .prepare(
          `SELECT c.id, c.statement, c.tags FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
                  WHERE claims_fts MATCH @fts ${whereSql ? `AND ${whereSql}` : ''} ORDER BY claims_fts.rowid DESC LIMIT ${limit}`,
        )
        .all({ ...params, fts: filters.ftsQuery }) as Array<{ id: number; statement: string; tags: string }>;
    },
    /** A page of claims matching the filters, most recently changed first, and how many match in all. */
    list(filters: ClaimFilters, limit: number, offset: number): { rows: ClaimRow[]; total: number } {
      const { whereSql, params } = filterSql(filters);
      const where = whereSql ? `WHERE ${whereSql}` : '';
      const rows = db
        .prepare(
          `SELECT c.*, ${USED_IN} FROM claims c ${where} ORDER BY c.updated_at DESC, c.id DESC LIMIT @limit OFFSET @offset`,
        )
        .all({ ...params, limit, offset }) as ClaimRow[];
      const total = db.prepare(`SELECT count(*) FROM claims c ${where}`).pluck().get(params) as number;
      return { rows, total };
    },
  };
}
