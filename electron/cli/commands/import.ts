// `briefing import FILE`: a document becomes a new source, or a new version of --source.
import { Option, type Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import {
  formatMegabytes,
  MAX_SOURCE_BYTES,
  oversizeSourceMessage,
  sourceFormatSchema,
} from '../../../shared/api/sources';
import { SOURCE_RELIABILITY_GRADES, type SourceReliability } from '../../../shared/tradecraft/vocabularies';
import { example, positiveInt } from '../options';
import type { Session } from '../session';

interface ImportOptions {
  title?: string;
  publisher?: string;
  author?: string;
  url?: string;
  published?: string;
  language?: string;
  reliability?: SourceReliability;
  format?: (typeof sourceFormatSchema.options)[number];
  source?: number;
}

/** The file's bytes, or INVALID_INPUT / TOO_LARGE with a sentence naming the file. */
function readDocument(file: string): Buffer {
  try {
    // Refused by its size before it is read: a 3 GB file must not fill memory first.
    const size = statSync(file).size;
    if (size > MAX_SOURCE_BYTES)
      throw new AppError('TOO_LARGE', oversizeSourceMessage(`“${basename(file)}”`, formatMegabytes(size)));
    return readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'INVALID_INPUT',
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
    );
  }
}

export function importCommand(program: Command, session: Session): void {
  program
    .command('import')
    .description('import a text, Markdown or HTML file as a new source, or as a new version of --source')
    .argument('<file>', 'the document to import')
    .option('--title <title>')
    .option('--publisher <publisher>')
    .option('--author <author>')
    .option('--url <url>')
    .option('--published <date>', 'publication date, YYYY-MM-DD')
    .option('--language <code>', 'language tag, e.g. en, ar, he')
    .addOption(new Option('--reliability <grade>', 'source reliability').choices(SOURCE_RELIABILITY_GRADES))
    .addOption(new Option('--format <format>', 'override format detection').choices(sourceFormatSchema.options))
    .option(
      '--source <id>',
      'import as a new version of this source and re-anchor its citations',
      positiveInt('--source'),
    )
    .addHelpText(
      'after',
      example('briefing import report.html --title "Harbour report" --reliability B --published 2026-11-20'),
    )
    .action(async (file: string, options: ImportOptions) => {
      const bytes = readDocument(file);
      const metadata = Object.fromEntries(
        Object.entries({
          title: options.title,
          publisher: options.publisher,
          author: options.author,
          url: options.url,
          publishedAt: options.published,
          language: options.language,
          reliability: options.reliability,
        }).filter(([, v]) => v !== undefined),
      );
      const result = await session.open().invoke('sources.import', {
        content: { base64: bytes.toString('base64'), fileName: basename(file), format: options.format },
        metadata,
        sourceId: options.source,
      });
      session.print(result, () => {
        const lines = [
          result.unchanged
            ? `Source ${result.sourceId} unchanged (version ${result.versionId}).`
            : `Imported source ${result.sourceId}, version ${result.versionId}.`,
        ];
        if (options.source !== undefined)
          lines.push(
            `Citations re-anchored: ${result.reanchor.exact} exact, ${result.reanchor.fuzzy} fuzzy, ${result.reanchor.orphaned} orphaned.`,
          );
        for (const warning of result.warnings) lines.push(`Note: ${warning}`);
        return lines.join('\n');
      });
    });
}
