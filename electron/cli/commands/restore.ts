// `briefing restore BACKUP_FILE`: the library replaced by a checked backup, the old file kept aside.
import type { Command } from 'commander';
import { restoreLibrary } from '../../services/backup/restore';
import { example } from '../options';
import type { Session } from '../session';

export function restoreCommand(program: Command, session: Session): void {
  program
    .command('restore')
    .description(
      'replace the library with a backup, checked first; the replaced library is kept beside it as <name>.replaced-<time>.db',
    )
    .argument('<backupFile>', 'the backup to restore (see: briefing backup --list)')
    .addHelpText('after', example('briefing restore backups/library-2026-11-20T08-00-00-000Z-daily.db'))
    .action(async (backupFile: string) => {
      // Not through `library.restore`: the handler table needs the library open, and restore is
      // what a damaged library that will not open is told to run (and a missing or newer one
      // must be replaceable too). restoreLibrary never opens the library before the swap.
      const restored = restoreLibrary(session.libraryPath(), backupFile);
      const info = await session.open().invoke('library.info', {}); // opening brings an older backup up to date
      session.print({ ...restored, schemaVersion: info.schemaVersion, counts: info.counts }, () =>
        [
          `Restored ${restored.path} from ${restored.restoredFrom}.`,
          restored.replacedFile
            ? `The library it replaced was kept as ${restored.replacedFile}.`
            : 'There was no library to replace.',
          `It holds ${info.counts.claims} claim(s), ${info.counts.briefs} brief(s) and ${info.counts.sources} source(s).`,
        ].join('\n'),
      );
    });
}
