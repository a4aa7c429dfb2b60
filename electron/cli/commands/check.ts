// `briefing check BRIEF_ID`: where every citation of a brief stands; exit 1 on an orphan.
import type { Command } from 'commander';
import { CheckFailed } from '../exit';
import { example, positiveInt } from '../options';
import type { Session } from '../session';

export function checkCommand(program: Command, session: Session): void {
  program
    .command('check')
    .description('check every citation of a brief; exit 1 if any is orphaned')
    .argument('<briefId>', 'the brief', positiveInt('BRIEF_ID'))
    .addHelpText('after', example('briefing check 1'))
    .action(async (briefId: number) => {
      const check = await session.open().invoke('briefs.check', { briefId });
      session.print(check, () => {
        const lines = check.citations.map(
          (c) =>
            `${c.citationId}\tclaim ${c.claimId ?? '—'}\t${c.status}${c.status === 'fuzzy' ? ` (${c.score?.toFixed(2)})` : ''}\t"${c.quote}"`,
        );
        for (const u of check.uncitedClaims) lines.push(`uncited claim ${u.claimId}: ${u.statement}`);
        for (const id of check.missingClaimIds) lines.push(`missing claim ${id} (no longer in the library)`);
        const orphans = check.citations.filter((c) => c.status === 'orphaned').length;
        lines.push(
          `${check.citations.length} citation(s), ${orphans} orphaned, ${check.uncitedClaims.length} uncited claim(s).`,
        );
        return lines.join('\n');
      });
      if (check.citations.some((c) => c.status === 'orphaned')) throw new CheckFailed();
    });
}
