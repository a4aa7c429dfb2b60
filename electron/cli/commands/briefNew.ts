// `briefing brief new`: a brief from the standard template (or empty), with its handling marking.
import type { Command } from 'commander';
import { CLASSIFICATION_LEVELS, TLP_MARKINGS } from '../../../shared/tradecraft/vocabularies';
import { example } from '../options';
import type { Session } from '../session';

interface BriefNewOptions {
  title: string;
  marking: string;
  author?: string;
  empty?: boolean;
}

// A marking is not a closed list (a banner takes caveats), so the contract checks it; the help names its parts.
const MARKING_HELP = `${TLP_MARKINGS.join(', ')}, or ${CLASSIFICATION_LEVELS.join(', ')} with any //CAVEATS (e.g. SECRET//NOFORN); "" for none`;

export function briefNewCommand(brief: Command, session: Session): void {
  brief
    .command('new')
    .description('start a brief from the BLUF / Key judgments / Discussion / Outlook template')
    .requiredOption('--title <title>')
    .option('--marking <marking>', MARKING_HELP, '')
    .option('--author <author>')
    .option('--empty', 'start empty instead of from the template')
    .addHelpText('after', example('briefing brief new --title "Weekly harbour brief" --marking TLP:AMBER'))
    .action(async (options: BriefNewOptions) => {
      const created = await session.open().invoke('briefs.create', {
        title: options.title,
        marking: options.marking,
        author: options.author ?? null,
        template: options.empty ? 'empty' : 'standard',
      });
      session.print({ briefId: created.id, brief: created }, () => `Created brief ${created.id}: ${created.title}`);
    });
}
