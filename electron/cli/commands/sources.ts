// `briefing sources`: every source with its grade, versions and how often it is cited.
import type { Command } from 'commander';
import { example } from '../options';
import type { Session } from '../session';

export function sourcesCommand(program: Command, session: Session): void {
  program
    .command('sources')
    .description('list sources')
    .addHelpText('after', example('briefing sources --json'))
    .action(async () => {
      const sources = await session.open().invoke('sources.list', {});
      session.print({ sources }, () =>
        sources.length === 0
          ? 'No sources yet. Import one with: briefing import FILE'
          : sources
              .map((s) => `${s.id}\t${s.reliability}\tv${s.versionCount}\t${s.citationCount} citations\t${s.title}`)
              .join('\n'),
      );
    });
}
