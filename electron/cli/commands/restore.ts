// `briefing restore BACKUP_FILE`: the library replaced by a checked backup, the old file kept aside.
import type { Command } from 'commander';
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
      // The file's table, not the open library's: restore is what a damaged library that will not
      // open is told to run (and a missing or newer one must be replaceable too).
      const restored = await session.file().invoke('library.restore', { backupFile });
      const info = await session.open().invoke('library.info', {}); // the restored library opens: what it holds
      session.print({ ...restored, counts: info.counts }, () =>
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
