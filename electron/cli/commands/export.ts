// `briefing export BRIEF_ID --out FILE`: a PDF of a brief, after the pre-flight check.
import type { Command } from 'commander';
import { CheckFailed } from '../exit';
import { example, positiveInt } from '../options';
import type { Session } from '../session';

export function exportCommand(program: Command, session: Session): void {
  program
    .command('export')
    .description(
      'export a brief to PDF after a pre-flight check; exit 1 if citations are orphaned (unless --allow-orphans)',
    )
    .argument('<briefId>', 'the brief', positiveInt('BRIEF_ID'))
    .requiredOption('--out <file>', 'the PDF to write (replaced atomically if it exists)')
    .option('--allow-orphans', 'export even with orphaned citations; they are marked in the PDF')
    .addHelpText('after', example('briefing export 1 --out weekly.pdf'))
    .action(async (briefId: number, options: { out: string; allowOrphans?: boolean }) => {
      // Imported here so the other commands never load playwright-core.
      const [{ describePreflight }, { createChromiumPrinter }] = await Promise.all([
        import('../../services/export/preflight'),
        import('../../services/export/chromiumPrinter'),
      ]);
      // The printer keeps its browser between prints; this run prints once, so close it before exiting.
      const printer = createChromiumPrinter();
      const result = await session
        .open(printer)
        .invoke('briefs.exportPdf', { briefId, outFile: options.out, allowOrphans: Boolean(options.allowOrphans) })
        .finally(() => printer.close());
      session.print(result, () => {
        const lines = describePreflight(result.preflight);
        if (result.exported) {
          lines.push(
            `Exported brief ${briefId} to ${result.path} (${result.pages} page(s), ${Math.ceil((result.bytes ?? 0) / 1024).toLocaleString('en')} KB).`,
          );
        } else {
          lines.push(
            `Export blocked: ${result.preflight.orphaned.length} orphaned citation(s). Re-cite or detach them, or pass --allow-orphans to export with them marked.`,
          );
        }
        return lines.join('\n');
      });
      if (!result.exported) throw new CheckFailed();
    });
}
