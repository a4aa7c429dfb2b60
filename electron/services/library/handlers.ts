// Use cases for the open library as a whole: what it holds, backing it up, its backups, and
// restoring one while it is in use. Those that also work unopened are in fileHandlers.ts.
import type { Handlers } from '../../../shared/api/contract';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import type { BackupService } from '../backup/backupService';
import type { ServiceContext } from '../context';
import { backupToRestore } from './fileHandlers';

type LibraryHandlers = Pick<Handlers, 'library.info' | 'library.backup' | 'library.backups' | 'library.restore'>;

export function createLibraryHandlers(ctx: ServiceContext, backups: BackupService): LibraryHandlers {
  const count = (table: string, where = '') =>
    ctx.db.prepare(`SELECT count(*) FROM ${table} ${where}`).pluck().get() as number;
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
      return backups.backup(outFile);
    },
    'library.backups'() {
      return backups.list();
    },
    'library.restore'(input) {
      return backups.restore(backupToRestore(input, () => backups.list().backups));
    },
  };
}
