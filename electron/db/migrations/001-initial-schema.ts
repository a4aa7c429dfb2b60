// Version 1: the library as first shipped. Frozen: later changes are new migrations.
import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  name: 'initial-schema',
  up(db) {
    db.exec(`
      CREATE TABLE sources (
        id           INTEGER PRIMARY KEY,
        title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
        publisher    TEXT,
        author       TEXT,
        url          TEXT,
        published_at TEXT,
        language     TEXT,
        reliability  TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A','B','C','D','E','F')),
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;

      -- The normalized text of a source at one import. Never changed once written: citations
      -- point into it by offset, and exports record which version they used.
      CREATE TABLE source_versions (
        id          INTEGER PRIMARY KEY,
        source_id   INTEGER NOT NULL REFERENCES sources(id),
        version_no  INTEGER NOT NULL CHECK (version_no > 0),
        text        TEXT NOT NULL,
        sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
        format      TEXT NOT NULL CHECK (format IN ('text','markdown','html')),
        file_name   TEXT,
        imported_at TEXT NOT NULL,
        UNIQUE (source_id, version_no)
      ) STRICT;
      CREATE INDEX source_versions_by_sha ON source_versions(sha256);
      CREATE TRIGGER source_versions_immutable BEFORE UPDATE ON source_versions
        BEGIN SELECT RAISE(ABORT, 'source versions are immutable'); END;

      CREATE TABLE claims (
        id          INTEGER PRIMARY KEY,
        statement   TEXT NOT NULL CHECK (length(trim(statement)) > 0),
        kind        TEXT NOT NULL CHECK (kind IN ('fact','assessment','judgment')),
        likelihood  TEXT CHECK (likelihood IN (
                      'almost no chance','very unlikely','unlikely','roughly even chance','likely','very likely','almost certain',
                      'remote','highly improbable','improbable','roughly even odds','probable','highly probable','nearly certain')),
        confidence  TEXT CHECK (confidence IN ('low','moderate','high')),
        credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
        status      TEXT NOT NULL CHECK (status IN ('draft','verified','disputed','retracted')),
        -- JSON array of strings; claim_tags below is derived from it by triggers for filtering.
        tags        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
        revision    INTEGER NOT NULL DEFAULT 1,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      -- The library lists newest first, alone or within one filter.
      CREATE INDEX claims_by_recency ON claims(updated_at DESC, id DESC);
      CREATE INDEX claims_by_status ON claims(status, updated_at DESC);
      CREATE INDEX claims_by_likelihood ON claims(likelihood, updated_at DESC);
      CREATE INDEX claims_by_confidence ON claims(confidence, updated_at DESC);

      CREATE TABLE claim_tags (
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        tag      TEXT NOT NULL,
        PRIMARY KEY (tag, claim_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER claim_tags_insert AFTER INSERT ON claims BEGIN
        INSERT OR IGNORE INTO claim_tags(claim_id, tag) SELECT new.id, value FROM json_each(new.tags);
      END;
      CREATE TRIGGER claim_tags_update AFTER UPDATE OF tags ON claims BEGIN
        DELETE FROM claim_tags WHERE claim_id = old.id;
        INSERT OR IGNORE INTO claim_tags(claim_id, tag) SELECT new.id, value FROM json_each(new.tags);
      END;

      -- Every state a claim has been in, including the first; the claim row mirrors the newest.
      CREATE TABLE claim_revisions (
        id          INTEGER PRIMARY KEY,
        claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        revision    INTEGER NOT NULL,
        statement   TEXT NOT NULL,
        kind        TEXT NOT NULL,
        likelihood  TEXT,
        confidence  TEXT,
        credibility INTEGER,
        status      TEXT NOT NULL,
        tags        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        UNIQUE (claim_id, revision)
      ) STRICT;

      CREATE TABLE briefs (
        id         INTEGER PRIMARY KEY,
        title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
        marking    TEXT NOT NULL DEFAULT '',
        author     TEXT,
        document   TEXT NOT NULL CHECK (json_valid(document)),
        revision   INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      -- A citation links a claim card (or a brief's running text) to a passage of a source version.
      CREATE TABLE citations (
        id            INTEGER PRIMARY KEY,
        claim_id      INTEGER REFERENCES claims(id) ON DELETE CASCADE,
        brief_id      INTEGER REFERENCES briefs(id) ON DELETE CASCADE,
        source_id     INTEGER NOT NULL REFERENCES sources(id),
        version_id    INTEGER NOT NULL REFERENCES source_versions(id),
        stance        TEXT NOT NULL CHECK (stance IN ('supports','contradicts','mentions')),
        start_offset  INTEGER,
        end_offset    INTEGER,
        exact         TEXT NOT NULL,
        prefix        TEXT NOT NULL,
        suffix        TEXT NOT NULL,
        anchor_status TEXT NOT NULL CHECK (anchor_status IN ('exact','fuzzy','orphaned')),
        score         REAL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        detached_at   TEXT,
        CHECK ((claim_id IS NULL) <> (brief_id IS NULL)),
        CHECK ((anchor_status = 'orphaned') = (start_offset IS NULL)),
        CHECK (start_offset IS NULL OR (start_offset >= 0 AND end_offset > start_offset))
      ) STRICT;
      CREATE INDEX citations_by_claim ON citations(claim_id);
      CREATE INDEX citations_by_source ON citations(source_id);
      CREATE INDEX citations_by_brief ON citations(brief_id);

      -- Which briefs embed which claims: kept current on every brief save, read for "used in".
      CREATE TABLE brief_claims (
        brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
        claim_id INTEGER NOT NULL,
        PRIMARY KEY (brief_id, claim_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX brief_claims_by_claim ON brief_claims(claim_id, brief_id);

      CREATE TABLE brief_citations (
        brief_id    INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
        citation_id INTEGER NOT NULL,
        PRIMARY KEY (brief_id, citation_id)
      ) STRICT, WITHOUT ROWID;

      -- Full-text indexes over external content, kept in sync by the triggers below.
      CREATE VIRTUAL TABLE claims_fts USING fts5(
        statement, tags, content = 'claims', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'  -- search-as-you-type asks for prefixes on every keystroke
      );
      CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, statement, tags) VALUES (new.id, new.statement, new.tags);
      END;
      CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, statement, tags) VALUES ('delete', old.id, old.statement, old.tags);
      END;
      CREATE TRIGGER claims_fts_update AFTER UPDATE OF statement, tags ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, statement, tags) VALUES ('delete', old.id, old.statement, old.tags);
        INSERT INTO claims_fts(rowid, statement, tags) VALUES (new.id, new.statement, new.tags);
      END;

      CREATE VIRTUAL TABLE source_versions_fts USING fts5(
        text, content = 'source_versions', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER source_versions_fts_insert AFTER INSERT ON source_versions BEGIN
        INSERT INTO source_versions_fts(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER source_versions_fts_delete AFTER DELETE ON source_versions BEGIN
        INSERT INTO source_versions_fts(source_versions_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
    `);
  },
};
