// What every use case gets: the open database, its repositories and the clock.
import type { Database } from 'better-sqlite3';
import { createBriefsRepository } from '../db/repositories/briefs';
import { createCitationsRepository } from '../db/repositories/citations';
import { createClaimsRepository } from '../db/repositories/claims';
import { createSourcesRepository } from '../db/repositories/sources';

export interface ServiceContext {
  db: Database;
  dbPath: string;
  sources: ReturnType<typeof createSourcesRepository>;
  claims: ReturnType<typeof createClaimsRepository>;
  citations: ReturnType<typeof createCitationsRepository>;
  briefs: ReturnType<typeof createBriefsRepository>;
  /** The current time as an ISO string; injectable so tests can pin it. */
  now: () => string;
  /** Runs `work` in one IMMEDIATE transaction: all of it is written or none of it. */
  write: <T>(work: () => T) => T;
}

export function createServiceContext(
  db: Database,
  dbPath: string,
  now: () => string = () => new Date().toISOString(),
): ServiceContext {
  return {
    db,
    dbPath,
    sources: createSourcesRepository(db),
    claims: createClaimsRepository(db),
    citations: createCitationsRepository(db),
    briefs: createBriefsRepository(db),
    now,
    write: (work) => db.transaction(work).immediate(),
  };
}
