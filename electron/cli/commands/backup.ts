// `briefing backup [OUT_FILE]` and `briefing backup --list`.
import type { Command } from 'commander';
import { newManualBackupPath } from '../../services/backup/automaticBackups';
import { example } from '../options';
import type { Session } from '../session';

export function backupCommand(program: Command, session: Session): void {
  program
    .command('backup')
    .description(
      'copy the library with SQLite’s online backup (integrity-checked); without OUT_FILE, into the backups folder beside it',
    )
    .argument('[outFile]', 'where to write the copy (must not exist yet)')
    .option('--list', 'list the backups in the backups folder, newest first (works on a damaged library too)')
    .addHelpText('after', example('briefing backup /media/usb/library-copy.db'))
    .action(async (outFile: string | undefined, options: { list?: boolean }) => {
      if (options.list) {
        // The file's table, not the open library's: the list is what a user looks at when the
        // library is damaged and will not open.
        const listed = await session.file().invoke('library.backups', {});
        const { directory, backups } = listed;
        session.print(listed, () =>
          backups.length === 0
            ? `No backups yet in ${directory}.`
            : backups
                .map(
                  (b) =>
                    `${b.createdAt}\t${b.kind}\tv${b.schemaVersion ?? '?'}\t${Math.ceil(b.bytes / 1024).toLocaleString('en')} KB\t${b.path}`,
                )
                .join('\n'),
        );
        return;
      }
      const result = await session
        .open()
        .invoke('library.backup', { outFile: outFile ?? newManualBackupPath(session.libraryPath()) });
      session.print(result, () => `Backed up to ${result.path} (${result.bytes.toLocaleString('en')} bytes).`);
    });
}
