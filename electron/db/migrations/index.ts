// Every schema version, in order. Add a migration: a new file `<NNN>-<what-it-does>.ts`,
// one line here, and a test that starts from the previous version with data in it
// (tests/db/migrations/<NNN>-<what-it-does>.test.ts; see atVersion.ts there).
import { migration001 } from './001-initial-schema';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration001];

/** The schema version this build of the app writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
