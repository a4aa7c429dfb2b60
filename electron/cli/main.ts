// The `briefing` command line: the same handler table as the app, on a library file.
// Exit codes: 0 success, 1 a check failed, 2 bad usage or bad input (one line on stderr).
import { Command, CommanderError, Option } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { formatMegabytes, MAX_SOURCE_BYTES, oversizeSourceMessage } from '../../shared/api/sources';
import { formatGrading } from '../../shared/tradecraft/vocabularies';
import { listLibraryBackups, newManualBackupPath } from '../services/backup/automaticBackups';
import { restoreLibrary } from '../services/backup/restore';
import { createLibrary, type Library } from '../services/createLibrary';
import type { Printer } from '../services/export/printer';
import { defaultLibraryPath } from '../services/paths';

export const EXIT = { ok: 0, checkFailed: 1, badInput: 2 } as const;

interface GlobalOptions {
  db?: string;
  json?: boolean;
}

/** Everything a command writes goes through here, so tests can capture it. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

class CheckFailed extends Error {}

/** Parses a repeated `--cite SOURCE_ID:"quote"` value. */
function parseCite(value: string, previous: Array<{ sourceId: number; quote: string }> = []) {
  const match = /^(\d+):(.+)$/s.exec(value);
  if (!match)
    throw new AppError(
      'INVALID_INPUT',
      `--cite takes SOURCE_ID:"exact quote", e.g. --cite 3:"troops crossed the river"; got ${JSON.stringify(value)}.`,
    );
  return [...previous, { sourceId: Number(match[1]), quote: match[2]!.replace(/^"(.*)"$/s, '$1') }];
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function positiveInt(what: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1)
      throw new AppError('INVALID_INPUT', `${what} must be a positive whole number; got ${JSON.stringify(value)}.`);
    return Number(value);
  };
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let library: Library | undefined;
  const program = new Command('briefing')
    .description('Briefing Composer library: sources, claim cards, briefs.')
    .option('--db <path>', 'library file (default: $BRIEFING_DB or the app’s library in the user-data folder)')
    .option('--json', 'print one JSON object on stdout')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(s),
    })
    .showSuggestionAfterError();

  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  /** The library file this run works on. */
  const libraryPath = (): string => globals().db ?? defaultLibraryPath();
  /** Opens the library once per run; only `export` passes a printer, so no other command loads Chromium's driver. */
  const open = (printer?: Printer): Library =>
    (library ??= createLibrary({
      dbPath: globals().db ?? defaultLibraryPath(),
      printer,
      logError: (e) => io.stderr(String((e as Error)?.stack ?? e)),
    }));
  /** Prints the JSON object with --json, else the human-readable lines. */
  const print = (json: unknown, human: () => string) => io.stdout(globals().json ? JSON.stringify(json) : human());

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
    .addOption(new Option('--reliability <grade>', 'source reliability').choices(['A', 'B', 'C', 'D', 'E', 'F']))
    .addOption(new Option('--format <format>', 'override format detection').choices(['text', 'markdown', 'html']))
    .option(
      '--source <id>',
      'import as a new version of this source and re-anchor its citations',
      positiveInt('--source'),
    )
    .action(async (file: string, options) => {
      let bytes: Buffer;
      try {
        // Refused by its size before it is read: a 3 GB file must not fill memory first.
        const size = statSync(file).size;
        if (size > MAX_SOURCE_BYTES)
          throw new AppError('TOO_LARGE', oversizeSourceMessage(`“${basename(file)}”`, formatMegabytes(size)));
        bytes = readFileSync(file);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError(
          'INVALID_INPUT',
          `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
        );
      }
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
      const result = await open().invoke('sources.import', {
        content: { base64: bytes.toString('base64'), fileName: basename(file), format: options.format },
        metadata,
        sourceId: options.source,
      });
      print(result, () => {
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

  program
    .command('sources')
    .description('list sources')
    .action(async () => {
      const sources = await open().invoke('sources.list', {});
      print({ sources }, () =>
        sources.length === 0
          ? 'No sources yet. Import one with: briefing import FILE'
          : sources
              .map((s) => `${s.id}\t${s.reliability}\tv${s.versionCount}\t${s.citationCount} citations\t${s.title}`)
              .join('\n'),
      );
    });

  program
    .command('claims')
    .description('search claim cards (all words must match; "quoted phrases"; the last word matches as a prefix)')
    .argument('[query...]', 'search text')
    .option('--tag <tag>')
    .option('--status <status>')
    .option('--likelihood <term>')
    .option('--confidence <level>')
    .option('--source <id>', 'only claims citing this source', positiveInt('--source'))
    .option('--limit <n>', 'at most this many', positiveInt('--limit'), 50)
    .action(async (query: string[], options) => {
      const result = await open().invoke('claims.search', {
        query: query.join(' '),
        tag: options.tag,
        status: options.status,
        likelihood: options.likelihood,
        confidence: options.confidence,
        sourceId: options.source,
        limit: options.limit,
      });
      print(result, () =>
        result.total === 0
          ? 'No claims match.'
          : [
              ...result.hits.map((c) => {
                const grading = c.citations[0] ? formatGrading(c.citations[0].sourceReliability, c.credibility) : '—';
                return `${c.id}\t${c.status}\t${c.likelihood ?? '—'}\t${c.confidence ?? '—'}\t${grading}\t${c.statement}`;
              }),
              `${result.hits.length} of ${result.total} claims.`,
            ].join('\n'),
      );
    });

  program
    .command('briefs')
    .description('list briefs')
    .option('--all', 'include briefs in the trash')
    .action(async (options) => {
      const briefs = await open().invoke('briefs.list', { includeDeleted: Boolean(options.all) });
      print({ briefs }, () =>
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

  const claim = program.command('claim').description('work with one claim card');
  claim
    .command('add')
    .description('create a claim card citing passages of sources')
    .requiredOption('--statement <text>')
    .option('--kind <kind>', 'fact | assessment | judgment', 'fact')
    .option('--likelihood <term>', 'estimative term, e.g. "very likely"')
    .option('--confidence <level>', 'low | moderate | high')
    .option('--credibility <n>', 'information credibility 1-6', positiveInt('--credibility'))
    .option('--status <status>', 'draft | verified | disputed | retracted', 'draft')
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('--cite <source:quote>', 'SOURCE_ID:"exact quote" (repeatable)', parseCite)
    .addOption(
      new Option('--stance <stance>', 'stance of every --cite')
        .choices(['supports', 'contradicts', 'mentions'])
        .default('supports'),
    )
    .action(async (options) => {
      const created = await open().invoke('claims.create', {
        statement: options.statement,
        kind: options.kind,
        likelihood: options.likelihood ?? null,
        confidence: options.confidence ?? null,
        credibility: options.credibility ?? null,
        status: options.status,
        tags: options.tag ?? [],
        citations: (options.cite ?? []).map((target: { sourceId: number; quote: string }) => ({
          target,
          stance: options.stance,
        })),
      });
      const citationIds = created.citations.map((c) => c.id);
      print(
        { claimId: created.id, citationIds, claim: created },
        () => `Created claim ${created.id} with ${citationIds.length} citation(s).`,
      );
    });

  const brief = program.command('brief').description('work with one brief');
  brief
    .command('new')
    .description('start a brief from the BLUF / Key judgments / Discussion / Outlook template')
    .requiredOption('--title <title>')
    .option('--marking <marking>', 'TLP:AMBER, SECRET//NOFORN, …', '')
    .option('--author <author>')
    .option('--empty', 'start empty instead of from the template')
    .action(async (options) => {
      const created = await open().invoke('briefs.create', {
        title: options.title,
        marking: options.marking,
        author: options.author ?? null,
        template: options.empty ? 'empty' : 'standard',
      });
      print({ briefId: created.id, brief: created }, () => `Created brief ${created.id}: ${created.title}`);
    });
  brief
    .command('add')
    .description('append a claim card, a heading or a paragraph to a brief')
    .argument('<briefId>', 'the brief', positiveInt('BRIEF_ID'))
    .option('--claim <id>', 'embed this claim card', positiveInt('--claim'))
    .option('--heading <text>')
    .option('--text <text>')
    .action(async (briefId: number, options) => {
      const given = ['claim', 'heading', 'text'].filter((k) => options[k] !== undefined);
      if (given.length !== 1) throw new AppError('INVALID_INPUT', 'Give exactly one of --claim, --heading or --text.');
      const block =
        options.claim !== undefined
          ? { claimId: options.claim as number }
          : options.heading !== undefined
            ? { heading: options.heading as string }
            : { text: options.text as string };
      const updated = await open().invoke('briefs.append', { briefId, block });
      print({ briefId, brief: updated }, () => `Brief ${briefId} now embeds ${updated.claimCount} claim(s).`);
    });

  program
    .command('check')
    .description('check every citation of a brief; exit 1 if any is orphaned')
    .argument('<briefId>', 'the brief', positiveInt('BRIEF_ID'))
    .action(async (briefId: number) => {
      const check = await open().invoke('briefs.check', { briefId });
      print(check, () => {
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

  program
    .command('backup')
    .description(
      'copy the library with SQLite’s online backup (integrity-checked); without OUT_FILE, into the backups folder beside it',
    )
    .argument('[outFile]', 'where to write the copy (must not exist yet)')
    .option('--list', 'list the backups in the backups folder, newest first (works on a damaged library too)')
    .action(async (outFile: string | undefined, options: { list?: boolean }) => {
      if (options.list) {
        const { directory, backups } = listLibraryBackups(libraryPath());
        print({ directory, backups }, () =>
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
      const result = await open().invoke('library.backup', { outFile: outFile ?? newManualBackupPath(libraryPath()) });
      print(result, () => `Backed up to ${result.path} (${result.bytes.toLocaleString('en')} bytes).`);
    });

  program
    .command('restore')
    .description(
      'replace the library with a backup, checked first; the replaced library is kept beside it as <name>.replaced-<time>.db',
    )
    .argument('<backupFile>', 'the backup to restore (see: briefing backup --list)')
    .action(async (backupFile: string) => {
      // Works on a closed library, damaged or not: the library itself is never opened before the swap.
      const restored = restoreLibrary(libraryPath(), backupFile);
      const info = await open().invoke('library.info', {}); // opening brings an older backup up to date
      print({ ...restored, schemaVersion: info.schemaVersion, counts: info.counts }, () =>
        [
          `Restored ${restored.path} from ${restored.restoredFrom}.`,
          restored.replacedFile
            ? `The library it replaced was kept as ${restored.replacedFile}.`
            : 'There was no library to replace.',
          `It holds ${info.counts.claims} claim(s), ${info.counts.briefs} brief(s) and ${info.counts.sources} source(s).`,
        ].join('\n'),
      );
    });

  program
    .command('export')
    .description(
      'export a brief to PDF after a pre-flight check; exit 1 if citations are orphaned (unless --allow-orphans)',
    )
    .argument('<briefId>', 'the brief', positiveInt('BRIEF_ID'))
    .requiredOption('--out <file>', 'the PDF to write (replaced atomically if it exists)')
    .option('--allow-orphans', 'export even with orphaned citations; they are marked in the PDF')
    .action(async (briefId: number, options: { out: string; allowOrphans?: boolean }) => {
      // Imported here so the other commands never load playwright-core.
      const [{ describePreflight }, { createChromiumPrinter }] = await Promise.all([
        import('../services/export/preflight'),
        import('../services/export/chromiumPrinter'),
      ]);
      // The printer keeps its browser between prints; this run prints once, so close it before exiting.
      const printer = createChromiumPrinter();
      const result = await open(printer)
        .invoke('briefs.exportPdf', { briefId, outFile: options.out, allowOrphans: Boolean(options.allowOrphans) })
        .finally(() => printer.close());
      print(result, () => {
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

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CheckFailed) return EXIT.checkFailed;
    if (error instanceof CommanderError) {
      // Help and version are not errors; commander has already printed its message.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof AppError) {
      if (globals().json) io.stdout(JSON.stringify({ error: error.toJSON() }));
      io.stderr(`briefing: ${error.message}`);
      return error.code === 'INTERNAL' ? EXIT.checkFailed : EXIT.badInput;
    }
    io.stderr(`briefing: unexpected error: ${(error as Error)?.message ?? String(error)}`);
    return EXIT.checkFailed;
  } finally {
    library?.close();
  }
}
