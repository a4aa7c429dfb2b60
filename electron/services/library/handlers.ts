// Use cases for the library file itself: what it holds, its backups, restoring one.
import { AppError } from '../../../shared/api/errors';
import type { Handlers } from '../../../shared/api/contract';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import type { BackupService } from '../backup/backupService';
import type { ServiceContext } from '../context';

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
      if ('backupFile' in input) return backups.restore(input.backupFile);
      const listed = backups.list().backups.find((b) => b.fileName === input.backupName);
      if (!listed)
        throw new AppError('NOT_FOUND', `There is no backup called “${input.backupName}” in the backups folder.`);
      return backups.restore(listed.path);
    },
  };
}
