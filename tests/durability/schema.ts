// A library's schema as comparable text: every entry of sqlite_schema with its SQL, white
// space normalized, in a fixed order.
import type { Database } from 'better-sqlite3';

export interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** FTS5's shadow tables (claims_fts_data, …): SQLite writes their SQL, and it may differ between SQLite releases. */
const FTS_SHADOW = /_fts_(data|idx|content|docsize|config)$/;

export function normalizedSchema(db: Database, options: { withFtsShadowTables?: boolean } = {}): SchemaEntry[] {
  const rows = db
    .prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name')
    .all() as SchemaEntry[];
  return rows
    .filter((row) => options.withFtsShadowTables !== false || !FTS_SHADOW.test(row.name))
    .map((row) => ({
      ...row,
      sql:
        row.sql === null
          ? null
          : row.sql
              .replace(/--[^\n]*/g, ' ')
              .replace(/\s+/g, ' ')
              .replace(/\s*([(),])\s*/g, '$1')
              .trim(),
    }));
}

/** The schema as the text of a fixture file: one entry per line. */
export function schemaText(entries: SchemaEntry[]): string {
  return `${entries.map((e) => `${e.type} ${e.name} ON ${e.tbl_name}: ${e.sql ?? '(automatic)'}`).join('\n')}\n`;
}
