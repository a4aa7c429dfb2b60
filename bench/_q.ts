import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
const db = new Database(process.argv[2]!, { readonly: true });
const t = (label: string, sql: string, ...p: unknown[]) => {
  const s = performance.now();
  const r = db.prepare(sql).all(...p);
  console.log(label, (performance.now() - s).toFixed(1), 'ms', r.length);
  return r;
};
for (const q of ['"the"*', '"the"', '"kalo"*', '"river"', '"troops" AND "the"', '"of the"']) {
  t(`capped count ${q}`, `SELECT count(*) FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? LIMIT 2001)`, q);
  t(
    `newest2000 bm25 ${q}`,
    `SELECT rowid, s FROM (SELECT rowid, bm25(claims_fts) AS s FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT 2000) ORDER BY s LIMIT 20`,
    q,
  );
  t(
    `newest2000 snippet ${q}`,
    `SELECT c.id, snippet(claims_fts, 0, '[', ']', '…', 24) FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid WHERE claims_fts MATCH ? AND claims_fts.rowid IN (SELECT rowid FROM (SELECT rowid, bm25(claims_fts) AS s FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT 2000) ORDER BY s LIMIT 20)`,
    q,
    q,
  );
  t(`newest2000 only ${q}`, `SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT 2000`, q);
}
