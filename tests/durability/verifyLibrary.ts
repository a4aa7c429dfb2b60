// The parent's side of the crash test: a record of every acknowledged commit, and the checks
// a library must pass after its writer was killed — it opens, it is intact, nothing
// acknowledged is missing, and nothing half-written is visible.
import type { Database } from 'better-sqlite3';
import { openLibraryDatabase } from '../../electron/db/connection';
import { collectReferences, type SerializedDocument } from '../../shared/briefs/document';
import type { WriterAck } from './writerProtocol';

/** The newest acknowledged state of each claim and brief. */
export interface AckedState {
  claims: Map<number, { revision: number; statement: string }>;
  briefs: Map<number, { revision: number; nonce?: string; claimIds?: number[] }>;
  count: number;
}

export function emptyAckedState(): AckedState {
  return { claims: new Map(), briefs: new Map(), count: 0 };
}

export function recordAck(state: AckedState, ack: WriterAck): void {
  state.count += 1;
  if (ack.op === 'create' || ack.op === 'update') {
    const known = state.claims.get(ack.claimId);
    if (!known || ack.revision > known.revision)
      state.claims.set(ack.claimId, { revision: ack.revision, statement: ack.statement });
  } else if (ack.op === 'brief') {
    if (!state.briefs.has(ack.briefId)) state.briefs.set(ack.briefId, { revision: ack.revision });
  } else {
    const known = state.briefs.get(ack.briefId);
    if (!known || ack.revision > known.revision)
      state.briefs.set(ack.briefId, { revision: ack.revision, nonce: ack.nonce, claimIds: ack.claimIds });
  }
}

export interface LibraryCounts {
  claims: number;
  revisions: number;
  briefs: number;
  briefClaims: number;
}

/** Rows that break an invariant; each query must return nothing. */
const INVARIANTS: Array<[string, string]> = [
  [
    'every claim has revisions 1..revision, and no more',
    `SELECT c.id, c.revision, count(r.id) AS n, min(r.revision) AS lo, max(r.revision) AS hi
       FROM claims c LEFT JOIN claim_revisions r ON r.claim_id = c.id
      GROUP BY c.id HAVING n != c.revision OR lo != 1 OR hi != c.revision`,
  ],
  [
    "a claim's newest revision holds exactly its current fields",
    `SELECT c.id FROM claims c JOIN claim_revisions r ON r.claim_id = c.id AND r.revision = c.revision
      WHERE r.statement IS NOT c.statement OR r.kind IS NOT c.kind OR r.status IS NOT c.status OR r.tags IS NOT c.tags
         OR r.likelihood IS NOT c.likelihood OR r.confidence IS NOT c.confidence OR r.credibility IS NOT c.credibility`,
  ],
  [
    'no revision without its claim',
    `SELECT r.id FROM claim_revisions r LEFT JOIN claims c ON c.id = r.claim_id WHERE c.id IS NULL`,
  ],
  [
    'the tag index equals each claim’s tags',
    `SELECT * FROM (SELECT c.id, j.value FROM claims c, json_each(c.tags) j EXCEPT SELECT claim_id, tag FROM claim_tags)
     UNION ALL SELECT * FROM (SELECT claim_id, tag FROM claim_tags EXCEPT SELECT c.id, j.value FROM claims c, json_each(c.tags) j)`,
  ],
];

function fail(message: string, details?: unknown): never {
  throw new Error(details === undefined ? message : `${message}: ${JSON.stringify(details).slice(0, 600)}`);
}

