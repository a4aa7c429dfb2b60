// Migration 001 (initial-schema): what every library is made of. It starts from the empty file
// SQLite creates, because before version 1 there is no data to keep; every later migration's
// test starts from its previous version with rows in it (see atVersion.ts).
import type { Database as Db } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedLibrary } from '../../../electron/db/connection';
import { libraryAtVersion, type LibraryAtVersion } from './atVersion';

const NOW = '2026-01-01T00:00:00.000Z';

let library: LibraryAtVersion;
let opened: OpenedLibrary;
let db: Db;

beforeEach(() => {
  library = libraryAtVersion(0);
  opened = library.migrateTo(1);
  db = opened.db;
});
afterEach(() => library.remove());

/** Names of the schema objects of one kind that SQLite did not make itself, sorted. */
const namesOf = (type: 'table' | 'index' | 'trigger'): string[] =>
  db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all(type) as string[];

describe('migration 001: the initial schema, from an empty file', () => {
  it('makes a new library at version 1 and takes no backup of the empty file', () => {
    expect(opened.created).toBe(true);
    expect(opened.migrationBackup).toBeNull();
    expect(opened.schemaVersion).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
  });

  it('creates every table the library keeps, each one STRICT', () => {
    const tables = (db.pragma('table_list') as Array<{ schema: string; name: string; type: string; strict: number }>)
      .filter((table) => table.schema === 'main' && table.type === 'table' && !table.name.startsWith('sqlite_'))
      .map(({ name, strict }) => ({ name, strict }));
    expect(tables.map((table) => table.name).sort()).toEqual([
      'brief_citations',
      'brief_claims',
      'briefs',
      'citations',
      'claim_revisions',
      'claim_tags',
      'claims',
      'source_versions',
      'sources',
    ]);
    for (const table of tables) expect(table.strict, `${table.name} is STRICT`).toBe(1);
  });

  it('creates the full-text indexes that search claims and source text', () => {
    const virtual = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
      .pluck()
      .all();
    expect(virtual).toEqual(['claims_fts', 'source_versions_fts']);
  });

  it('creates the indexes the claim library lists by and citations are looked up by', () => {
    expect(namesOf('index')).toEqual([
      'brief_claims_by_claim',
      'citations_by_brief',
      'citations_by_claim',
      'citations_by_source',
      'claims_by_confidence',
      'claims_by_likelihood',
      'claims_by_recency',
      'claims_by_status',
      'source_versions_by_sha',
    ]);
  });

  it('creates the triggers that keep tags, search and stored source text right', () => {
    expect(namesOf('trigger')).toEqual([
      'claim_tags_insert',
      'claim_tags_update',
      'claims_fts_delete',
      'claims_fts_insert',
      'claims_fts_update',
      'source_versions_fts_delete',
      'source_versions_fts_insert',
      'source_versions_immutable',
    ]);
  });

  it('refuses to change a stored source version, so citations keep pointing at the text they quote', () => {
    db.prepare(`INSERT INTO sources (id, title, created_at, updated_at) VALUES (1, 'Report', ?, ?)`).run(NOW, NOW);
    db.prepare(
      `INSERT INTO source_versions (source_id, version_no, text, sha256, format, imported_at)
       VALUES (1, 1, 'The river rose two metres.', ?, 'text', ?)`,
    ).run('a'.repeat(64), NOW);
    expect(() => db.prepare(`UPDATE source_versions SET text = 'Changed.'`).run()).toThrow(/immutable/);
    expect(
      db.prepare(`SELECT rowid FROM source_versions_fts WHERE source_versions_fts MATCH 'river'`).pluck().all(),
    ).toEqual([1]);
  });

  it('derives a claim’s tags and makes its statement searchable as it is saved', () => {
    db.prepare(
      `INSERT INTO claims (id, statement, kind, status, tags, created_at, updated_at)
       VALUES (7, 'Troops crossed the border', 'fact', 'draft', '["border","troops"]', ?, ?)`,
    ).run(NOW, NOW);
    expect(db.prepare(`SELECT tag FROM claim_tags WHERE claim_id = 7 ORDER BY tag`).pluck().all()).toEqual([
      'border',
      'troops',
    ]);
    expect(db.prepare(`SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'crossed'`).pluck().all()).toEqual([7]);
  });
});
