// `briefing briefs`: every brief with its marking and how many claim cards it embeds.
import type { Command } from 'commander';
import { example } from '../options';
import type { Session } from '../session';

export function briefsCommand(program: Command, session: Session): void {
  program
    .command('briefs')
    .description('list briefs')
    .option('--all', 'include briefs in the trash')
    .addHelpText('after', example('briefing briefs --all'))
    .action(async (options: { all?: boolean }) => {
      const briefs = await session.open().invoke('briefs.list', { includeDeleted: Boolean(options.all) });
      session.print({ briefs }, () =>
        briefs.length === 0
          ? 'No briefs yet. Start one with: briefing brief new --title TITLE'
          : briefs
              .map(
                (b) =>
                  `${b.id}\t${b.marking || '—'}\t${b.claimCount} claims\t${b.title}${b.deletedAt ? ' (in trash)' : ''}`,
              )
              .join('\n'),
      );
    });
}
