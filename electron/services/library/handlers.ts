// Use cases for the library file itself: what it holds, and online backups.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Handlers } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import type { ServiceContext } from '../context';

type LibraryHandlers = Pick<Handlers, 'library.info' | 'library.backup'>;

/** Copies the open library to `outFile` with SQLite's online backup API and checks the copy. */
export async function backupLibrary(ctx: ServiceContext, outFile: string): Promise<{ path: string; bytes: number; createdAt: string }> {
  const target = resolve(outFile);
  if (target === resolve(ctx.dbPath)) throw new AppError('INVALID_INPUT', 'A backup cannot overwrite the library it copies.');
  if (existsSync(target)) throw new AppError('CONFLICT', `${target} already exists; choose a new file name so no earlier backup is overwritten.`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    await ctx.db.backup(target);
  } catch (error) {
    throw new AppError('INVALID_INPUT', `Cannot write a backup to ${target}: ${(error as Error).message}.`);
  }
  const copy = new Database(target, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new AppError('INTERNAL', `The backup at ${target} failed its integrity check (${String(check)}).`);
  } finally {
    copy.close();
  }
  return { path: target, bytes: statSync(target).size, createdAt: ctx.now() };
}

export function createLibraryHandlers(ctx: ServiceContext): LibraryHandlers {
  const count = (table: string, where = '') => ctx.db.prepare(`SELECT count(*) FROM ${table} ${where}`).pluck().get() as number;
  return {
    'library.info'() {
      return {
        path: ctx.dbPath,
        schemaVersion: LATEST_SCHEMA_VERSION,
        counts: {
          sources: count('sources'),
          claims: count('claims'),
          citations: count('citations', 'WHERE detached_at IS NULL'),
          briefs: count('briefs', 'WHERE deleted_at IS NULL'),
        },
      };
    },
    'library.backup'({ outFile }) {
      return backupLibrary(ctx, outFile);
    },
  };
}