/** Checks a library opened by the test (not by the app): structure, invariants, acknowledged commits. */
export function checkLibrary(db: Database, acked: AckedState): LibraryCounts {
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') fail('integrity_check failed', integrity);
  const foreignKeys = db.pragma('foreign_key_check') as unknown[];
  if (foreignKeys.length > 0) fail('foreign_key_check found rows', foreignKeys);
  // FTS5 compares its index with the content table and raises on any difference (it needs a writable connection, and writes nothing).
  if (!db.readonly) db.exec(`INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')`);

  for (const [what, sql] of INVARIANTS) {
    const broken = db.prepare(sql).all();
    if (broken.length > 0) fail(`half-written data visible (${what})`, broken.slice(0, 5));
  }

  const claimRow = db.prepare('SELECT revision, statement FROM claims WHERE id = ?');
  const revisionRow = db.prepare('SELECT statement FROM claim_revisions WHERE claim_id = ? AND revision = ?').pluck();
  for (const [claimId, ack] of acked.claims) {
    const row = claimRow.get(claimId) as { revision: number; statement: string } | undefined;
    if (!row) fail(`acknowledged claim ${claimId} is missing`);
    if (row.revision < ack.revision)
      fail(`claim ${claimId} is at revision ${row.revision}, but revision ${ack.revision} was acknowledged`);
    if (revisionRow.get(claimId, ack.revision) !== ack.statement)
      fail(`claim ${claimId} revision ${ack.revision} does not hold the acknowledged statement`, ack);
    if (row.revision === ack.revision && row.statement !== ack.statement)
      fail(`claim ${claimId} does not hold its acknowledged statement`, { row, ack });
  }

  const briefs = db.prepare('SELECT id, revision, document FROM briefs').all() as Array<{
    id: number;
    revision: number;
    document: string;
  }>;
  const indexedClaims = db.prepare('SELECT claim_id FROM brief_claims WHERE brief_id = ? ORDER BY claim_id').pluck();
  const indexedCitations = db
    .prepare('SELECT citation_id FROM brief_citations WHERE brief_id = ? ORDER BY citation_id')
    .pluck();
  const byId = new Map(briefs.map((b) => [b.id, b]));
  for (const brief of briefs) {
    let document: SerializedDocument;
    try {
      document = JSON.parse(brief.document) as SerializedDocument;
    } catch {
      fail(`brief ${brief.id} holds a document that does not parse`);
    }
    if (document.root?.type !== 'root' || !Array.isArray(document.root.children))
      fail(`brief ${brief.id} holds a document without a root`);
    const { claimIds, citationIds } = collectReferences(document);
    const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
    if (JSON.stringify(sorted(claimIds)) !== JSON.stringify(indexedClaims.all(brief.id))) {
      fail(`brief ${brief.id}'s claim index does not match its document`, {
        document: sorted(claimIds),
        index: indexedClaims.all(brief.id),
      });
    }
    if (JSON.stringify(sorted(citationIds)) !== JSON.stringify(indexedCitations.all(brief.id)))
      fail(`brief ${brief.id}'s citation index does not match its document`);
  }
  for (const [briefId, ack] of acked.briefs) {
    const brief = byId.get(briefId);
    if (!brief) fail(`acknowledged brief ${briefId} is missing`);
    if (brief.revision < ack.revision)
      fail(`brief ${briefId} is at revision ${brief.revision}, but revision ${ack.revision} was acknowledged`);
    if (brief.revision === ack.revision && ack.nonce !== undefined) {
      if (!brief.document.includes(`nonce ${ack.nonce}`))
        fail(`brief ${briefId} does not hold its acknowledged save ${ack.nonce}`);
      const { claimIds } = collectReferences(JSON.parse(brief.document) as SerializedDocument);
      if (JSON.stringify([...claimIds].sort()) !== JSON.stringify([...(ack.claimIds ?? [])].sort()))
        fail(`brief ${briefId} embeds other claims than acknowledged`);
    }
  }

  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    claims: count('SELECT count(*) FROM claims'),
    revisions: count('SELECT count(*) FROM claim_revisions'),
    briefs: count('SELECT count(*) FROM briefs'),
    briefClaims: count('SELECT count(*) FROM brief_claims'),
  };
}

/** Opens the library the way the app does (refusing damage), checks it, and closes it cleanly. */
export function openAndCheckLibrary(dbPath: string, acked: AckedState): LibraryCounts {
  const opened = openLibraryDatabase(dbPath);
  try {
    return checkLibrary(opened.db, acked);
  } finally {
    opened.close();
  }
}
