// Schema versions: a library from every schema version, with data in it, opens under the
// current app, migrates to the current schema — equal to a fresh library's — and keeps its
// data; each version's schema is frozen in a fixture; a library from a newer app is refused
// and left untouched.
//
// The libraries are built here, from the migrations themselves, rather than kept as binary
// fixtures that drift: the library at version N is MIGRATIONS[0..N] applied to an empty file,
// then filled by SEEDS[N] with raw SQL that version's schema accepts. What stops migration N
// itself from drifting once shipped is tests/fixtures/libraries/schema-vN.txt.
//
// Adding migration N: add SEEDS[N] (data for a version-N library, and what must be true of it
// after upgrading) and run this file once with BRIEFING_WRITE_SCHEMA_FIXTURE=N to write
// schema-vN.txt; commit it, and never change it again.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibraryDatabase } from '../../electron/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import type { Migration } from '../../electron/db/migrations/types';
import { createLibrary, type Library } from '../../electron/services/createLibrary';
import { AppError } from '../../shared/api/errors';
import { makeTempDir, type TempDir } from '../helpers/tempDir';
import { normalizedSchema, schemaText } from './schema';
import { cli, listing, sha256 } from './support';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'libraries');

interface VersionSeed {
  /** Writes data into a library at this version, with SQL that version's schema accepts. */
  seed: (db: Database.Database) => void;
  /** What must hold once the library has been brought up to the current version. */
  verify: (library: Library) => Promise<void>;
}

const SOURCE_TEXT = 'Checkpoint log. The checkpoint on Route 4 reopened on Sunday morning. Lorries queued south.';
const QUOTE = 'The checkpoint on Route 4 reopened on Sunday morning.';

const SEEDS: Record<number, VersionSeed> = {
  1: {
    seed(db) {
      const t = '2026-01-05T10:00:00.000Z';
      const sha = createHash('sha256').update(SOURCE_TEXT).digest('hex');
      const start = SOURCE_TEXT.indexOf(QUOTE);
      db.exec(`
        INSERT INTO sources (id, title, publisher, reliability, created_at, updated_at) VALUES (1, 'Checkpoint log', 'Roads desk', 'B', '${t}', '${t}');
        INSERT INTO source_versions (id, source_id, version_no, text, sha256, format, imported_at) VALUES (1, 1, 1, '${SOURCE_TEXT}', '${sha}', 'text', '${t}');
        INSERT INTO claims (id, statement, kind, likelihood, confidence, credibility, status, tags, revision, created_at, updated_at)
          VALUES (1, 'Route 4 checkpoint reopened', 'fact', 'almost certain', 'high', 2, 'verified', '["routes","roads"]', 2, '${t}', '${t}'),
                 (2, 'Queues will grow next week', 'judgment', 'likely', 'moderate', NULL, 'draft', '[]', 1, '${t}', '${t}');
        INSERT INTO claim_revisions (claim_id, revision, statement, kind, likelihood, confidence, credibility, status, tags, created_at)
          VALUES (1, 1, 'Route 4 checkpoint open', 'fact', NULL, NULL, NULL, 'draft', '["routes"]', '${t}'),
                 (1, 2, 'Route 4 checkpoint reopened', 'fact', 'almost certain', 'high', 2, 'verified', '["routes","roads"]', '${t}'),
                 (2, 1, 'Queues will grow next week', 'judgment', 'likely', 'moderate', NULL, 'draft', '[]', '${t}');
        INSERT INTO citations (id, claim_id, source_id, version_id, stance, start_offset, end_offset, exact, prefix, suffix, anchor_status, score, created_at, updated_at)
          VALUES (1, 1, 1, 1, 'supports', ${start}, ${start + QUOTE.length}, '${QUOTE}', 'Checkpoint log. ', ' Lorries queued south.', 'exact', 1, '${t}', '${t}'),
                 (2, 2, 1, 1, 'mentions', NULL, NULL, 'a passage that is gone', '', '', 'orphaned', NULL, '${t}', '${t}');
        INSERT INTO briefs (id, title, marking, document, revision, created_at, updated_at)
          VALUES (1, 'Roads', 'TLP:GREEN', '{"root":{"type":"root","version":1,"children":[{"type":"claim-card","version":1,"claimId":1},{"type":"claim-card","version":1,"claimId":2}]}}', 3, '${t}', '${t}');
        INSERT INTO brief_claims (brief_id, claim_id) VALUES (1, 1), (1, 2);
      `);
    },
    async verify(library) {
      expect((await library.invoke('library.info', {})).counts).toEqual({
        sources: 1,
        claims: 2,
        citations: 2,
        briefs: 1,
      });
      const claim = await library.invoke('claims.get', { claimId: 1 });
      expect(claim).toMatchObject({
        statement: 'Route 4 checkpoint reopened',
        revision: 2,
        tags: ['routes', 'roads'],
        usedInBriefs: 1,
      });
      expect(claim.citations).toMatchObject([
        { anchorStatus: 'exact', exact: QUOTE, sourceTitle: 'Checkpoint log', sourceReliability: 'B' },
      ]);
      expect((await library.invoke('claims.revisions', { claimId: 1 })).map((r) => r.statement)).toEqual([
        'Route 4 checkpoint reopened',
        'Route 4 checkpoint open',
      ]);
      expect((await library.invoke('claims.search', { query: 'checkpoint' })).hits.map((h) => h.id)).toEqual([1]);
      expect((await library.invoke('claims.search', { tag: 'roads' })).hits.map((h) => h.id)).toEqual([1]);
      expect((await library.invoke('briefs.get', { briefId: 1 })).document.root.children).toHaveLength(2);
      const check = await library.invoke('briefs.check', { briefId: 1 });
      expect(check.citations.map((c) => c.status).sort()).toEqual(['exact', 'orphaned']);
      // The upgraded library takes new work.
      const created = await library.invoke('claims.create', {
        statement: 'Written by the current version',
        citations: [{ target: { sourceId: 1, quote: 'Lorries queued south.' } }],
      });
      expect(created.citations[0]!.anchorStatus).toBe('exact');
    },
  },
};

