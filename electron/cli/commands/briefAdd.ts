// `briefing brief add BRIEF_ID`: append one block (a claim card, a heading or a paragraph) to a brief.
import type { Command } from 'commander';
import { AppError } from '../../../shared/api/errors';
import { example, positiveInt } from '../options';
import type { Session } from '../session';

interface BriefAddOptions {
  claim?: number;
  heading?: string;
  text?: string;
}

export function briefAddCommand(brief: Command, session: Session): void {
  brief
    .command('add')
    .description('append a claim card, a heading or a paragraph to a brief')
    .argument('<briefId>', 'the brief', positiveInt('BRIEF_ID'))
    .option('--claim <id>', 'embed this claim card', positiveInt('--claim'))
    .option('--heading <text>')
    .option('--text <text>')
    .addHelpText('after', example('briefing brief add 1 --claim 12'))
    .action(async (briefId: number, options: BriefAddOptions) => {
      const given = (['claim', 'heading', 'text'] as const).filter((k) => options[k] !== undefined);
      if (given.length !== 1) throw new AppError('INVALID_INPUT', 'Give exactly one of --claim, --heading or --text.');
      const block =
        options.claim !== undefined
          ? { claimId: options.claim }
          : options.heading !== undefined
            ? { heading: options.heading }
            : { text: options.text! };
      const updated = await session.open().invoke('briefs.append', { briefId, block });
      session.print({ briefId, brief: updated }, () => `Brief ${briefId} now embeds ${updated.claimCount} claim(s).`);
    });
}
