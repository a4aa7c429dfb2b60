// Prepared statements for citations: the links from claims (or briefs) to source passages.
import type { Database } from 'better-sqlite3';
import type { Citation } from '../../../shared/api/citations';

interface CitationRow {
  id: number;
  claim_id: number | null;
  brief_id: number | null;
  source_id: number;
  version_id: number;
  stance: Citation['stance'];
  start_offset: number | null;
  end_offset: number | null;
  exact: string;
  prefix: string;
  suffix: string;
  anchor_status: Citation['anchorStatus'];
  score: number | null;
  source_title: string;
  source_reliability: Citation['sourceReliability'];
}

const SELECT = `
  SELECT c.*, s.title AS source_title, s.reliability AS source_reliability
  FROM citations c JOIN sources s ON s.id = c.source_id`;

function toCitation(row: CitationRow): Citation {
  return {
    id: row.id,
    claimId: row.claim_id,
    briefId: row.brief_id,
    sourceId: row.source_id,
    versionId: row.version_id,
    stance: row.stance,
    start: row.start_offset,
    end: row.end_offset,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    anchorStatus: row.anchor_status,
    score: row.score,
    sourceTitle: row.source_title,
    sourceReliability: row.source_reliability,
  };
}

export interface NewCitation {
  claimId: number | null;
  briefId: number | null;
  sourceId: number;
  versionId: number;
  stance: Citation['stance'];
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** A new citation is found, never orphaned: exact, or fuzzy when carried over from an older version. */
  anchorStatus: Exclude<Citation['anchorStatus'], 'orphaned'>;
  score: number;
}

/** Where a re-anchored citation now points; start/end null when orphaned. */
export interface AnchorUpdate {
  id: number;
  versionId: number;
  start: number | null;
  end: number | null;
  exact: string;
  prefix: string;
  suffix: string;
  anchorStatus: Citation['anchorStatus'];
  score: number | null;
}

export type CitationsRepository = ReturnType<typeof createCitationsRepository>;

export function createCitationsRepository(db: Database) {
  const statements = {
    insert:
      db.prepare(`INSERT INTO citations (claim_id, brief_id, source_id, version_id, stance, start_offset, end_offset,
        exact, prefix, suffix, anchor_status, score, created_at, updated_at)
      VALUES (@claimId, @briefId, @sourceId, @versionId, @stance, @start, @end, @exact, @prefix, @suffix, @anchorStatus, @score, @now, @now)`),
    get: db.prepare(`${SELECT} WHERE c.id = ? AND c.detached_at IS NULL`),
    forClaim: db.prepare(`${SELECT} WHERE c.claim_id = ? AND c.detached_at IS NULL ORDER BY c.id`),
    forSource: db.prepare(`${SELECT} WHERE c.source_id = ? AND c.detached_at IS NULL ORDER BY c.id`),
    detach: db.prepare(`UPDATE citations SET detached_at = ?, updated_at = ? WHERE id = ? AND detached_at IS NULL`),
    // Only the stance: the passage and where it was found are anchoring's, never an edit's.
    updateStance: db.prepare(
      `UPDATE citations SET stance = @stance, updated_at = @now WHERE id = @id AND detached_at IS NULL`,
    ),
    updateAnchor: db.prepare(`UPDATE citations SET version_id = @versionId, start_offset = @start, end_offset = @end,
        exact = @exact, prefix = @prefix, suffix = @suffix, anchor_status = @anchorStatus, score = @score, updated_at = @now
      WHERE id = @id`),
  };

  return {
    insert(citation: NewCitation, now: string): number {
      return Number(statements.insert.run({ ...citation, now }).lastInsertRowid);
    },
    get(id: number): Citation | null {
      const row = statements.get.get(id) as CitationRow | undefined;
      return row ? toCitation(row) : null;
    },
    forClaim(claimId: number): Citation[] {
      return (statements.forClaim.all(claimId) as CitationRow[]).map(toCitation);
    },
    /** Citations of many claims at once, grouped by claim id (one query per 500 ids). */
    forClaims(claimIds: readonly number[]): Map<number, Citation[]> {
      const grouped = new Map<number, Citation[]>();
      for (let i = 0; i < claimIds.length; i += 500) {
        const chunk = claimIds.slice(i, i + 500);
        const rows = db
          .prepare(
            `${SELECT} WHERE c.claim_id IN (${chunk.map(() => '?').join(',')}) AND c.detached_at IS NULL ORDER BY c.id`,
          )
          .all(...chunk) as CitationRow[];
        for (const row of rows) {
          const list = grouped.get(row.claim_id!) ?? [];
          list.push(toCitation(row));
          grouped.set(row.claim_id!, list);
        }
      }
      return grouped;
    },
    forSource(sourceId: number): Citation[] {
      return (statements.forSource.all(sourceId) as CitationRow[]).map(toCitation);
    },
    detach(id: number, now: string): boolean {
      return statements.detach.run(now, now, id).changes > 0;
    },
    /** Sets a live citation's stance; false when there is no such live citation. */
    updateStance(id: number, stance: Citation['stance'], now: string): boolean {
      return statements.updateStance.run({ id, stance, now }).changes > 0;
    },
    updateAnchor(update: AnchorUpdate, now: string): void {
      statements.updateAnchor.run({ ...update, now });
    },
  };
}
