// The helper the migration tests stand on: a library it makes at version N is a real library
// at N that keeps what was written into it, and it refuses a version the app does not list.
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations';
import { libraryAtVersion, migrationsUpTo, type LibraryAtVersion } from './atVersion';

let library: LibraryAtVersion | undefined;
afterEach(() => library?.remove());

describe('libraryAtVersion', () => {
  it('makes an existing library at the version asked for, which keeps the rows written into it', () => {
    library = libraryAtVersion(LATEST_SCHEMA_VERSION);
    library.write((db) =>
      db.prepare(`INSERT INTO sources (title, created_at, updated_at) VALUES ('kept', 'x', 'x')`).run(),
    );
    const reopened = library.migrateTo(LATEST_SCHEMA_VERSION);
    expect(reopened.created).toBe(false);
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(reopened.db.prepare('SELECT title FROM sources').pluck().all()).toEqual(['kept']);
  });

  it('refuses a schema version the app does not list', () => {
    expect(() => migrationsUpTo(LATEST_SCHEMA_VERSION + 1)).toThrow(/no schema version/);
    expect(() => libraryAtVersion(-1)).toThrow(/no schema version/);
  });
});