let temp: TempDir;
afterEach(() => temp?.remove());

/** A library file at `version` of `migrations`, with SEEDS[version]'s data, closed. */
function libraryAtVersion(
  path: string,
  version: number,
  migrations: readonly Migration[] = MIGRATIONS,
  seed = SEEDS[version]!.seed,
): void {
  const opened = openLibraryDatabase(path, { migrations: migrations.filter((m) => m.version <= version) });
  expect(opened.db.pragma('user_version', { simple: true })).toBe(version);
  opened.db.transaction(() => seed(opened.db))();
  opened.close();
}

function freshSchema(path: string, migrations: readonly Migration[] = MIGRATIONS) {
  const opened = openLibraryDatabase(path, { migrations });
  const schema = normalizedSchema(opened.db);
  opened.close();
  return schema;
}

/** Structural health of an open library: integrity, foreign keys, and both full-text indexes against their content. */
function expectHealthy(db: Database.Database) {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(() => db.exec(`INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')`)).not.toThrow();
  expect(() =>
    db.exec(`INSERT INTO source_versions_fts(source_versions_fts) VALUES ('integrity-check')`),
  ).not.toThrow();
}

describe('libraries from every schema version', () => {
  it('have data to start from and a frozen schema, for every version', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(Object.keys(SEEDS).map(Number)).toEqual(versions);
    const write = Number(process.env.BRIEFING_WRITE_SCHEMA_FIXTURE ?? 0);
    for (const version of versions) {
      temp = makeTempDir();
      const schema = freshSchemaText(temp.path(`v${version}.db`), version);
      const fixture = join(FIXTURES, `schema-v${version}.txt`);
      if (write === version) writeFileSync(fixture, schema);
      expect(
        existsSync(fixture),
        `${fixture} is missing: run this test once with BRIEFING_WRITE_SCHEMA_FIXTURE=${version}`,
      ).toBe(true);
      // A shipped migration is never edited: a library made by it must look exactly as it did.
      expect(schema, `migration ${version} no longer makes the schema it shipped with`).toBe(
        readFileSync(fixture, 'utf8'),
      );
      temp.remove();
    }
  });

  for (const { version } of MIGRATIONS) {
    it(`version ${version} with data in it opens, migrates to version ${LATEST_SCHEMA_VERSION} with a fresh library's schema, and keeps its data`, async () => {
      temp = makeTempDir();
      const path = temp.path('library.db');
      libraryAtVersion(path, version);

      const library = createLibrary({
        dbPath: path,
        logError: (error) => {
          throw error;
        },
      });
      expect(library.context.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(normalizedSchema(library.context.db)).toEqual(freshSchema(temp.path('fresh.db')));
      expectHealthy(library.context.db);
      const backups = (await library.invoke('library.backups', {})).backups;
      if (version < LATEST_SCHEMA_VERSION)
        expect(backups[0]).toMatchObject({ kind: 'before-migration', schemaVersion: version });
      await SEEDS[version]!.verify(library);
      library.close();
    });
  }

  it('the same holds across a next version (a test migration that rebuilds a table), so the harness is ready for one', async () => {
    temp = makeTempDir();
    const next: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test-rebuild-sources',
      // The documented 12-step way to change a table SQLite cannot ALTER: new table, copy, swap.
      up(db) {
        db.exec(`
          CREATE TABLE sources_new (
            id INTEGER PRIMARY KEY, title TEXT NOT NULL CHECK (length(trim(title)) > 0), publisher TEXT, author TEXT, url TEXT,
            published_at TEXT, language TEXT, reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A','B','C','D','E','F')),
            country TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
          ) STRICT;
          INSERT INTO sources_new (id, title, publisher, author, url, published_at, language, reliability, created_at, updated_at)
            SELECT id, title, publisher, author, url, published_at, language, reliability, created_at, updated_at FROM sources;
          DROP TABLE sources;
          ALTER TABLE sources_new RENAME TO sources;
          CREATE INDEX sources_by_country ON sources(country);
        `);
      },
    };
    const migrations = [...MIGRATIONS, next];
    const path = temp.path('library.db');
    libraryAtVersion(path, LATEST_SCHEMA_VERSION);
    const upgraded = openLibraryDatabase(path, { migrations });
    // foreign_keys is ON: a rebuild that broke a reference would fail here or in the check below.
    expect(normalizedSchema(upgraded.db)).toEqual(freshSchema(temp.path('fresh.db'), migrations));
    expectHealthy(upgraded.db);
    expect(upgraded.db.prepare('SELECT title, reliability, country FROM sources').get()).toEqual({
      title: 'Checkpoint log',
      reliability: 'B',
      country: null,
    });
    expect(upgraded.db.prepare('SELECT count(*) FROM citations WHERE source_id = 1').pluck().get()).toBe(2);
    expect(upgraded.db.pragma('foreign_keys', { simple: true })).toBe(1); // back on once migrations are done
    upgraded.close();
  });

  it('a migration that would leave broken references is rolled back, and the library stays as it was', () => {
    temp = makeTempDir();
    const path = temp.path('library.db');
    libraryAtVersion(path, LATEST_SCHEMA_VERSION);
    const careless: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test-drop-sources-carelessly',
      up: (db) => db.exec('DELETE FROM sources'),
    };
    expect(() => openLibraryDatabase(path, { migrations: [...MIGRATIONS, careless] })).toThrowError(
      /would leave \d+ broken reference\(s\), so it was rolled back/,
    );
    const reopened = openLibraryDatabase(path);
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(reopened.db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(1);
    reopened.close();
  });

  it('a library from a newer app is refused by the app and the CLI, byte-for-byte untouched, nothing created beside it', async () => {
    temp = makeTempDir();
    const path = temp.path('library.db');
    libraryAtVersion(path, LATEST_SCHEMA_VERSION);
    const future = new Database(path);
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    future.close();
    const hash = sha256(path);
    const files = listing(temp.dir);
    expect(files).toEqual(['library.db']);

    let thrown: unknown;
    try {
      createLibrary({ dbPath: path, logError: () => {} });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      code: 'DATABASE_NEWER',
      message: expect.stringMatching(
        /newer version of Briefing Composer \(library version \d+; this app reads up to \d+\)\. Update the app/,
      ) as string,
    });
    const run = await cli('--db', path, 'briefs');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^briefing: library\.db was written by a newer version/);
    expect(sha256(path)).toBe(hash);
    expect(listing(temp.dir)).toEqual(files);
  });
});

/** The frozen-fixture text of the schema a library at `version` has. */
function freshSchemaText(path: string, version: number): string {
  const opened = openLibraryDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= version) });
  const text = schemaText(normalizedSchema(opened.db, { withFtsShadowTables: false }));
  opened.close();
  return text;
}
