// The migration runner (openLibraryDatabase): fresh libraries, refusals, backup before migrating,
// rollback, the order of the list. Each migration has its own test beside this file (NNN-<what>.test.ts).
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { openLibraryDatabase } from '../../../electron/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/db/migrations';
import type { Migration } from '../../../electron/db/migrations/types';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let temp: TempDir;
afterEach(() => temp?.remove());

describe('opening a library', () => {
  it('creates a fresh library at the latest schema with durable pragmas', () => {
    temp = makeTempDir();
    const { db, schemaVersion } = openLibraryDatabase(temp.path('lib.db'));
    expect(schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare(
        `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'`,
      )
      .all() as Array<{ name: string; sql: string }>;
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        'brief_citations',
        'brief_claims',
        'briefs',
        'citations',
        'claim_revisions',
        'claim_tags',
        'claims',
        'source_versions',
        'sources',
      ].sort(),
    );
    for (const table of tables) expect(table.sql, `${table.name} is STRICT`).toMatch(/\)\s*STRICT/);
    db.close();
  });

  it('reopens an existing library without migrating or backing it up again', () => {
    temp = makeTempDir();
    openLibraryDatabase(temp.path('lib.db')).db.close();
    const reopened = openLibraryDatabase(temp.path('lib.db'));
    expect(reopened.migrationBackup).toBeNull();
    reopened.db.close();
  });

  it('refuses a library from a newer version of the app and leaves the file byte-for-byte untouched', () => {
    temp = makeTempDir();
    const file = temp.path('future.db');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x INTEGER) STRICT; INSERT INTO from_the_future VALUES (42);');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    future.close();
    const before = sha(file);
    const filesBefore = readdirSync(temp.dir).sort();

    let thrown: unknown;
    try {
      openLibraryDatabase(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('DATABASE_NEWER');
    expect((thrown as AppError).message).toMatch(/newer version/);
    expect(sha(file)).toBe(before);
    expect(readdirSync(temp.dir).sort()).toEqual(filesBefore);
  });

  it('refuses a file that is not a SQLite database and leaves it untouched', () => {
    temp = makeTempDir();
    const file = temp.path('notes.db');
    writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200));
    const before = sha(file);
    expect(() => openLibraryDatabase(file)).toThrowError(expect.objectContaining({ code: 'DATABASE_CORRUPT' }));
    expect(sha(file)).toBe(before);
  });

  it('backs up an older library before migrating it, and the backup still opens at the old version', () => {
    temp = makeTempDir();
    const file = temp.path('old.db');
    const first = openLibraryDatabase(file);
    first.db.exec(`INSERT INTO sources (title, reliability, created_at, updated_at) VALUES ('kept', 'B', 'x', 'x')`);
    first.db.close();

    // A next schema version, as a future release would add it.
    const next: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test-add-column',
      up: (db) => db.exec(`ALTER TABLE sources ADD COLUMN note TEXT`),
    };
    const upgraded = openLibraryDatabase(file, { migrations: [...MIGRATIONS, next] });
    expect(upgraded.schemaVersion).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(upgraded.db.prepare('SELECT title, note FROM sources').get()).toEqual({ title: 'kept', note: null });
    expect(upgraded.migrationBackup).not.toBeNull();
    upgraded.db.close();

    const backup = new Database(upgraded.migrationBackup!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.prepare('SELECT title FROM sources').pluck().get()).toBe('kept');
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    backup.close();
  });

  it('rolls back a failing migration completely, keeping the library at its old version', () => {
    temp = makeTempDir();
    const file = temp.path('lib.db');
    openLibraryDatabase(file).db.close();
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test-broken',
      up: (db) => {
        db.exec(`CREATE TABLE half_done (x INTEGER) STRICT`);
        db.exec(`THIS IS NOT SQL`);
      },
    };
    expect(() => openLibraryDatabase(file, { migrations: [...MIGRATIONS, broken] })).toThrow();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(check.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'`).pluck().get()).toBe(0);
    check.close();
  });

  it('lists migrations with strictly increasing versions', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions[0]).toBe(1);
  });
});
